"""The events API: the events a person may see, with the list's filters, and one event. As on
the pages, who signed up is never given (only how many), and the online link only to those
signed up and the organisers."""

from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest, QueryDict
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pontio.core.paging import ApiPage
from pontio.core.permissions import person_of

from . import selectors
from .models import Attendance, Event
from .permissions import gets_online_link

router = Router(tags=["events"])
PAGE = 25


class EventOut(Schema):
    id: int
    organisation: str
    kind: str
    state: str
    title_en: str
    title_cy: str
    description_en: str
    description_cy: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online_link: str | None
    capacity: int | None
    going: int
    visibility: str
    cancelled_reason: str
    notes_en: str
    notes_cy: str
    speakers: list[str]
    questions: list[int]
    project: int | None
    updated_at: datetime


class EventPage(Schema):
    count: int
    page: int
    results: list[EventOut]


class EventFilters(Schema):
    when: str = "upcoming"
    kind: str = ""
    mine: bool = False
    sort: str = ""
    page: ApiPage = 1


def _with_links(person: Any, events: Any) -> Any:
    """Everything event_out reads, fetched once for a page of events (not per event); how many
    are going comes annotated from the selector."""
    from pontio.agenda.models import Question
    from pontio.people.models import Profile

    speakers = Profile.objects.visible_to(person)
    questions = Question.objects.visible_to(person)
    mine = Attendance.objects.filter(person=person)
    return events.select_related("organisation").prefetch_related(
        Prefetch("speakers", queryset=speakers, to_attr="seen_speakers"),
        Prefetch("questions", queryset=questions, to_attr="seen_questions"),
        Prefetch("attendances", queryset=mine, to_attr="mine"),
    )


def _projects_seen(person: Any, events: list[Event]) -> frozenset[int]:
    """Of these events' projects, those the person may see (one query for the page)."""
    from pontio.projects.models import Project

    wanted = {e.project_id for e in events if e.project_id}
    seen = Project.objects.visible_to(person).filter(pk__in=wanted).values_list("pk", flat=True)
    return frozenset(seen)


def event_out(person: Any, event: Event, projects_seen: frozenset[int]) -> dict[str, Any]:
    link = gets_online_link(person, event, signed_up=bool(event.mine))  # type: ignore[attr-defined]
    return {
        "id": event.pk,
        "organisation": event.organisation.name_en,
        "kind": event.kind,
        "state": event.state,
        "title_en": event.title_en,
        "title_cy": event.title_cy,
        "description_en": event.description_en,
        "description_cy": event.description_cy,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "place": event.place,
        "online_link": event.online_link if link else None,
        "capacity": event.capacity,
        "going": event.going,  # type: ignore[attr-defined]
        "visibility": event.visibility,
        "cancelled_reason": event.cancelled_reason,
        "notes_en": event.notes_en,
        "notes_cy": event.notes_cy,
        "speakers": [p.name for p in event.seen_speakers],  # type: ignore[attr-defined]
        "questions": sorted(q.pk for q in event.seen_questions),  # type: ignore[attr-defined]
        "project": event.project_id if event.project_id in projects_seen else None,
        "updated_at": event.updated_at,
    }


@router.get("", response=EventPage)
def events_list(request: HttpRequest, filters: Query[EventFilters]) -> dict[str, Any]:
    person = person_of(request)
    query = QueryDict(mutable=True)
    query.update({k: str(v) for k, v in filters.dict().items() if k != "mine"})
    if filters.mine:
        query["mine"] = "1"
    events = selectors.events_for(person, selectors.filters_from(query))
    page = filters.page
    found = list(_with_links(person, events)[(page - 1) * PAGE : page * PAGE])
    seen = _projects_seen(person, found)
    return {
        "count": events.count(),
        "page": page,
        "results": [event_out(person, e, seen) for e in found],
    }


@router.get("/{int:event_id}", response=EventOut)
def event_read(request: HttpRequest, event_id: int) -> dict[str, Any]:
    person = person_of(request)
    every = selectors.events_for(person, selectors.Filters(when="all"))
    event = _with_links(person, every.filter(pk=event_id)).first()
    if event is None:
        raise HttpError(404, "No event with this id, or you may not see it.")
    return event_out(person, event, _projects_seen(person, [event]))
