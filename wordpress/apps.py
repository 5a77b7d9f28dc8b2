from django.apps import AppConfig


class WordpressConfig(AppConfig):
    name = "wordpress"
    verbose_name = "WordPress import"

    def ready(self) -> None:
        from core.pagecache import declare_key_params
        from wordpress.addresses import KEY_PARAMS

        # /?p=ID must be its own page-cache entry (its cached 301), not the home page's.
        declare_key_params(*KEY_PARAMS)
