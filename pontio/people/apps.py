from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "pontio.people"
    verbose_name = _("Expert directory")

    def ready(self) -> None:
        from pontio.search.services import register_source

        from .indexing import KIND, PROFILE_SOURCE

        register_source(KIND, PROFILE_SOURCE)
