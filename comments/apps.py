from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self) -> None:
        from comments import erasure, notify, regions  # noqa: F401  (notify: the periodic notice)
        from core.pagecache import declare_key_params

        declare_key_params("cpage", "replytocom")  # the comments page shown; the comment replied to
