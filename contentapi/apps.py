from django.apps import AppConfig


class ContentApiConfig(AppConfig):
    name = "contentapi"
    verbose_name = "JSON API"

    def ready(self) -> None:
        from contentapi import signals  # noqa: F401
