from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "reader_search"
    verbose_name = "Search"
