from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefsConfig(AppConfig):
    name = "pontio.briefs"
    verbose_name = _("Evidence briefs")

    def ready(self) -> None:
        from pontio.search.services import register_source

        from .indexing import BRIEF_SOURCE, KIND

        register_source(KIND, BRIEF_SOURCE)
