from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "pontio.library"
    label = "library"
