from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "pontio.agenda"
    label = "agenda"

    def ready(self) -> None:
        from pontio.search.services import register_source

        from .indexing import KIND, QUESTION_SOURCE

        register_source(KIND, QUESTION_SOURCE)
