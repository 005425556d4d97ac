"""Reads of the projects register: the projects a person may see, filtered as the list, the
timeline and the API offer (in my team, in my organisation, with a partner, by topic, by
status), and sorted."""

from dataclasses import dataclass
from typing import Any

from django.db.models import F

from .models import Project, ProjectQuerySet, Status

SORTS: dict[str, tuple[Any, ...]] = {
    "newest": ("-created_at", "-pk"),
    "title": ("title_en", "pk"),
    "starts": (F("starts_on").asc(nulls_last=True), "pk"),
    "ends": (F("ends_on").asc(nulls_last=True), "pk"),
}


@dataclass(frozen=True)
class Filters:
    mine: str = ""  # "team" or "organisation"
    partner: int | None = None
    topic: int | None = None
    status: str = ""
    sort: str = "newest"

    @property
    def any(self) -> bool:
        return bool(self.mine or self.partner or self.topic or self.status)


def _number(value: Any) -> int | None:
    text = str(value or "")
    return int(text) if text.isdecimal() else None


def filters_from(params: Any) -> Filters:
    """Filters from query parameters; anything not understood is ignored."""
    mine = params.get("mine", "")
    status = params.get("status", "")
    sort = params.get("sort", "newest")
    return Filters(
        mine=mine if mine in ("team", "organisation") else "",
        partner=_number(params.get("partner")),
        topic=_number(params.get("topic")),
        status=status if status in Status.values else "",
        sort=sort if sort in SORTS else "newest",
    )


def projects_for(person: Any, filters: Filters) -> ProjectQuerySet:
    projects = Project.objects.visible_to(person)
    if filters.mine == "team":
        teams = person.memberships.filter(team__isnull=False).values("team")
        projects = projects.filter(teams__in=teams)
    elif filters.mine == "organisation":
        organisations = person.memberships.values("organisation")
        projects = projects.filter(organisation__in=organisations)
    if filters.partner:
        projects = projects.filter(partners=filters.partner)
    if filters.topic:
        projects = projects.filter(topics=filters.topic)
    if filters.status:
        projects = projects.filter(status=filters.status)
    ids = projects.values("pk")
    return (
        Project.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("topics", "partners")
        .order_by(*SORTS[filters.sort])
    )


def months_of(projects: Any) -> list[tuple[Any, list[Project]]]:
    """Projects grouped by the month they start (undated ones last), earliest first."""
    groups: dict[Any, list[Project]] = {}
    for project in projects:
        key = project.starts_on.replace(day=1) if project.starts_on else None
        groups.setdefault(key, []).append(project)
    dated = sorted(((k, v) for k, v in groups.items() if k is not None), key=lambda kv: kv[0])
    return dated + ([(None, groups[None])] if None in groups else [])
