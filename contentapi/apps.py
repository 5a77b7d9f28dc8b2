from django.apps import AppConfig

API_PREFIX = "/api/"


class ContentApiConfig(AppConfig):
    name = "contentapi"
    verbose_name = "JSON API"

    def ready(self) -> None:
        from contentapi import signals  # noqa: F401
        from contentapi.params import KEY_PARAMS
        from core.pagecache import declare_key_params

        # The API's keys replace the site's under its prefix; the VCL lists the same set.
        declare_key_params(*KEY_PARAMS, under=API_PREFIX)
