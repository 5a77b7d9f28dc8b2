from django.apps import AppConfig


class RelatedConfig(AppConfig):
    name = "related"
    verbose_name = "More like this"

    def ready(self) -> None:
        from related import regions, signals  # noqa: F401
