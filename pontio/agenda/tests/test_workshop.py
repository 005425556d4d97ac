"""The final workshop: after a round closes, steering members record the agreed order with a
reason for every move; the first ten become the agenda's top ten and their followers are told."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.models import AgreedPlace, Notice, Question, Round, State, TriageAction
from pontio.agenda.rounds import ballot_cast
from pontio.agenda.services import AgendaError
from pontio.agenda.tests.helpers import make_question
from pontio.agenda.tests.test_rounds import close, make_round, make_shortlist
from pontio.agenda.triage import question_close_out_of_scope
from pontio.agenda.workshop import ballot_places, workshop_agree
from pontio.conftest import make_person


@pytest.fixture(autouse=True)
def _steering_reads_english(steering_member: Person) -> None:
    steering_member.language = "en"
    steering_member.save(update_fields=["language"])


@pytest.fixture
def shortlist(social_worker: Person) -> list[Question]:
    return make_shortlist(social_worker, 12)


@pytest.fixture
def voted(
    steering_member: Person, shortlist: list[Question], team: Any, champion: Person, broker: Person
) -> Round:
    """A closed round: three practitioners ranked the first two questions, in that order."""
    round = make_round(steering_member, shortlist, picks=3)
    third = make_person("carys@example.org", "Carys Powell", team=team)
    for voter in (champion, broker, third):
        ballot_cast(person=voter, round=round, question_ids=[shortlist[0].pk, shortlist[1].pk])
    close(round)
    return round


def in_ballot_order(round: Round) -> dict[int, int]:
    """Places 1..n following the ballots, ties broken by id (as the workshop page proposes)."""
    ballots = ballot_places(round)
    order = sorted(round.shortlist.all(), key=lambda q: (ballots[q.pk][0], q.pk))
    return {q.pk: place for place, q in enumerate(order, 1)}


def test_the_agreed_order_makes_the_top_ten_and_tells_followers(
    voted: Round, steering_member: Person, social_worker: Person, shortlist: list[Question]
) -> None:
    places = in_ballot_order(voted)
    first, second = shortlist[0].pk, shortlist[1].pk
    places[first], places[second] = 2, 1  # the workshop swaps the first two
    reasons = {first: "Another council already studies this.", second: "Most urgent for families."}
    workshop_agree(person=steering_member, round=voted, places=places, reasons=reasons)

    top = Question.objects.filter(state=State.PRIORITISED).order_by("agenda_place")
    assert [q.agenda_place for q in top] == list(range(1, 11))
    assert top[0].pk == second and top[1].pk == first
    left_out = Question.objects.filter(state=State.SHORTLISTED)
    assert left_out.count() == 2 and not left_out.filter(agenda_place__isnull=False).exists()
    moved = AgreedPlace.objects.get(round=voted, question=first)
    assert (moved.ballot_place, moved.place, moved.moved) == (1, 2, True)
    assert moved.reason == "Another council already studies this."
    action = TriageAction.objects.get(question=first, action="placed")
    assert action.after == "2" and action.reason == moved.reason
    notice = Notice.objects.get(person=social_worker, question=second)
    assert notice.message == "The final workshop placed it number 1 in the agenda's top ten."


def test_a_move_without_a_reason_is_refused_and_nothing_saved(
    voted: Round, steering_member: Person, shortlist: list[Question]
) -> None:
    places = in_ballot_order(voted)
    places[shortlist[0].pk], places[shortlist[1].pk] = 2, 1
    with pytest.raises(AgendaError, match="Say why each question"):
        workshop_agree(person=steering_member, round=voted, places=places, reasons={})
    assert not AgreedPlace.objects.exists()
    assert not Question.objects.filter(state=State.PRIORITISED).exists()


def test_places_must_cover_the_shortlist_once_each(
    voted: Round, steering_member: Person, shortlist: list[Question]
) -> None:
    places = in_ballot_order(voted)
    places[shortlist[5].pk] = places[shortlist[6].pk]
    with pytest.raises(AgendaError, match="different place"):
        workshop_agree(person=steering_member, round=voted, places=places, reasons={})
    del places[shortlist[5].pk]
    with pytest.raises(AgendaError, match="every question"):
        workshop_agree(person=steering_member, round=voted, places=places, reasons={})
    assert not AgreedPlace.objects.exists()


def test_recording_again_replaces_the_order_and_drops_those_who_fell_out(
    voted: Round, steering_member: Person, shortlist: list[Question]
) -> None:
    places = in_ballot_order(voted)
    workshop_agree(person=steering_member, round=voted, places=places, reasons={})
    tenth = next(pk for pk, place in places.items() if place == 10)
    eleventh = next(pk for pk, place in places.items() if place == 11)
    places[tenth], places[eleventh] = 11, 10
    workshop_agree(
        person=steering_member,
        round=voted,
        places=places,
        reasons={tenth: "Fewer families affected.", eleventh: "Raised again by managers."},
    )
    dropped = Question.objects.get(pk=tenth)
    assert dropped.state == State.SHORTLISTED and dropped.agenda_place is None
    assert Question.objects.get(pk=eleventh).agenda_place == 10
    assert AgreedPlace.objects.filter(round=voted).count() == 12


def test_only_steering_members_record_and_only_after_closing(
    steering_member: Person,
    broker: Person,
    admin: Person,
    shortlist: list[Question],
    voted: Round,
    client_for: Any,
) -> None:
    places = in_ballot_order(voted)
    for person in (broker, admin):
        with pytest.raises(AgendaError, match="Only steering group members"):
            workshop_agree(person=person, round=voted, places=places, reasons={})
        assert client_for(person).get(f"/agenda/rounds/{voted.pk}/workshop/").status_code == 403
        response = client_for(person).post(
            f"/agenda/rounds/{voted.pk}/workshop/",
            {f"place_{pk}": str(place) for pk, place in places.items()},
        )
        assert response.status_code == 403
    still_open = make_round(steering_member, shortlist)
    with pytest.raises(AgendaError, match="once the round has closed"):
        workshop_agree(person=steering_member, round=still_open, places=places, reasons={})
    response = client_for(steering_member).get(f"/agenda/rounds/{still_open.pk}/workshop/")
    assert response.status_code == 302
    assert not AgreedPlace.objects.exists()


def test_the_workshop_form_keeps_what_was_typed_and_asks_for_reasons(
    voted: Round, steering_member: Person, shortlist: list[Question], client_for: Any
) -> None:
    client = client_for(steering_member)
    url = f"/agenda/rounds/{voted.pk}/workshop/"
    page = client.get(url).content.decode()
    assert "Place 1 in the ballots" in page
    places = in_ballot_order(voted)
    places[shortlist[0].pk], places[shortlist[1].pk] = 2, 1
    data = {f"place_{pk}": str(place) for pk, place in places.items()}
    data[f"reason_{shortlist[0].pk}"] = "Typed and kept"
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Say why it moved from place 2 to 1" in body and "Typed and kept" in body
    assert not AgreedPlace.objects.exists()
    data[f"reason_{shortlist[1].pk}"] = "Most urgent"
    response = client.post(url, data)
    assert response.status_code == 302
    results = client.get(f"/agenda/rounds/{voted.pk}/results/").content.decode()
    assert "The order the final workshop agreed" in results and "Most urgent" in results


def test_a_question_that_leaves_the_agenda_loses_its_place(
    broker: Person, champion: Person
) -> None:
    """However it leaves (here: closed as out of scope), its number is not shown again if it
    is ever put back."""
    question = make_question(champion)
    Question.objects.filter(pk=question.pk).update(state=State.PRIORITISED, agenda_place=3)
    question.refresh_from_db()
    question_close_out_of_scope(person=broker, question=question, reason="Not ours")
    question.refresh_from_db()
    assert question.state == State.CLOSED and question.agenda_place is None
