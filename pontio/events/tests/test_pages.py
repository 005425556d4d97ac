"""The event pages: the list, an event, arranging (from an organisation, a project or an accepted
request), changing, cancelling (asked first), recording, signing up and the calendar file; and
for every page, someone who is refused."""

from datetime import UTC, timedelta
from typing import Any

import pytest
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.events import services
from pontio.events.models import Attendance, Event, State
from pontio.people.models import ExpertRequest
from pontio.projects.tests.helpers import make_project

from .conftest import make_event, start_in_the_past

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "seminar",
    "title_en": "Seminar: contextual safeguarding",
    "starts_at": "2030-03-04T10:00",
    "ends_at": "2030-03-04T12:00",
    "place": "Council chamber",
    "visibility": "organisation",
}


def test_everyone_is_asked_to_sign_in(client: Any, event: Event) -> None:
    for url in ("/events/", f"/events/{event.pk}/", "/events/new/", f"/events/{event.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login/" in response["Location"]
    assert client.post(f"/events/{event.pk}/attend/").status_code == 302
    assert not Attendance.objects.exists()


def test_the_list_shows_what_the_person_may_see_with_an_empty_state(
    client_for: Any, event: Event, academic: Person, social_worker: Person
) -> None:
    body = client_for(academic).get("/events/").content.decode()
    assert event.title not in body  # an organisation event of another organisation
    assert "There are no events coming up that you can see" in body
    body = client_for(social_worker).get("/events/").content.decode()
    assert event.title in body and "1 event" in body
    assert event.title not in client_for(social_worker).get("/events/?when=past").content.decode()
    start_in_the_past(event)
    assert event.title in client_for(social_worker).get("/events/?when=past").content.decode()


def test_the_list_filters_by_kind_and_mine_and_pages(
    client_for: Any, champion: Person, social_worker: Person, settings: Any
) -> None:
    settings.PAGE_SIZE = 2
    for n in range(3):
        make_event(champion, title_en=f"Training {n}", kind="training")
    seminar = make_event(champion, title_en="A seminar", kind="seminar")
    services.attendance_join(person=social_worker, event=seminar)
    client = client_for(social_worker)
    assert "3 events" in client.get("/events/?kind=training").content.decode()
    mine = client.get("/events/?mine=1").content.decode()
    assert "A seminar" in mine and "Training 0" not in mine
    first = client.get("/events/?sort=title").content.decode()
    assert "A seminar" in first and "Training 2" not in first
    assert "Training 2" in client.get("/events/?sort=title&page=2").content.decode()


def test_an_organisation_event_is_not_shown_to_another_organisation(
    client_for: Any, event: Event, academic: Person
) -> None:
    client = client_for(academic)
    for url in ("", "edit/", "cancel/", "record/", "calendar.ics"):
        assert client.get(f"/events/{event.pk}/{url}").status_code == 404
    assert client.post(f"/events/{event.pk}/attend/").status_code == 404
    assert not Attendance.objects.exists()


def test_who_signed_up_is_seen_by_the_organiser_and_brokers_only(
    client_for: Any, champion: Person, social_worker: Person, broker: Person
) -> None:
    event = make_event(champion, online_link="https://teams.example.org/meet/1")
    services.attendance_join(person=broker, event=event)
    page = client_for(social_worker).get(f"/events/{event.pk}/").content.decode()
    assert "1 person signed up" in page
    assert broker.name not in page  # staff data: who is coming
    assert "teams.example.org" not in page  # the link is for those coming
    assert broker.name in client_for(champion).get(f"/events/{event.pk}/").content.decode()
    assert "teams.example.org" in client_for(broker).get(f"/events/{event.pk}/").content.decode()


def test_arranging_is_refused_without_an_organising_role(
    client_for: Any, social_worker: Person
) -> None:
    client = client_for(social_worker)
    assert client.get("/events/new/").status_code == 403
    assert client.post("/events/new/", FORM).status_code == 403
    assert not Event.objects.exists()
    assert "Arrange an event" not in client.get("/events/").content.decode()


def test_a_form_with_errors_keeps_what_was_typed(client_for: Any, champion: Person) -> None:
    client = client_for(champion)
    page = client.post(
        "/events/new/", {**FORM, "ends_at": "2030-03-04T09:00", "online_link": "http://x.org"}
    ).content.decode()
    assert "The event must end after it starts" in page
    assert "Enter a link that starts with https://" in page
    assert "Seminar: contextual safeguarding" in page and "Council chamber" in page
    assert "Experts speaking" not in page  # no published profile to choose from
    assert not Event.objects.exists()
    response = client.post("/events/new/", FORM)
    event = Event.objects.get()
    assert response["Location"] == f"/events/{event.pk}/"
    assert event.organiser == champion and event.starts_at.year == 2030


def test_only_the_organiser_or_a_broker_changes_an_event(
    client_for: Any, event: Event, social_worker: Person, broker: Person
) -> None:
    client = client_for(social_worker)
    for url in ("edit/", "cancel/", "record/"):
        assert client.get(f"/events/{event.pk}/{url}").status_code == 403
        assert client.post(f"/events/{event.pk}/{url}", {**FORM, "reason": "x"}).status_code == 403
    assert Event.objects.get().state == State.PLANNED
    response = client_for(broker).post(f"/events/{event.pk}/edit/", {**FORM, "place": "Room 9"})
    assert response.status_code == 302 and Event.objects.get().place == "Room 9"


def test_cancelling_asks_first(client_for: Any, event: Event, champion: Person) -> None:
    client = client_for(champion)
    page = client.get(f"/events/{event.pk}/cancel/").content.decode()
    assert "Are you sure you want to cancel this event?" in page
    assert Event.objects.get().state == State.PLANNED
    assert (
        "Say why the event is cancelled"
        in client.post(f"/events/{event.pk}/cancel/", {"reason": ""}).content.decode()
    )
    client.post(f"/events/{event.pk}/cancel/", {"reason": "Snow"})
    assert Event.objects.get().state == State.CANCELLED
    assert "This event is cancelled." in client.get(f"/events/{event.pk}/").content.decode()


def test_signing_up_and_leaving_by_post_only(
    client_for: Any, event: Event, social_worker: Person
) -> None:
    client = client_for(social_worker)
    assert client.get(f"/events/{event.pk}/attend/").status_code == 405
    client.post(f"/events/{event.pk}/attend/")
    assert Attendance.objects.filter(person=social_worker).exists()
    assert event.title in client.get("/").content.decode()  # My Pontio: your next events
    assert "I can no longer come" in client.get(f"/events/{event.pk}/").content.decode()
    client.post(f"/events/{event.pk}/attend/", {"leave": "1"})
    assert not Attendance.objects.exists()


def test_recording_who_came(
    client_for: Any, event: Event, champion: Person, social_worker: Person
) -> None:
    services.attendance_join(person=social_worker, event=event)
    client = client_for(champion)
    early = client.post(f"/events/{event.pk}/record/", {"came": [str(social_worker.pk)]})
    assert "has not started yet" in early.content.decode()
    start_in_the_past(event)
    page = client.get(f"/events/{event.pk}/record/").content.decode()
    assert social_worker.name in page
    client.post(f"/events/{event.pk}/record/", {"came": [str(social_worker.pk)], "notes_en": "Hi"})
    assert Attendance.objects.get().attended is True
    assert Event.objects.get().state == State.HELD


def test_the_calendar_file(client_for: Any, champion: Person, social_worker: Person) -> None:
    event = make_event(champion, title_en="Roundtable; kinship, care " + "x" * 80)
    response = client_for(social_worker).get(f"/events/{event.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Roundtable\\; kinship\\, care" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\r\n x" in text  # the long title is folded onto a continuation line
    assert f"DTSTART:{event.starts_at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}" in text


def test_an_accepted_request_is_arranged_by_a_broker(
    client_for: Any, accepted_request: ExpertRequest, broker: Person, social_worker: Person
) -> None:
    url = f"/events/new/?request={accepted_request.pk}"
    assert client_for(social_worker).get(url).status_code == 403  # the asker is not a broker
    request_page = client_for(social_worker).get(f"/experts/requests/{accepted_request.pk}/")
    assert "Arrange the event" not in request_page.content.decode()
    client = client_for(broker)
    assert (
        "Arrange the event"
        in client.get(f"/experts/requests/{accepted_request.pk}/").content.decode()
    )
    page = client.get(url).content.decode()
    assert "Tuesday 2pm or Thursday 10am" in page  # the times the expert proposed
    assert "Roundtable with Mair Thomas" in page
    client.post("/events/new/", {**FORM, "kind": "roundtable", "request": accepted_request.pk})
    event = Event.objects.get()
    assert event.expert_request == accepted_request
    request_page = client.get(f"/experts/requests/{accepted_request.pk}/").content.decode()
    assert f"/events/{event.pk}/" in request_page


def test_a_request_the_person_may_not_see_is_not_found(
    client_for: Any, accepted_request: ExpertRequest, champion: Person
) -> None:
    assert (
        client_for(champion).get(f"/events/new/?request={accepted_request.pk}").status_code == 404
    )


def test_a_project_event_is_arranged_by_its_lead_and_held_becomes_an_output(
    client_for: Any, social_worker: Person, champion: Person, academic: Person
) -> None:
    project = make_project(social_worker)
    url = f"/events/new/?project={project.pk}"
    assert client_for(academic).get(url).status_code == 404  # cannot see the project
    assert client_for(champion).get(url).status_code == 403  # sees it, does not lead it
    client = client_for(social_worker)
    assert "Arrange an event for it" in client.get(f"/projects/{project.pk}/").content.decode()
    client.post("/events/new/", {**FORM, "project": project.pk})
    event = Event.objects.get()
    assert event.project == project
    assert "Events coming up" in client.get(f"/projects/{project.pk}/").content.decode()
    starts = timezone.now() - timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=1))
    services.event_record(person=social_worker, event=event, came=[])
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert "No outputs yet" not in page and f"/events/{event.pk}/" in page
    api = client.get(f"/api/v1/projects/{project.pk}").json()
    assert api["events"] == [event.pk]
    assert client_for(academic).get(f"/api/v1/projects/{project.pk}").status_code == 404


