"""Arranging, changing, cancelling and recording events, signing up and leaving: each rule, and
who is refused."""

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pontio.accounts.models import Person
from pontio.events import services
from pontio.events.models import Attendance, Event, State
from pontio.events.services import EventError
from pontio.people.models import ExpertRequest
from pontio.projects import services as project_services
from pontio.projects.models import Status
from pontio.projects.tests.helpers import make_project

from .conftest import event_data, make_event, start_in_the_past

pytestmark = pytest.mark.django_db


def test_a_champion_arranges_an_event_and_the_history_says_who(champion: Person) -> None:
    event = make_event(champion)
    assert event.organiser == champion and event.state == State.PLANNED
    assert event.history.first().history_user == champion


def test_people_without_an_organising_role_are_refused(social_worker: Person) -> None:
    with pytest.raises(EventError, match="arrange events"):
        make_event(social_worker)
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title_en": "  "}, "title"),
        ({"ends_at": timezone.now()}, "end after it starts"),
    ],
)
def test_an_event_needs_a_title_and_an_end_after_its_start(
    champion: Person, data: dict[str, Any], message: str
) -> None:
    with pytest.raises(EventError, match=message):
        make_event(champion, **data)
    assert not Event.objects.exists()


def test_an_accepted_request_becomes_one_event(
    broker: Person, accepted_request: ExpertRequest
) -> None:
    data = {**event_data(), **services.from_request(accepted_request)}
    assert data["kind"] == "roundtable" and data["title_en"] == "Roundtable with Mair Thomas"
    assert data["title_cy"] not in ("", data["title_en"]) and "Mair Thomas" in data["title_cy"]
    event = services.event_save(
        person=broker,
        data=data,
        expert_request=accepted_request,
        speakers=[accepted_request.expert],
    )
    assert event.organisation == accepted_request.organisation
    assert list(event.speakers.all()) == [accepted_request.expert]
    with pytest.raises(EventError, match="already been arranged"):
        services.event_save(person=broker, data=data, expert_request=accepted_request)


def test_only_a_broker_of_the_organisation_turns_an_accepted_request_into_an_event(
    social_worker: Person, champion: Person, accepted_request: ExpertRequest
) -> None:
    for person in (social_worker, champion):
        with pytest.raises(EventError, match="knowledge broker"):
            services.event_save(person=person, data=event_data(), expert_request=accepted_request)


def test_a_request_not_yet_accepted_is_not_an_event(
    broker: Person, accepted_request: ExpertRequest
) -> None:
    ExpertRequest.objects.filter(pk=accepted_request.pk).update(state="approached")
    accepted_request.refresh_from_db()
    with pytest.raises(EventError, match="accepted"):
        services.event_save(person=broker, data=event_data(), expert_request=accepted_request)


def test_a_project_lead_arranges_its_events_and_others_are_refused(
    social_worker: Person, champion: Person
) -> None:
    project = make_project(social_worker)  # the social worker leads it
    event = services.event_save(person=social_worker, data=event_data(), project=project)
    assert event.project == project and event.organisation == project.organisation
    with pytest.raises(EventError, match="project's lead"):
        services.event_save(person=champion, data=event_data(), project=project)


def test_only_the_organiser_or_a_broker_changes_an_event(
    event: Event, broker: Person, social_worker: Person
) -> None:
    with pytest.raises(EventError, match="organiser"):
        services.event_save(person=social_worker, data={"place": "Elsewhere"}, event=event)
    services.event_save(person=broker, data={"place": "Room 5"}, event=event)
    assert Event.objects.get().place == "Room 5"


def test_signing_up_twice_is_once_and_a_full_event_refuses(
    champion: Person, social_worker: Person, broker: Person
) -> None:
    event = make_event(champion, capacity=1)
    services.attendance_join(person=social_worker, event=event)
    services.attendance_join(person=social_worker, event=event)
    assert Attendance.objects.count() == 1
    with pytest.raises(EventError, match="full"):
        services.attendance_join(person=broker, event=event)
    with pytest.raises(EventError, match="allow at least"):
        services.event_save(person=champion, data={"capacity": 0}, event=event)
    services.attendance_leave(person=social_worker, event=event)
    services.attendance_join(person=broker, event=event)
    assert list(Attendance.objects.values_list("person", flat=True)) == [broker.pk]


def test_an_organisation_event_is_closed_to_other_organisations(
    event: Event, academic: Person
) -> None:
    with pytest.raises(EventError, match="not open to you"):
        services.attendance_join(person=academic, event=event)
    services.event_save(person=event.organiser, data={"visibility": "partnership"}, event=event)
    services.attendance_join(person=academic, event=event)


def test_sign_up_closes_when_the_event_starts(event: Event, social_worker: Person) -> None:
    start_in_the_past(event)
    with pytest.raises(EventError, match="closed"):
        services.attendance_join(person=social_worker, event=event)


