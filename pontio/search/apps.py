from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pontio.search"
    label = "search"
