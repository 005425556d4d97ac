"""Writes to events: arranging one (in an organisation, for a project, or from an accepted
request for an expert), changing and cancelling it, signing up and leaving, and recording who
came. Each checks who may do it and raises EventError with a message they can act on."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pontio.core.history import delete_as, save_as
from pontio.organisations.permissions import is_broker_of
from pontio.people.models import ExpertRequest, RequestKind, RequestState

from .models import Attendance, Event, Kind, State
from .permissions import (
    can_change,
    can_organise_for,
    can_organise_in,
    can_see,
)

EDITABLE = (
    "kind",
    "title_en",
    "title_cy",
    "description_en",
    "description_cy",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "capacity",
    "visibility",
)


class EventError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def _check(event: Event) -> None:
    if not event.title_en.strip() and not event.title_cy.strip():
        raise EventError(_("Give the event a title in English or Welsh."))
    if event.ends_at <= event.starts_at:
        raise EventError(_("The event must end after it starts."))
    if event.pk and event.capacity is not None:
        going = event.attendances.count()
        if going > event.capacity:
            raise EventError(
                _("%(count)s people have already signed up: allow at least that many places.")
                % {"count": going}
            )


def _check_new(person: Any, event: Event, project: Any, request: ExpertRequest | None) -> None:
    if project is not None:
        if not can_organise_for(person, project):
            raise EventError(_("Only the project's lead or a broker arranges its events."))
    elif request is not None:
        if not is_broker_of(person, request.organisation_id):
            raise EventError(_("Only a knowledge broker of the organisation arranges this event."))
        if request.state != RequestState.ACCEPTED:
            raise EventError(_("Only an accepted request becomes an event."))
        if Event.objects.filter(expert_request=request).exists():
            raise EventError(_("An event has already been arranged for this request."))
    elif not can_organise_in(person, event.organisation):
        raise EventError(_("Champions, brokers, embedded researchers and steering arrange events."))


@transaction.atomic
def event_save(
    *,
    person: Any,
    data: dict[str, Any],
    event: Event | None = None,
    organisation: Any = None,
    project: Any = None,
    expert_request: ExpertRequest | None = None,
    speakers: Iterable[Any] | None = None,
    questions: Iterable[Any] | None = None,
) -> Event:
    """Arrange a new event, or change one the person organises. A new event belongs to the
    project's or the request's organisation when it comes from one."""
    if event is None:
        if project is not None:
            organisation = project.organisation
        elif expert_request is not None:
            organisation = expert_request.organisation
        event = Event(
            organisation=organisation,
            organiser=person,
            project=project,
            expert_request=expert_request,
        )
        _check_new(person, event, project, expert_request)
        told_before: tuple[Any, ...] | None = None
    else:
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not can_change(person, event):
            raise EventError(_("Only the organiser or a broker changes this event."))
        if event.state == State.CANCELLED:
            raise EventError(_("This event was cancelled; arrange a new one instead."))
        told_before = _what_people_are_told(event)
    for name in EDITABLE:
        if name in data:
            setattr(event, name, data[name])
    for name in ("title_en", "title_cy", "place"):
        setattr(event, name, getattr(event, name).strip())
    _check(event)
    if event.state == State.HELD and event.starts_at > timezone.now():
        raise EventError(_("This event has been held: its time cannot move into the future."))
    try:
        with transaction.atomic():
            save_as(person, event)
    except IntegrityError as error:  # another request linked the same expert request first
        raise EventError(_("An event has already been arranged for this request.")) from error
    if speakers is not None:
        event.speakers.set([*speakers, *_hidden_links(person, event, "speakers")])
    if expert_request is not None and expert_request.expert is not None:
        event.speakers.add(expert_request.expert)
    if questions is not None:
        event.questions.set([*questions, *_hidden_links(person, event, "questions")])
    if told_before is not None and _what_people_are_told(event) != told_before:
        from .tasks import tell_changed

        transaction.on_commit(lambda: tell_changed.enqueue(event.pk))
    return event


def _hidden_links(person: Any, event: Event, name: str) -> list[Any]:
    """Speakers and questions the editor cannot see (another organisation's profile, a hidden
    one, another organisation's question): kept, since the editor could not have chosen them."""
    from pontio.agenda.models import Question
    from pontio.people.models import Profile, ProfileState

    offered: Any
    if name == "speakers":
        offered = Profile.objects.visible_to(person).filter(state=ProfileState.PUBLISHED)
    else:
        offered = Question.objects.current().filter(organisation=event.organisation)
        offered = offered.visible_to(person)
    return list(getattr(event, name).exclude(pk__in=offered.values("pk")))


def _what_people_are_told(event: Event) -> tuple[Any, ...]:
    """What those signed up rely on: when a planned event changes it, they are told."""
    return (event.state, event.starts_at, event.ends_at, event.place, event.online_link)


def from_request(request: ExpertRequest) -> dict[str, Any]:
    """What an accepted request already says about the event it becomes: the kind, a title in
    both languages, and what it is about. The time is chosen from what the expert proposed."""
    kind = Kind.BRIEFING if request.kind == RequestKind.BRIEFING else Kind.ROUNDTABLE
    name = {"name": request.expert.name if request.expert else ""}
    titles = {}
    for language in ("en", "cy"):
        with translation.override(language):
            if not name["name"]:  # the expert's profile has been deleted since
                titles[f"title_{language}"] = str(Kind(kind).label)
            elif kind == Kind.BRIEFING:
                titles[f"title_{language}"] = _("Briefing with %(name)s") % name
            else:
                titles[f"title_{language}"] = _("Roundtable with %(name)s") % name
    return {"kind": kind, **titles, "description_en": request.about}


@transaction.atomic
def event_cancel(*, person: Any, event: Event, reason: str) -> Event:
    """Cancel a planned event; those who signed up are told by email, in their language."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not can_change(person, event):
        raise EventError(_("Only the organiser or a broker cancels this event."))
    if event.state != State.PLANNED:
        raise EventError(_("Only a planned event can be cancelled."))
    if not reason.strip():
        raise EventError(_("Say why the event is cancelled: the people coming will be told."))
    event.state = State.CANCELLED
    event.cancelled_reason = reason.strip()
    save_as(person, event)
    from .tasks import tell_cancelled

    transaction.on_commit(lambda: tell_cancelled.enqueue(event.pk))
    return event


@transaction.atomic
def event_record(
    *, person: Any, event: Event, came: Iterable[int], notes_en: str = "", notes_cy: str = ""
) -> Event:
    """After the event: it was held, who of those signed up came, and what was discussed.
    Recording again replaces what was recorded."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not can_change(person, event):
        raise EventError(_("Only the organiser or a broker records this event."))
    if event.state == State.CANCELLED:
        raise EventError(_("This event was cancelled."))
    if event.starts_at > timezone.now():
        raise EventError(_("The event has not started yet: record it once it has been held."))
    event.state = State.HELD
    event.notes_en = notes_en.strip()
    event.notes_cy = notes_cy.strip()
    save_as(person, event)
    present = set(came)
    for attendance in event.attendances.all():
        attended = attendance.person_id in present
        if attendance.attended != attended:
            attendance.attended = attended
            save_as(person, attendance)
    return event


def attendance_join(*, person: Any, event: Event) -> Attendance:
    """Sign up to a planned event that has not started and still has places. Signing up twice
    is the same as once."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not can_see(person, event):
            raise EventError(_("This event is not open to you."))
        if event.state != State.PLANNED or event.starts_at <= timezone.now():
            raise EventError(_("Sign-up has closed for this event."))
        existing = Attendance.objects.filter(event=event, person=person).first()
        if existing is not None:
            return existing
        if event.capacity is not None and event.attendances.count() >= event.capacity:
            raise EventError(_("This event is full."))
        attendance = Attendance(event=event, person=person)
        save_as(person, attendance)
    return attendance


@transaction.atomic
def attendance_leave(*, person: Any, event: Event) -> None:
    """Leave a planned event before it starts; after that the organiser records who came."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    attendance = Attendance.objects.filter(event=event, person=person).first()
    if attendance is None:
        return
    if event.state != State.PLANNED or event.has_started:
        raise EventError(_("The event has started: the organiser records who came."))
    delete_as(person, attendance)
