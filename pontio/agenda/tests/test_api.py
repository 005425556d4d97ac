"""The questions API: the questions a person may see, with state and support counted by group,
never who supports them; refused without a token and for other organisations' questions."""

from typing import Any

from django.test import Client

from pontio.accounts.models import Person
from pontio.accounts.services import api_token_create
from pontio.agenda import services
from pontio.agenda.tests.helpers import make_question
from pontio.agenda.triage import question_mark_answered
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation, Team


def bearer(person: Person) -> dict[str, str]:
    _token, secret = api_token_create(person=person, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_it_lists_questions_with_state_and_counts_but_no_supporters(
    client: Client,
    social_worker: Person,
    champion: Person,
    broker: Person,
    steering_member: Person,
    team: Team,
) -> None:
    question = make_question(social_worker, why="Moving school sets children back.", team=team)
    make_question(champion, "How do we keep siblings together in foster care?")
    services.question_support(person=broker, question=question, reason="Private reason")
    services.question_support(person=steering_member, question=question)
    services.question_move(person=broker, question=question, state="triaged")
    response = client.get("/api/v1/questions", {"sort": "supported"}, **bearer(champion))
    data = response.json()
    assert response.status_code == 200 and data["count"] == 2
    first = data["results"][0]
    assert first["id"] == question.pk and first["state"] == "triaged"
    assert first["text_en"] == question.text_en and first["why_en"].startswith("Moving school")
    assert first["support_count"] == 2
    assert first["supports_by_group"] == {"practitioner": 1, "manager": 1}
    assert first["organisation"] == "Caerwen Council" and first["team"] == "Intake and Assessment"
    text = response.content.decode()
    for leak in (broker.email, broker.name, steering_member.name, social_worker.email):
        assert leak not in text
    assert "Private reason" not in text and "author" not in first
    triaged = client.get("/api/v1/questions", {"state": "triaged"}, **bearer(champion)).json()
    assert [q["id"] for q in triaged["results"]] == [question.pk]


def test_it_reads_one_question_with_the_records_the_caller_may_see(
    client: Client,
    social_worker: Person,
    broker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
) -> None:
    question = make_question(social_worker)
    shared = make_record(broker, council, "School stability for children looked after")
    private = make_record(
        academic, university, "Unpublished school study", visibility=Visibility.ORGANISATION
    )
    question_mark_answered(person=broker, question=question, records=[shared, private])
    data = client.get(f"/api/v1/questions/{question.pk}", **bearer(social_worker)).json()
    assert data["state"] == "answered"
    assert data["answered_by"] == [shared.pk]  # not the record only the university sees


def test_it_hides_other_organisations_questions(
    client: Client, social_worker: Person, academic: Person
) -> None:
    question = make_question(social_worker)
    headers = bearer(academic)
    assert client.get(f"/api/v1/questions/{question.pk}", **headers).status_code == 404
    assert client.get("/api/v1/questions", **headers).json()["count"] == 0


def test_it_refuses_without_a_valid_token(client: Client, social_worker: Person) -> None:
    question = make_question(social_worker)
    assert client.get("/api/v1/questions").status_code == 401
    assert client.get(f"/api/v1/questions/{question.pk}").status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer nonsense"}
    assert client.get("/api/v1/questions", **bad).status_code == 401


def test_merged_questions_are_left_out_of_the_list(
    client: Client, social_worker: Person, champion: Person, broker: Person
) -> None:
    from pontio.agenda.triage import questions_merge

    kept = make_question(champion, "Which support keeps children looked after in school?")
    merged = make_question(social_worker)
    questions_merge(person=broker, merged=merged, into=kept)
    data = client.get("/api/v1/questions", **bearer(social_worker)).json()
    assert [q["id"] for q in data["results"]] == [kept.pk]
    one = client.get(f"/api/v1/questions/{merged.pk}", **bearer(social_worker)).json()
    assert one["merged_into"] == kept.pk and one["closed_reason"] == "merged"


def test_the_schema_is_published(client: Client, db: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/questions" in paths and "/api/v1/questions/{question_id}" in paths
