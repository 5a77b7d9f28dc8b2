from django.apps import AppConfig


class PopularConfig(AppConfig):
    name = "popular"
    verbose_name = "Popular"
