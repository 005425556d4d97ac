"""Who may do what on the agenda, each rule with someone refused: a question is seen only in its
organisation (and by its author) until it is on an agenda the organisation shares; only that
organisation's brokers triage it, only its author changes it, only members raise questions;
refusing changes nothing."""

from typing import Any

from django.urls import URLResolver, get_resolver

from pontio.accounts.models import Person, Role
from pontio.agenda.models import Notice, Question, State, Support, TriageAction
from pontio.agenda.tests.helpers import make_question
from pontio.agenda.tests.test_steering import MEETING_PAGES
from pontio.conftest import make_person
from pontio.organisations.models import Organisation

# Every page of the agenda about one question, by what it needs.
SEEING = [
    "/agenda/questions/{pk}/",
    "/agenda/questions/{pk}/support/",
    "/agenda/questions/{pk}/support/withdraw/",
    "/agenda/questions/{pk}/follow/",
]
AUTHORING = ["/agenda/questions/{pk}/edit/"]
TRIAGING = [
    "/agenda/questions/{pk}/triage/",
    "/agenda/questions/{pk}/triage/move/",
    "/agenda/questions/{pk}/triage/rephrase/",
    "/agenda/questions/{pk}/triage/clarify/",
    "/agenda/questions/{pk}/triage/answered/",
    "/agenda/questions/{pk}/triage/out-of-scope/",
    "/agenda/questions/{pk}/triage/merge/",
]
OTHER = ["/agenda/", "/agenda/ask/", "/agenda/notices/", "/agenda/triage/", "/agenda/rounds/"]
# Prioritisation rounds (their refusals are tested in test_rounds.py).
ROUND_PAGES = [
    "/agenda/rounds/open/",
    "/agenda/rounds/{pk}/",
    "/agenda/rounds/{pk}/ballot/",
    "/agenda/rounds/{pk}/ballot/order/",
    "/agenda/rounds/{pk}/results/",
    "/agenda/rounds/{pk}/workshop/",  # refusals in test_workshop.py
]
# The steering group's meetings (their refusals are tested in test_steering.py).
STEERING_PAGES = [
    "/agenda/steering/",
    "/agenda/steering/new/",
    *MEETING_PAGES,
    "/agenda/steering/items/{pk}/remove/",
    "/agenda/steering/actions/{pk}/done/",
]
# The agenda in public (who sees it is tested in test_public.py).
PUBLIC_PAGES = ["/agenda/organisations/{pk}/", "/agenda/organisations/{pk}/feed/"]
QUESTION_PAGES = SEEING + AUTHORING + TRIAGING

# What a refused person might try to send, so a page that read it would change something.
PAYLOAD = {
    "state": "triaged",
    "reason": "x" * 20,
    "text": "A question long enough to pass",
    "text_en": "A question long enough to pass",
    "language": "en",
    "follow": "1",
    "confirm": "1",
    "other": "1",
    "submit": "1",
}


def _agenda_routes() -> set[str]:
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and getattr(r, "namespace", "") == "agenda"
    )
    return {
        "/agenda/"
        + str(p.pattern).replace("<int:pk>", "{pk}").replace("<int:organisation_pk>", "{pk}")
        for p in resolver.url_patterns
    }


def test_every_agenda_page_is_covered_here() -> None:
    assert _agenda_routes() == set(
        QUESTION_PAGES + OTHER + ROUND_PAGES + STEERING_PAGES + PUBLIC_PAGES
    )


def _nothing_changed(question: Question) -> None:
    question.refresh_from_db()
    assert question.state == State.SUBMITTED
    assert not question.clarification_asked and question.merged_into is None
    assert not Support.objects.exists() and not TriageAction.objects.exists()
    assert not Notice.objects.exists()
    assert question.text_en == "What helps children looked after stay in the same school?"


def test_people_outside_the_organisation_cannot_see_a_question(
    client_for: Any, social_worker: Person, academic: Person, university: Organisation
) -> None:
    outside_broker = make_person(
        "ifan@uni.example", "Ifan Bowen", organisation=university, roles=(Role.BROKER,)
    )
    question = make_question(social_worker)
    for person in (academic, outside_broker):
        client = client_for(person)
        for page in QUESTION_PAGES:
            url = page.format(pk=question.pk)
            assert client.get(url).status_code in (404, 405), (person, url)
            assert client.post(url, PAYLOAD).status_code == 404, (person, url)
        listing = client.get("/agenda/").content.decode()
        assert question.text_en not in listing
        ask = client.post(
            "/agenda/ask/", {"text": question.text_en, "language": "en", "check": "1"}
        )
        assert "No question on the agenda looks like yours." in ask.content.decode()
    _nothing_changed(question)
    assert not question.followers.filter(pk__in=[academic.pk, outside_broker.pk]).exists()


def test_only_the_organisations_brokers_triage(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    steering_member: Person,
    admin: Person,
) -> None:
    question = make_question(social_worker)
    for person in (social_worker, champion, steering_member, admin):
        client = client_for(person)
        assert client.get("/agenda/triage/").status_code == 403, person
        for page in TRIAGING:
            url = page.format(pk=question.pk)
            assert client.get(url).status_code in (403, 405), (person, url)
            assert client.post(url, PAYLOAD).status_code == 403, (person, url)
        body = client.get(f"/agenda/questions/{question.pk}/").content.decode()
        assert "Triage this question" not in body
    _nothing_changed(question)


def test_a_broker_without_an_organisation_has_no_queue(client_for: Any, db: Any) -> None:
    loner = make_person("pedr@example.org", "Pedr Lewis", roles=(Role.BROKER,))
    assert client_for(loner).get("/agenda/triage/").status_code == 403


def test_only_the_author_changes_a_question_and_only_before_triage(
    client_for: Any, social_worker: Person, champion: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    url = f"/agenda/questions/{question.pk}/edit/"
    for person in (champion, broker):
        assert client_for(person).get(url).status_code == 403
        assert client_for(person).post(url, PAYLOAD).status_code == 403
    _nothing_changed(question)
    assert client_for(social_worker).get(url).status_code == 200
    question.state = State.TRIAGED
    question.save()
    assert client_for(social_worker).get(url).status_code == 403


def test_the_author_still_sees_their_question_after_leaving(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    social_worker.memberships.all().delete()
    client = client_for(social_worker)
    assert client.get(f"/agenda/questions/{question.pk}/").status_code == 200
    assert client.get(f"/agenda/questions/{question.pk}/triage/").status_code == 403
    assert client.get("/agenda/ask/").status_code == 403


def test_brokers_see_the_pages_they_may_use(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    client = client_for(broker)
    for page in [*TRIAGING, *SEEING, *OTHER]:
        url = page.format(pk=question.pk)
        assert client.get(url).status_code in (200, 405), url
