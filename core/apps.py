from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Platform"

    def ready(self) -> None:
        from core import (
            frontend_cache,  # noqa: F401  (purges the HTTP cache in front on invalidation)
            redirects,  # noqa: F401  (purges cached redirects when Wagtail's redirect table changes)
            sites,  # noqa: F401  (forgets cached sites when they change)
            tasks,  # noqa: F401  (registers the platform's periodic jobs)
        )
