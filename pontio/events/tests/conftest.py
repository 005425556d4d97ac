"""Events for the events' tests, made through their own services."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.events import services
from pontio.events.models import Event
from pontio.people import requests as request_service
from pontio.people.models import ExpertRequest, Profile


def event_data(**data: Any) -> dict[str, Any]:
    starts = timezone.now() + timedelta(days=7)
    return {
        "kind": "journal_club",
        "title_en": "Journal club: kinship care",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
        "place": "Room 2, County Hall",
        "visibility": "organisation",
        **data,
    }


def make_event(person: Any, **data: Any) -> Event:
    organisation = person.memberships.first().organisation
    return services.event_save(person=person, organisation=organisation, data=event_data(**data))


def start_in_the_past(event: Event) -> Event:
    """As if the week had passed and the event had taken place."""
    starts = timezone.now() - timedelta(hours=2)
    Event.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=1))
    event.refresh_from_db()
    return event


@pytest.fixture
def event(champion: Person) -> Event:
    return make_event(champion)


@pytest.fixture
def expert(academic: Person, university: Any) -> Profile:
    return Profile.objects.create(
        person=academic,
        name=academic.name,
        organisation=university,
        state="published",
        visibility="partnership",
    )


@pytest.fixture
def accepted_request(
    social_worker: Person, broker: Person, academic: Person, expert: Profile
) -> ExpertRequest:
    made = request_service.request_make(
        person=social_worker, expert=expert, kind="roundtable", about="Kinship care assessments"
    )
    request_service.request_approach(person=broker, request=made)
    return request_service.request_answer(
        person=academic, request=made, accept=True, times="Tuesday 2pm or Thursday 10am"
    )
