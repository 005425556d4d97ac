from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "pontio.library"
    label = "library"

    def ready(self) -> None:
        from pontio.search.services import register_source

        from .indexing import KIND, RECORD_SOURCE

        register_source(KIND, RECORD_SOURCE)
