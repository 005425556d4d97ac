"""The events API: the events a person may see with the list's filters, and one event; refused
without a token, 404 for an event the caller may not see; never who signed up, and the online
link only for those coming and the organisers."""

from typing import Any

import pytest
from django.test import Client

from pontio.accounts.models import Person
from pontio.events import services
from pontio.events.models import Event
from pontio.projects.tests.helpers import make_project
from pontio.projects.tests.test_api import bearer

from .conftest import event_data, make_event, start_in_the_past

pytestmark = pytest.mark.django_db
LINK = "https://teams.example.org/meet/7"


def test_it_lists_what_the_caller_may_see(
    client: Client, champion: Person, social_worker: Person, broker: Person, academic: Person
) -> None:
    journal = make_event(champion, online_link=LINK)
    training = make_event(champion, title_en="Training", kind="training", visibility="partnership")
    services.attendance_join(person=broker, event=journal)
    data = client.get("/api/v1/events", **bearer(social_worker)).json()
    assert data["count"] == 2 and [e["id"] for e in data["results"]] == [journal.pk, training.pk]
    first = data["results"][0]
    assert first["going"] == 1 and first["online_link"] is None  # not coming, not organising
    assert broker.name not in str(data)  # who is coming is never given
    mine = client.get("/api/v1/events", {"mine": True}, **bearer(broker)).json()
    assert [e["id"] for e in mine["results"]] == [journal.pk]
    assert mine["results"][0]["online_link"] == LINK
    kinds = client.get("/api/v1/events", {"kind": "training"}, **bearer(social_worker)).json()
    assert [e["id"] for e in kinds["results"]] == [training.pk]
    # The partner university's academic sees only the partnership event.
    partner = client.get("/api/v1/events", **bearer(academic)).json()
    assert [e["id"] for e in partner["results"]] == [training.pk]
    start_in_the_past(journal)
    past = client.get("/api/v1/events", {"when": "past"}, **bearer(social_worker)).json()
    assert [e["id"] for e in past["results"]] == [journal.pk]


def test_it_gives_one_event_and_refuses_others(
    client: Client, event: Event, social_worker: Person, academic: Person
) -> None:
    one = client.get(f"/api/v1/events/{event.pk}", **bearer(social_worker)).json()
    assert one["title_en"] == event.title_en and one["state"] == "planned"
    assert client.get(f"/api/v1/events/{event.pk}", **bearer(academic)).status_code == 404
    assert client.get("/api/v1/events").status_code == 401
    assert client.get(f"/api/v1/events/{event.pk}").status_code == 401


def test_a_project_is_named_only_to_those_who_may_see_it(
    client: Client, social_worker: Person, academic: Person
) -> None:
    project = make_project(social_worker)
    event = services.event_save(
        person=social_worker, data=event_data(visibility="partnership"), project=project
    )
    mine = client.get(f"/api/v1/events/{event.pk}", **bearer(social_worker)).json()
    assert mine["project"] == project.pk
    theirs = client.get(f"/api/v1/events/{event.pk}", **bearer(academic)).json()
    assert theirs["project"] is None


def test_the_list_does_not_query_per_event(
    client: Any, champion: Person, social_worker: Person, django_assert_max_num_queries: Any
) -> None:
    for n in range(8):
        services.attendance_join(person=social_worker, event=make_event(champion, title_en=f"E{n}"))
    headers: dict[str, Any] = bearer(social_worker)
    with django_assert_max_num_queries(20):
        assert len(client.get("/api/v1/events", **headers).json()["results"]) == 8
