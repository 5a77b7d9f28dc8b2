from django.apps import AppConfig


class PopularConfig(AppConfig):
    name = "popular"
    verbose_name = "Popular"

    def ready(self) -> None:
        from popular import ranking, regions, tasks  # noqa: F401
