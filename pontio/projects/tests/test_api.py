"""The projects API: the projects a person may see, with the list's filters, and one project;
refused without a token, and 404 for a project the caller may not see."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pontio.accounts.models import Person
from pontio.accounts.services import api_token_create
from pontio.organisations.models import Organisation, Team
from pontio.projects import services
from pontio.projects.tests.helpers import make_project


def bearer(person: Person) -> dict[str, str]:
    _token, secret = api_token_create(person=person, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_it_lists_projects_with_filters(
    client: Client,
    social_worker: Person,
    champion: Person,
    academic: Person,
    team: Team,
    university: Organisation,
) -> None:
    mine = make_project(social_worker, "Pre-birth assessments", teams=[team])
    other = make_project(champion, "School moves", partners=[university])
    services.status_change(person=champion, project=other, status="proposed")
    headers = bearer(champion)
    data = client.get("/api/v1/projects", **headers).json()
    assert data["count"] == 2 and {p["id"] for p in data["results"]} == {mine.pk, other.pk}
    first = next(p for p in data["results"] if p["id"] == mine.pk)
    assert first["teams"] == ["Intake and Assessment"] and first["status"] == "idea"
    assert first["members"] == [{"name": "Siân Morgan", "part": "lead"}]
    assert first["governance"] is None and first["budget"] is None
    by_status = client.get("/api/v1/projects", {"status": "proposed"}, **headers).json()
    assert [p["id"] for p in by_status["results"]] == [other.pk]
    by_partner = client.get("/api/v1/projects", {"partner": university.pk}, **headers).json()
    assert [p["id"] for p in by_partner["results"]] == [other.pk]
    in_team = client.get("/api/v1/projects", {"mine": "team"}, **headers).json()
    assert [p["id"] for p in in_team["results"]] == [mine.pk]
    # The partner university's academic sees only the project it is a partner in.
    partner = client.get("/api/v1/projects", **bearer(academic)).json()
    assert [p["id"] for p in partner["results"]] == [other.pk]


def test_it_gives_one_project_and_refuses_others(
    client: Client, social_worker: Person, academic: Person
) -> None:
    project = make_project(social_worker, ethics_reference="REC-1")
    mine = client.get(f"/api/v1/projects/{project.pk}", **bearer(social_worker)).json()
    assert mine["title_en"] == project.title_en
    assert mine["governance"]["ethics_reference"] == "REC-1"
    assert client.get(f"/api/v1/projects/{project.pk}", **bearer(academic)).status_code == 404
    assert client.get("/api/v1/projects").status_code == 401
    assert client.get(f"/api/v1/projects/{project.pk}").status_code == 401


def test_the_list_does_not_query_per_project(
    client: Any, social_worker: Person, django_assert_max_num_queries: Any
) -> None:
    for i in range(8):
        make_project(social_worker, f"Project number {i}")
    headers: dict[str, Any] = bearer(social_worker)
    with django_assert_max_num_queries(40):
        assert len(client.get("/api/v1/projects", **headers).json()["results"]) == 8


def test_a_brokers_list_costs_the_same_for_one_project_or_many(
    client: Any, broker: Person, django_assert_num_queries: Any
) -> None:
    """Governance and budget are decided per project without asking the database again."""
    make_project(broker, "The first")
    headers: dict[str, Any] = bearer(broker)
    client.get("/api/v1/projects", **headers)  # warm: the token's first use
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/projects", **headers)
    for i in range(6):
        make_project(broker, f"Project number {i}")
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(client.get("/api/v1/projects", **headers).json()["results"]) == 7
