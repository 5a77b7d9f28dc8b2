from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Story timelines"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from stories import regions, signals, sitemaps  # noqa: F401  (registered on import)
