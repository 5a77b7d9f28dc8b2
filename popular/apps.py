from django.apps import AppConfig


class PopularConfig(AppConfig):
    name = "popular"
    verbose_name = "Popular"

    def ready(self) -> None:
        from newsletter import digest
        from popular import ranking, regions, tasks  # noqa: F401

        # Digests list the period's articles most read first (newsletter's public hook).
        digest.most_read = ranking.by_readership
