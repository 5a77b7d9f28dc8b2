from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _ensure_roles(sender: AppConfig, **kwargs: object) -> None:
    # Run once, after the last app's migrate: every permission exists by then.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last:
        from news.roles import ensure_roles

        ensure_roles()


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"

    def ready(self) -> None:
        from core.pagecache import declare_key_params
        from news import signals  # noqa: F401

        declare_key_params("page", "p")  # listing pages; the sitemap's pages (Django's sitemap view)
        post_migrate.connect(_ensure_roles)
