"""The areas of Pontio named in the navigation. Areas whose issue has not landed yet show a page
that says what is coming, so the navigation already reads as the whole system will."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Area:
    slug: str
    label: Promise
    summary: Promise
    url_name: str = ""  # the area's own page, once it is built


AREAS = [
    Area(
        "library",
        _("Library"),
        _("One evidence library for every team and partner."),
        "library:search",
    ),
    Area(
        "briefs",
        _("Briefs"),
        _("Plain-language evidence briefs in English and Welsh."),
        "briefs:list",
    ),
    Area(
        "agenda",
        _("Research agenda"),
        _("Questions from practice, prioritised together."),
        "agenda:home",
    ),
    Area(
        "projects",
        _("Projects"),
        _("Every research activity in one register."),
        "projects:list",
    ),
    Area(
        "experts",
        _("Experts"),
        _("Who knows what, matched to the questions we ask."),
        "people:directory",
    ),
    Area(
        "events",
        _("Events"),
        _("Roundtables, 1:1 briefings, journal clubs and training."),
        "events:list",
    ),
    Area("learning", _("Learning log"), _("Reading and discussion that count as learning.")),
    Area("insights", _("Insights"), _("Dashboards and comparative local data for leaders.")),
]
AREAS_BY_SLUG = {area.slug: area for area in AREAS}