def test_cancelling_asks_for_a_reason_and_tells_those_coming_in_their_language(
    event: Event,
    champion: Person,
    social_worker: Person,
    steering_member: Person,
    django_capture_on_commit_callbacks: Any,
) -> None:
    services.attendance_join(person=social_worker, event=event)
    services.attendance_join(person=steering_member, event=event)  # reads Welsh
    with pytest.raises(EventError, match="Say why"):
        services.event_cancel(person=champion, event=event, reason=" ")
    with pytest.raises(EventError, match="organiser"):
        services.event_cancel(person=social_worker, event=event, reason="No")
    assert Event.objects.get().state == State.PLANNED
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(person=champion, event=event, reason="The speaker is ill")
    assert Event.objects.get().state == State.CANCELLED
    english = [m for m in mail.outbox if m.to == [social_worker.email]]
    welsh = [m for m in mail.outbox if m.to == [steering_member.email]]
    assert len(english) == 1 and english[0].subject.startswith("Cancelled:")
    assert "The speaker is ill" in english[0].body
    assert len(welsh) == 1 and not welsh[0].subject.startswith("Cancelled")
    with translation.override("cy"):
        assert welsh[0].subject == _("Cancelled: %(title)s") % {"title": event.title}
    with pytest.raises(EventError, match="Only a planned event"):
        services.event_cancel(person=champion, event=event, reason="Again")
    with pytest.raises(EventError, match="cancelled"):
        services.event_save(person=champion, data={"place": "x"}, event=event)


def test_recording_who_came_waits_for_the_event_and_can_be_redone(
    event: Event, champion: Person, social_worker: Person, broker: Person
) -> None:
    services.attendance_join(person=social_worker, event=event)
    services.attendance_join(person=broker, event=event)
    with pytest.raises(EventError, match="not started"):
        services.event_record(person=champion, event=event, came=[social_worker.pk])
    start_in_the_past(event)
    services.event_record(person=champion, event=event, came=[social_worker.pk], notes_en="Good")
    came = dict(Attendance.objects.values_list("person", "attended"))
    assert came == {social_worker.pk: True, broker.pk: False}
    services.event_record(person=champion, event=event, came=[broker.pk, social_worker.pk])
    assert set(Attendance.objects.values_list("attended", flat=True)) == {True}
    assert Event.objects.get().state == State.HELD
    with pytest.raises(EventError, match="has started"):
        services.attendance_leave(person=broker, event=event)


def test_an_event_a_project_held_is_one_of_its_outputs(social_worker: Person) -> None:
    project = make_project(social_worker)
    starts = timezone.now() - timedelta(days=1)
    event = services.event_save(
        person=social_worker,
        data=event_data(starts_at=starts, ends_at=starts + timedelta(hours=2)),
        project=project,
    )
    assert not project.has_outputs  # planned, not yet held
    with pytest.raises(project_services.ProjectError, match="event it held"):
        project_services.status_change(person=social_worker, project=project, status="complete")
    services.event_record(person=social_worker, event=event, came=[])
    assert project.has_outputs
    project_services.status_change(person=social_worker, project=project, status="complete")
    assert project.status == Status.COMPLETE


def test_changing_the_time_tells_those_coming_with_a_calendar_file(
    event: Event, champion: Person, social_worker: Person, django_capture_on_commit_callbacks: Any
) -> None:
    services.attendance_join(person=social_worker, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_save(person=champion, data={"title_en": "New title"}, event=event)
    assert not mail.outbox  # nothing they rely on changed
    later = event.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_save(
            person=champion,
            data={"starts_at": later, "ends_at": later + timedelta(hours=1)},
            event=event,
        )
    (message,) = mail.outbox
    assert message.to == [social_worker.email] and message.subject == "Changed: New title"
    name, ics, kind = message.attachments[0]
    assert name.endswith(".ics") and kind == "text/calendar"
    assert "SEQUENCE:2" in ics and "METHOD:PUBLISH" in ics


def test_a_cancellation_carries_a_calendar_file_that_removes_the_event(
    event: Event, champion: Person, social_worker: Person, django_capture_on_commit_callbacks: Any
) -> None:
    services.attendance_join(person=social_worker, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(person=champion, event=event, reason="Snow")
    ics = mail.outbox[0].attachments[0][1]
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics


def test_a_held_event_keeps_its_time_in_the_past(event: Event, champion: Person) -> None:
    start_in_the_past(event)
    services.event_record(person=champion, event=event, came=[])
    future = timezone.now() + timedelta(days=3)
    with pytest.raises(EventError, match="cannot move into the future"):
        services.event_save(
            person=champion,
            data={"starts_at": future, "ends_at": future + timedelta(hours=1)},
            event=event,
        )


def test_links_the_editor_cannot_see_are_kept(
    broker: Person, champion: Person, accepted_request: ExpertRequest, university: Any
) -> None:
    from pontio.people.models import Profile

    hidden = Profile.objects.create(
        name="Only the university sees me", organisation=university, state="published"
    )
    event = services.event_save(
        person=broker, data=event_data(), expert_request=accepted_request, speakers=[]
    )
    assert list(event.speakers.all()) == [accepted_request.expert]  # the expert always speaks
    event.speakers.add(hidden)
    services.event_save(person=broker, data={"place": "Room 1"}, event=event, speakers=[])
    assert set(event.speakers.all()) == {hidden}  # the broker removed whom they could see


def test_a_request_whose_expert_was_deleted_gives_a_plain_title(
    accepted_request: ExpertRequest,
) -> None:
    accepted_request.expert.delete()
    accepted_request.refresh_from_db()
    data = services.from_request(accepted_request)
    assert data["title_en"] == "Roundtable" and data["title_cy"] not in ("", "Roundtable")
