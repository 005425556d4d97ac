"""The records API: personal tokens, the same filters and permissions as the pages."""

from typing import Any

from django.test import Client

from pontio.accounts.models import ApiToken, Person
from pontio.accounts.services import api_token_create, api_token_revoke
from pontio.library.models import Record, Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation


def bearer(person: Person) -> dict[str, str]:
    _token, secret = api_token_create(person=person, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_it_lists_and_searches_with_a_token(
    client: Client, broker: Person, council: Organisation
) -> None:
    make_record(broker, council, "Adverse childhood experiences and later health", year=2017)
    make_record(broker, council, "Youth justice diversion", year=2022)
    headers = bearer(broker)
    data = client.get("/api/v1/records", {"q": "childhood"}, **headers).json()
    assert data["count"] == 1
    assert data["results"][0]["title"].startswith("Adverse childhood")
    assert data["results"][0]["found_by"] == ["words"]
    recent = client.get("/api/v1/records", {"year_from": 2020}, **headers).json()
    assert [r["title"] for r in recent["results"]] == ["Youth justice diversion"]
    assert ApiToken.objects.get().last_used_at is not None


def test_it_refuses_without_a_valid_token(client: Client, broker: Person) -> None:
    assert client.get("/api/v1/records").status_code == 401
    assert client.get("/api/v1/records", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401
    token, secret = api_token_create(person=broker, name="old")
    api_token_revoke(person=broker, api_token=token)
    assert client.get("/api/v1/records", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_a_deactivated_persons_token_stops_working(client: Client, broker: Person) -> None:
    headers = bearer(broker)
    Person.objects.filter(pk=broker.pk).update(is_active=False)
    assert client.get("/api/v1/records", **headers).status_code == 401


def test_it_hides_what_the_person_may_not_see(
    client: Client, social_worker: Person, academic: Person, university: Organisation
) -> None:
    hidden = make_record(academic, university, "Internal", visibility=Visibility.ORGANISATION)
    headers = bearer(social_worker)
    assert client.get(f"/api/v1/records/{hidden.pk}", **headers).status_code == 404
    assert client.get("/api/v1/records", **headers).json()["count"] == 0


def test_it_creates_a_record_and_refuses_a_duplicate(
    client: Client, broker: Person, council: Organisation
) -> None:
    headers = bearer(broker)
    payload = {
        "title": "Family group conferencing",
        "year": 2016,
        "record_type": "report",
        "authors": [{"family": "Morris", "given": "Kate"}],
    }
    created = client.post("/api/v1/records", payload, content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    assert created.json()["authors"][0]["family"] == "Morris"
    again = client.post("/api/v1/records", payload, content_type="application/json", **headers)
    assert again.status_code == 409
    assert Record.objects.count() == 1


def test_session_callers_need_csrf(broker: Person) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(broker)
    assert client.get("/api/v1/records").status_code == 200
    response = client.post("/api/v1/records", {"title": "x"}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert not Record.objects.exists()


def test_the_schema_is_published(client: Client, db: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/records" in schema["paths"]


def test_it_searches_by_meaning_and_says_why(
    client: Client, broker: Person, council: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        make_record(broker, council, "Educational outcomes of looked-after children")
    data = client.get("/api/v1/records", {"q": "kids doing badly at school"}, **bearer(broker))
    [result] = data.json()["results"]
    assert result["found_by"] == ["meaning"]
