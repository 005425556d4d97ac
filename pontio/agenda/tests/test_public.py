"""The agenda in public: an organisation's prioritised questions on a page, in an Atom feed and
through the API, seen as the organisation shares its agenda and refused to everyone else."""

from collections.abc import Callable
from typing import Any

import pytest
from defusedxml import ElementTree
from django.test import Client

from pontio.accounts.models import Person
from pontio.agenda import services
from pontio.agenda.models import Question, State
from pontio.agenda.tests.helpers import make_question
from pontio.agenda.tests.test_api import bearer
from pontio.agenda.triage import question_close_out_of_scope, question_mark_answered
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import AgendaSharing, Organisation

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ClientFor = Callable[[Person], Client]


def on_agenda(broker: Person, question: Question, state: str = State.PRIORITISED) -> Question:
    """Move a question along to the given state, as a broker and the steering group would."""
    for step in (State.TRIAGED, State.SHORTLISTED, State.PRIORITISED, State.COMMISSIONED):
        if question.state == state:
            break
        services.question_move(person=broker, question=question, state=step)
    question.refresh_from_db()
    return question


def share(organisation: Organisation, sharing: str) -> None:
    organisation.agenda_sharing = sharing
    organisation.save()


def page_path(organisation: Organisation) -> str:
    return f"/agenda/organisations/{organisation.pk}/"


def feed_path(organisation: Organisation) -> str:
    return f"/agenda/organisations/{organisation.pk}/feed/"


def api_get(client: Client, person: Person, path: str) -> Any:
    headers: dict[str, Any] = bearer(person)
    return client.get(path, **headers)


def api_ids(client: Client, person: Person) -> list[int]:
    data = api_get(client, person, "/api/v1/questions").json()
    return [q["id"] for q in data["results"]]


def child_text(element: Any, tag: str) -> str:
    found = element.find(f"{ATOM}{tag}")
    assert found is not None, tag
    return str(found.text or "")


def feed_entries(content: bytes) -> list[Any]:
    root = ElementTree.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    return list(root.iter(f"{ATOM}entry"))


@pytest.fixture
def agenda(social_worker: Person, broker: Person, council: Organisation) -> dict[str, Question]:
    """One council question in each state a question can be in."""
    found: dict[str, Question] = {
        state: make_question(social_worker, f"Question {state}?", why=f"Why {state} matters.")
        for state in (State.SUBMITTED, State.TRIAGED, State.SHORTLISTED)
    }
    for state in found:
        on_agenda(broker, found[state], state)
    for state in (State.PRIORITISED, State.COMMISSIONED):
        found[state] = on_agenda(
            broker, make_question(social_worker, f"Question {state}?", why=f"Why {state}."), state
        )
    answered = make_question(social_worker, "Question answered?", why="Why answered.")
    record = make_record(broker, council, "Shared study")
    question_mark_answered(person=broker, question=answered, records=[record])
    found[State.ANSWERED] = answered
    closed = make_question(social_worker, "Question closed?")
    question_close_out_of_scope(person=broker, question=closed, reason="Not for us")
    found[State.CLOSED] = closed
    return found


SHOWN = (State.PRIORITISED, State.COMMISSIONED, State.ANSWERED)
HIDDEN = (State.SUBMITTED, State.TRIAGED, State.SHORTLISTED, State.CLOSED)


def test_it_keeps_an_agenda_shared_with_members_to_its_members(
    client_for: ClientFor,
    council: Organisation,
    agenda: dict[str, Question],
    social_worker: Person,
    academic: Person,
) -> None:
    anonymous = Client()
    response = anonymous.get(page_path(council))
    assert response.status_code == 302 and response["Location"].startswith("/auth/login/")
    assert anonymous.get(feed_path(council)).status_code == 404

    partner = client_for(academic)
    assert partner.get(page_path(council)).status_code == 404
    assert partner.get(feed_path(council)).status_code == 404
    prioritised = agenda[State.PRIORITISED]
    assert partner.get(f"/agenda/questions/{prioritised.pk}/").status_code == 404
    assert api_ids(partner, academic) == []
    assert api_get(partner, academic, f"/api/v1/questions/{prioritised.pk}").status_code == 404

    member = client_for(social_worker)
    page = member.get(page_path(council))
    assert page.status_code == 200
    assert "Question prioritised?" in page.content.decode()
    assert member.get(feed_path(council)).status_code == 200


