"""Reading events: the list with its filters, in one place for the pages and the project page."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone

from .models import Attendance, Event, Kind

SORTS = {"soonest": ("starts_at", "pk"), "latest": ("-starts_at", "-pk"), "title": ("title_en",)}


@dataclass(frozen=True)
class Filters:
    when: str = "upcoming"  # upcoming | past | all
    kind: str = ""
    mine: bool = False
    sort: str = ""

    @property
    def any(self) -> bool:
        return bool(self.kind or self.mine or self.when != "upcoming")

    @property
    def order(self) -> tuple[str, ...]:
        if self.sort in SORTS:
            return SORTS[self.sort]
        return SORTS["latest" if self.when == "past" else "soonest"]


def filters_from(query: QueryDict) -> Filters:
    when = query.get("when", "upcoming")
    kind = query.get("kind", "")
    return Filters(
        when=when if when in ("upcoming", "past", "all") else "upcoming",
        kind=kind if kind in Kind.values else "",
        mine=query.get("mine") == "1",
        sort=query.get("sort", "") if query.get("sort", "") in SORTS else "",
    )


def events_for(person: Any, filters: Filters) -> Any:
    events = Event.objects.visible_to(person)
    now = timezone.now()
    if filters.when == "upcoming":
        events = events.filter(ends_at__gte=now)
    elif filters.when == "past":
        events = events.filter(ends_at__lt=now)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.mine:
        # A subquery, not a join: a join on attendances would also narrow the count below.
        coming = Attendance.objects.filter(person=person).values("event")
        events = events.filter(Q(pk__in=coming) | Q(organiser=person))
    return (
        events.select_related("organisation")
        .annotate(going=Count("attendances", distinct=True))
        .order_by(*filters.order)
    )


def events_going_to(person: Any) -> Any:
    """Planned events the person signed up to that have not ended, soonest first."""
    return (
        Event.objects.filter(
            attendances__person=person, state="planned", ends_at__gte=timezone.now()
        )
        .select_related("organisation")
        .order_by("starts_at", "pk")
    )