def test_the_calendar_file_gives_the_online_link_only_to_those_coming(
    client_for: Any, champion: Person, social_worker: Person, broker: Person
) -> None:
    event = make_event(champion, online_link="https://teams.example.org/meet/secret")
    services.attendance_join(person=broker, event=event)
    url = f"/events/{event.pk}/calendar.ics"
    assert "meet/secret" not in client_for(social_worker).get(url).content.decode()
    assert "meet/secret" in client_for(broker).get(url).content.decode()
    assert "meet/secret" in client_for(champion).get(url).content.decode()


def test_only_mine_still_counts_everyone_going(
    client_for: Any, event: Event, social_worker: Person, broker: Person
) -> None:
    services.attendance_join(person=social_worker, event=event)
    services.attendance_join(person=broker, event=event)
    assert "2 going" in client_for(broker).get("/events/?mine=1").content.decode()


def test_a_request_not_ready_for_an_event_goes_back_to_the_request(
    client_for: Any, accepted_request: ExpertRequest, broker: Person
) -> None:
    ExpertRequest.objects.filter(pk=accepted_request.pk).update(state="approached")
    response = client_for(broker).get(f"/events/new/?request={accepted_request.pk}")
    assert response["Location"] == f"/experts/requests/{accepted_request.pk}/"
    assert not Event.objects.exists()