def test_it_shares_an_agenda_with_everyone_signed_in_but_not_its_drafts(
    client_for: ClientFor, council: Organisation, agenda: dict[str, Question], academic: Person
) -> None:
    share(council, AgendaSharing.SIGNED_IN)
    anonymous = Client()
    assert anonymous.get(page_path(council))["Location"].startswith("/auth/login/")
    assert anonymous.get(feed_path(council)).status_code == 404

    partner = client_for(academic)
    assert partner.get(page_path(council)).status_code == 200
    assert len(feed_entries(partner.get(feed_path(council)).content)) == 3
    assert sorted(api_ids(partner, academic)) == sorted(agenda[state].pk for state in SHOWN)
    for state in SHOWN:
        assert partner.get(f"/agenda/questions/{agenda[state].pk}/").status_code == 200
    for state in HIDDEN:
        question = agenda[state]
        assert partner.get(f"/agenda/questions/{question.pk}/").status_code == 404
        assert api_get(partner, academic, f"/api/v1/questions/{question.pk}").status_code == 404
    # A partner reads what happened to a shared question, not which colleague did it.
    shared = agenda[SHOWN[0]]
    actor = shared.actions.first().actor
    assert actor.name not in partner.get(f"/agenda/questions/{shared.pk}/").content.decode()


def test_it_shows_a_public_agenda_to_anyone(
    client_for: ClientFor, council: Organisation, agenda: dict[str, Question], academic: Person
) -> None:
    share(council, AgendaSharing.PUBLIC)
    anonymous = Client()
    page = anonymous.get(page_path(council))
    assert page.status_code == 200
    assert "Question commissioned?" in page.content.decode()
    assert len(feed_entries(anonymous.get(feed_path(council)).content)) == 3
    # The API answers only those who sign in with a token, however the agenda is shared.
    assert anonymous.get("/api/v1/questions").status_code == 401
    assert client_for(academic).get(page_path(council)).status_code == 200
    assert sorted(api_ids(Client(), academic)) == sorted(agenda[state].pk for state in SHOWN)


def test_it_shows_only_questions_on_the_agenda(
    client_for: ClientFor,
    council: Organisation,
    agenda: dict[str, Question],
    social_worker: Person,
    broker: Person,
) -> None:
    share(council, AgendaSharing.PUBLIC)
    duplicate = on_agenda(broker, make_question(social_worker, "Question merged away?"))
    Question.objects.filter(pk=duplicate.pk).update(merged_into=agenda[State.PRIORITISED])
    for client in (Client(), client_for(social_worker)):  # members see no more here
        page = client.get(page_path(council)).content.decode()
        feed = client.get(feed_path(council)).content.decode()
        for state in SHOWN:
            assert f"Question {state}?" in page and f"Question {state}?" in feed
        for state in HIDDEN:
            assert f"Question {state}?" not in page and f"Question {state}?" not in feed
        assert "Question merged away?" not in page and "Question merged away?" not in feed


def test_it_orders_the_agenda_by_place_then_newest(
    council: Organisation, agenda: dict[str, Question]
) -> None:
    share(council, AgendaSharing.PUBLIC)
    Question.objects.filter(pk=agenda[State.COMMISSIONED].pk).update(agenda_place=1)
    Question.objects.filter(pk=agenda[State.PRIORITISED].pk).update(agenda_place=2)
    page = Client().get(page_path(council)).content.decode()
    first, second, last = (
        page.index(f"Question {state}?")
        for state in (State.COMMISSIONED, State.PRIORITISED, State.ANSWERED)
    )
    assert first < second < last
    assert "Number 1 on the agenda" in page
    titles = [
        child_text(entry, "title")
        for entry in feed_entries(Client().get(feed_path(council)).content)
    ]
    assert titles == ["Question commissioned?", "Question prioritised?", "Question answered?"]


def test_it_gives_an_atom_feed_that_links_to_each_question_on_the_page(
    council: Organisation, agenda: dict[str, Question]
) -> None:
    share(council, AgendaSharing.PUBLIC)
    response = Client().get(feed_path(council))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.get(XML_LANG) == "en"
    assert child_text(root, "title") == "Research agenda of Caerwen Council"
    entries = {child_text(entry, "title"): entry for entry in feed_entries(response.content)}
    commissioned = agenda[State.COMMISSIONED]
    entry = entries["Question commissioned?"]
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{page_path(council)}#question-{commissioned.pk}"
    assert child_text(entry, "id") == link
    summary = child_text(entry, "summary")
    assert "Commissioned" in summary and "Why commissioned." in summary
    assert entry.find(f"{ATOM}published") is not None
    assert entry.find(f"{ATOM}updated") is not None
    # The same entries, with the same ids, the next time a reader asks.
    again = feed_entries(Client().get(feed_path(council)).content)
    assert sorted(child_text(e, "id") for e in again) == sorted(
        child_text(e, "id") for e in entries.values()
    )
    page = Client().get(page_path(council)).content.decode()
    assert f'id="question-{commissioned.pk}"' in page
    assert 'type="application/atom+xml"' in page and feed_path(council) in page


