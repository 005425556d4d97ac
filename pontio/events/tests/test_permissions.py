"""Every events page, each with someone refused: an organisation event is not found by other
organisations (404), only its organiser and the organisation's brokers change, cancel or record
it (403), and nothing changes when they are refused. A list here must name every events URL."""

from typing import Any

import pytest
from django.urls import URLResolver, get_resolver

from pontio.accounts.models import Person
from pontio.events.models import Attendance, Event, State

pytestmark = pytest.mark.django_db

SEEING = ["/events/{pk}/", "/events/{pk}/calendar.ics"]
SIGNING_UP = ["/events/{pk}/attend/"]  # POST only
CHANGING = ["/events/{pk}/edit/", "/events/{pk}/cancel/", "/events/{pk}/record/"]
ORGANISING = ["/events/new/"]
EVERYONE = ["/events/"]
PAYLOAD = {"title_en": "Changed", "reason": "Refused", "kind": "seminar", "came": []}


def _routes() -> set[str]:
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and getattr(r, "namespace", "") == "events"
    )
    return {"/events/" + str(p.pattern) for p in resolver.url_patterns}


def test_every_events_page_is_covered_here() -> None:
    covered = SEEING + SIGNING_UP + CHANGING + ORGANISING + EVERYONE
    assert _routes() == {page.replace("{pk}", "<int:pk>") for page in covered}


def test_another_organisation_finds_nothing(
    client_for: Any, event: Event, academic: Person
) -> None:
    client = client_for(academic)
    for page in SEEING + CHANGING:
        assert client.get(page.format(pk=event.pk)).status_code == 404, page
        assert client.post(page.format(pk=event.pk), PAYLOAD).status_code == 404, page
    for page in SIGNING_UP:
        assert client.post(page.format(pk=event.pk)).status_code == 404
    assert event.title not in client.get("/events/").content.decode()
    assert client.get("/events/new/").status_code == 403  # an academic organises nothing here
    assert not Attendance.objects.exists()
    assert Event.objects.get().title_en == event.title_en


def test_a_colleague_sees_but_does_not_change(
    client_for: Any, event: Event, social_worker: Person
) -> None:
    client = client_for(social_worker)
    for page in SEEING:
        assert client.get(page.format(pk=event.pk)).status_code == 200, page
    for page in CHANGING:
        assert client.get(page.format(pk=event.pk)).status_code == 403, page
        assert client.post(page.format(pk=event.pk), PAYLOAD).status_code == 403, page
    assert client.post("/events/new/", PAYLOAD).status_code == 403
    event.refresh_from_db()
    assert event.state == State.PLANNED and event.title_en != "Changed"


def test_a_closed_account_is_signed_out(client_for: Any, event: Event, champion: Person) -> None:
    client = client_for(champion)
    Person.objects.filter(pk=champion.pk).update(is_active=False)
    response = client.get(f"/events/{event.pk}/edit/")
    assert response.status_code == 302 and "/auth/login/" in response["Location"]
