from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mail import relay
        from newsletter import erasure, regions, sources, tasks  # noqa: F401  (registered on import)

        for source in sources.SOURCES:
            relay.register(source)