def test_it_gives_the_feed_in_the_readers_language(
    council: Organisation, agenda: dict[str, Question]
) -> None:
    share(council, AgendaSharing.PUBLIC)
    reader = Client()
    reader.cookies["pontio_language"] = "cy"
    root = ElementTree.fromstring(reader.get(feed_path(council)).content)
    assert root.get(XML_LANG) == "cy"
    assert "Cyngor Caerwen" in child_text(root, "title")


def test_it_lists_answering_research_only_to_those_who_may_see_it(
    client_for: ClientFor,
    council: Organisation,
    university: Organisation,
    social_worker: Person,
    broker: Person,
    academic: Person,
) -> None:
    share(council, AgendaSharing.PUBLIC)
    question = make_question(social_worker, "Does kinship care keep siblings together?")
    shared = make_record(broker, council, "Kinship care and siblings")
    private = make_record(
        academic, university, "Unpublished sibling study", visibility=Visibility.ORGANISATION
    )
    question_mark_answered(person=broker, question=question, records=[shared, private])

    page = Client().get(page_path(council)).content.decode()
    assert "Kinship care and siblings" not in page and "Unpublished sibling study" not in page
    member = client_for(social_worker).get(page_path(council)).content.decode()
    assert "Kinship care and siblings" in member and "Unpublished sibling study" not in member
    partner = client_for(academic).get(page_path(council)).content.decode()
    assert "Kinship care and siblings" in partner and "Unpublished sibling study" in partner
    feed = Client().get(feed_path(council)).content.decode()
    assert "Kinship care and siblings" not in feed


def test_it_links_to_questions_only_for_those_signed_in(
    client_for: ClientFor, council: Organisation, agenda: dict[str, Question], academic: Person
) -> None:
    share(council, AgendaSharing.PUBLIC)
    link = f"/agenda/questions/{agenda[State.PRIORITISED].pk}/"
    assert link not in Client().get(page_path(council)).content.decode()
    assert link in client_for(academic).get(page_path(council)).content.decode()


def test_it_says_when_nothing_has_been_prioritised(
    council: Organisation, social_worker: Person
) -> None:
    share(council, AgendaSharing.PUBLIC)
    make_question(social_worker, "Still waiting for triage?")
    page = Client().get(page_path(council)).content.decode()
    assert "No questions have been prioritised yet." in page
    assert "Still waiting for triage?" not in page
    assert feed_entries(Client().get(feed_path(council)).content) == []


def test_it_pages_a_long_agenda(
    council: Organisation, social_worker: Person, broker: Person
) -> None:
    share(council, AgendaSharing.PUBLIC)
    for number in range(26):
        on_agenda(broker, make_question(social_worker, f"Long agenda question {number}?"))
    first = Client().get(page_path(council)).content.decode()
    assert first.count("Long agenda question") == 25 and "govuk-pagination" in first
    second = Client().get(page_path(council), {"page": 2}).content.decode()
    assert second.count("Long agenda question") == 1
    entries = feed_entries(Client().get(feed_path(council)).content)
    assert "?page=2#question-" in entries[-1].find(f"{ATOM}link").get("href")


def test_it_refuses_organisations_that_are_missing_or_no_longer_active(
    client_for: ClientFor, council: Organisation, agenda: dict[str, Question], academic: Person
) -> None:
    share(council, AgendaSharing.PUBLIC)
    council.is_active = False
    council.save()
    assert Client().get(page_path(council)).status_code == 302
    assert Client().get(feed_path(council)).status_code == 404
    partner = client_for(academic)
    assert partner.get(page_path(council)).status_code == 404
    assert api_ids(partner, academic) == []
    missing = "/agenda/organisations/999999/"
    assert Client().get(missing)["Location"].startswith("/auth/login/")
    assert partner.get(missing).status_code == 404
    assert partner.get(missing + "feed/").status_code == 404
