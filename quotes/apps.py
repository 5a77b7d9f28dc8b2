from django.apps import AppConfig


class QuotesConfig(AppConfig):
    name = "quotes"
    verbose_name = "Who said what"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from quotes import erasure, panels, regions, signals, sitemaps  # noqa: F401  (registered on import)
