"""Prioritisation rounds: steering members open them over the shortlist; each voter in the
electorate has one secret ballot, changed until the round closes and never after; results by
group with turnout appear only once it has closed."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.agenda.models import Ballot, BallotChoice, Question, Round, State, SupporterGroup
from pontio.agenda.rounds import ballot_cast, my_choices, round_open, round_results
from pontio.agenda.services import AgendaError
from pontio.agenda.tests.helpers import make_question
from pontio.conftest import make_person, make_team
from pontio.organisations.models import Organisation

EVERYONE = [SupporterGroup.PRACTITIONER, SupporterGroup.MANAGER, SupporterGroup.PARTNER]


def make_shortlist(person: Person, n: int = 3) -> list[Question]:
    questions = []
    for i in range(n):
        question = make_question(person, f"Shortlisted question number {i} about school moves?")
        question.state = State.SHORTLISTED
        question.save()
        questions.append(question)
    return questions


def make_round(steering_member: Person, questions: list[Question], **fields: Any) -> Round:
    fields.setdefault("groups", EVERYONE)
    return round_open(
        person=steering_member,
        organisation=steering_member.memberships.first().organisation,
        title_en="Our top questions for 2027",
        shortlist=questions,
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=7),
        **fields,
    )


def close(round: Round) -> None:
    Round.objects.filter(pk=round.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    round.refresh_from_db()


@pytest.fixture(autouse=True)
def _steering_reads_english(steering_member: Person) -> None:
    """The steering member reads Welsh elsewhere; these tests read the pages' English words."""
    steering_member.language = "en"
    steering_member.save(update_fields=["language"])


@pytest.fixture
def shortlist(social_worker: Person) -> list[Question]:
    return make_shortlist(social_worker)


@pytest.fixture
def round(steering_member: Person, shortlist: list[Question]) -> Round:
    return make_round(steering_member, shortlist, picks=2)


def ids(questions: list[Question]) -> list[int]:
    return [q.pk for q in questions]


def test_only_steering_members_open_rounds(
    social_worker: Person, broker: Person, admin: Person, shortlist: list[Question]
) -> None:
    for person in (social_worker, broker, admin):
        with pytest.raises(AgendaError, match="Only steering group members"):
            make_round(person, shortlist)
    assert not Round.objects.exists()


def test_a_round_needs_a_shortlist_of_shortlisted_questions(
    steering_member: Person, social_worker: Person
) -> None:
    with pytest.raises(AgendaError, match="at least one shortlisted question"):
        make_round(steering_member, [])
    with pytest.raises(AgendaError, match="only hold shortlisted questions"):
        make_round(steering_member, [make_question(social_worker)])
    assert not Round.objects.exists()


def test_one_ballot_per_person_in_the_database_and_the_service(
    round: Round, champion: Person, shortlist: list[Question]
) -> None:
    ballot_cast(person=champion, round=round, question_ids=ids(shortlist[:2]))
    ballot_cast(person=champion, round=round, question_ids=[shortlist[2].pk])
    assert Ballot.objects.count() == 1
    assert my_choices(champion, round) == [shortlist[2]]
    with pytest.raises(IntegrityError):
        Ballot.objects.create(round=round, voter=champion, group=SupporterGroup.PRACTITIONER)


def test_a_ballot_changes_until_the_round_closes_and_never_after(
    round: Round, champion: Person, shortlist: list[Question]
) -> None:
    ballot_cast(person=champion, round=round, question_ids=ids(shortlist[:2]))
    ballot_cast(person=champion, round=round, question_ids=ids(shortlist[:2])[::-1])
    assert my_choices(champion, round) == [shortlist[1], shortlist[0]]
    close(round)
    with pytest.raises(AgendaError, match="This round has closed"):
        ballot_cast(person=champion, round=round, question_ids=[shortlist[2].pk])
    assert my_choices(champion, round) == [shortlist[1], shortlist[0]]


def test_only_the_electorate_votes(
    steering_member: Person,
    social_worker: Person,
    champion: Person,
    academic: Person,
    shortlist: list[Question],
    council: Organisation,
) -> None:
    managers_only = make_round(steering_member, shortlist, groups=[SupporterGroup.MANAGER])
    for person in (champion, academic):
        with pytest.raises(AgendaError, match="not among the people asked to vote"):
            ballot_cast(person=person, round=managers_only, question_ids=[shortlist[0].pk])
    ballot_cast(person=steering_member, round=managers_only, question_ids=[shortlist[0].pk])

    other_team = make_team(council, "Children Looked After")
    elsewhere = make_person("nia@example.org", "Nia Evans", team=other_team)
    one_team = make_round(steering_member, shortlist, teams=[other_team])
    with pytest.raises(AgendaError, match="not among the people asked to vote"):
        ballot_cast(person=champion, round=one_team, question_ids=[shortlist[0].pk])
    ballot_cast(person=elsewhere, round=one_team, question_ids=[shortlist[0].pk])
    assert Ballot.objects.count() == 2


def test_more_picks_than_allowed_or_off_the_shortlist_are_refused(
    round: Round, champion: Person, social_worker: Person, shortlist: list[Question]
) -> None:
    with pytest.raises(AgendaError, match="Choose 2 questions or fewer"):
        ballot_cast(person=champion, round=round, question_ids=ids(shortlist))
    other = make_shortlist(social_worker, 1)[0]
    with pytest.raises(AgendaError, match="only questions on this round's shortlist"):
        ballot_cast(person=champion, round=round, question_ids=[other.pk])
    with pytest.raises(AgendaError, match="different place"):
        ballot_cast(person=champion, round=round, question_ids=[other.pk, other.pk])
    assert not Ballot.objects.exists() and not BallotChoice.objects.exists()


def test_results_are_hidden_until_close_then_scored_by_group_with_turnout(
    round: Round,
    social_worker: Person,
    champion: Person,
    broker: Person,
    steering_member: Person,
    shortlist: list[Question],
) -> None:
    first, second, third = shortlist
    ballot_cast(person=champion, round=round, question_ids=[first.pk, second.pk])
    ballot_cast(person=broker, round=round, question_ids=[first.pk, third.pk])
    ballot_cast(person=social_worker, round=round, question_ids=[second.pk, first.pk])
    ballot_cast(person=steering_member, round=round, question_ids=[third.pk, second.pk])
    with pytest.raises(AgendaError, match="once the round closes"):
        round_results(round)
    close(round)
    results = round_results(round)
    assert results.total_ballots == 4
    assert results.turnout == {"practitioner": 3, "manager": 1, "partner": 0}
    # Two picks: a first choice scores 2, a second 1. The one manager's tally is not shown,
    # as it would be their ballot; nor is the partners', who cast none.
    table = {row.question.pk: (row.points, row.place, row.by_group) for row in results.rows}
    assert table[first.pk] == (5, 1, [(5, 1), None, None])
    assert table[second.pk] == (4, 2, [(3, 2), None, None])
    assert table[third.pk] == (3, 3, [(1, 3), None, None])
    assert [row.question for row in results.rows] == [first, second, third]


def test_too_few_ballots_show_no_ranking(
    round: Round, champion: Person, broker: Person, shortlist: list[Question]
) -> None:
    ballot_cast(person=champion, round=round, question_ids=[shortlist[0].pk])
    ballot_cast(person=broker, round=round, question_ids=[shortlist[1].pk])
    close(round)
    results = round_results(round)
    assert results.total_ballots == 2 and results.rows == []


# The pages.

ROUND_PAGES = [
    "/agenda/rounds/{pk}/",
    "/agenda/rounds/{pk}/ballot/",
    "/agenda/rounds/{pk}/ballot/order/",
    "/agenda/rounds/{pk}/results/",
]


def vote_through_pages(client: Any, round: Round, questions: list[Question]) -> Any:
    chosen = client.post(f"/agenda/rounds/{round.pk}/ballot/", {"questions": ids(questions)})
    assert chosen.status_code == 302 and "/ballot/order/?" in chosen.url
    order = client.get(chosen.url)
    assert order.status_code == 200
    places = {f"place_{q.pk}": str(place) for place, q in enumerate(questions, 1)}
    return client.post(f"/agenda/rounds/{round.pk}/ballot/order/", {"q": ids(questions), **places})


def vote_through_pages_closed(client: Any, round: Round, questions: list[Question]) -> str:
    response = client.post(
        f"/agenda/rounds/{round.pk}/ballot/order/", {"q": ids(questions), "place_1": "1"}
    )
    assert response.status_code == 302
    return str(client.get(response.url).content.decode())


def test_a_steering_member_opens_a_round_through_the_form(
    client_for: Any, steering_member: Person, shortlist: list[Question], university: Organisation
) -> None:
    client = client_for(steering_member)
    assert client.get("/agenda/rounds/open/").status_code == 200
    data = {
        "title_en": "Our top questions",
        "shortlist": ids(shortlist[:2]),
        "groups": ["practitioner", "manager"],
        "partners": [university.pk],
        "picks": "2",
        "closes_at": (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
    }
    refused = client.post("/agenda/rounds/open/", data).content.decode()
    assert "Tick Partners to let the organisations you ask vote" in refused
    assert 'value="Our top questions"' in refused and not Round.objects.exists()
    response = client.post("/agenda/rounds/open/", {**data, "groups": ["practitioner", "partner"]})
    assert response.status_code == 302
    opened = Round.objects.get()
    assert list(opened.shortlist.order_by("pk")) == shortlist[:2]
    assert opened.groups == ["practitioner", "partner"] and opened.picks == 2
    assert list(opened.partners.all()) == [university]


def test_people_outside_steering_cannot_open_a_round(
    client_for: Any, social_worker: Person, broker: Person, admin: Person, shortlist: Any
) -> None:
    for person in (social_worker, broker, admin):
        client = client_for(person)
        assert client.get("/agenda/rounds/open/").status_code == 403
        payload = {"title_en": "x", "shortlist": ids(shortlist), "groups": ["manager"]}
        assert client.post("/agenda/rounds/open/", payload).status_code == 403
    assert not Round.objects.exists()


def test_a_voter_chooses_orders_and_changes_their_ballot(
    client_for: Any, round: Round, champion: Person, shortlist: list[Question]
) -> None:
    client = client_for(champion)
    first, second, _third = shortlist
    assert vote_through_pages(client, round, [first, second]).status_code == 302
    assert my_choices(champion, round) == [first, second]
    page = client.get(f"/agenda/rounds/{round.pk}/").content.decode()
    assert "Change my ballot" in page and "Your ballot" in page
    vote_through_pages(client, round, [second, first])
    assert my_choices(champion, round) == [second, first]
    too_many = client.post(f"/agenda/rounds/{round.pk}/ballot/", {"questions": ids(shortlist)})
    assert "Choose 2 questions or fewer" in too_many.content.decode()
    close(round)
    refused = vote_through_pages_closed(client, round, [first])
    assert "This round is not open for voting." in refused
    assert my_choices(champion, round) == [second, first]


def test_people_outside_the_electorate_are_refused(
    client_for: Any, steering_member: Person, champion: Person, shortlist: list[Question]
) -> None:
    managers_only = make_round(steering_member, shortlist, groups=[SupporterGroup.MANAGER])
    client = client_for(champion)
    assert (
        "not among the people asked to vote"
        in client.get(f"/agenda/rounds/{managers_only.pk}/").content.decode()
    )
    for page in ROUND_PAGES[1:3]:
        url = page.format(pk=managers_only.pk)
        assert client.get(url).status_code == 403
        assert (
            client.post(url, {"questions": ids(shortlist), "q": ids(shortlist)}).status_code == 403
        )
    assert not Ballot.objects.exists()


def test_outsiders_get_404_everywhere(
    client_for: Any, round: Round, academic: Person, shortlist: list[Question]
) -> None:
    client = client_for(academic)
    for page in ROUND_PAGES:
        url = page.format(pk=round.pk)
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"questions": ids(shortlist)}).status_code == 404, url
    assert round.title not in client.get("/agenda/rounds/").content.decode()
    assert not Ballot.objects.exists()


def test_results_pages_are_hidden_until_close_and_then_shown_by_group(
    client_for: Any,
    round: Round,
    social_worker: Person,
    broker: Person,
    champion: Person,
    steering_member: Person,
    shortlist: list[Question],
) -> None:
    for voter in (champion, broker, social_worker, steering_member):
        ballot_cast(person=voter, round=round, question_ids=ids(shortlist[:2]))
    client = client_for(steering_member)
    early = client.get(f"/agenda/rounds/{round.pk}/results/")
    assert early.status_code == 302
    assert "Results are shown once the round closes." in client.get(early.url).content.decode()
    close(round)
    body = client_for(champion).get(f"/agenda/rounds/{round.pk}/results/").content.decode()
    assert "4 ballots were cast." in body
    assert "Practitioners" in body and "Managers and leaders" in body
    assert "3 ballots" in body and "1 ballot" in body
    assert "6 (place 1)" in body  # practitioners: three first choices of two points
    assert "A dash means the group cast fewer than 3 ballots" in body


def test_no_page_shows_another_persons_choices(
    client_for: Any,
    round: Round,
    champion: Person,
    admin: Person,
    steering_member: Person,
    broker: Person,
    shortlist: list[Question],
) -> None:
    """The champion's only choice is a question nobody else picked: no page anyone else sees
    may show it as chosen, or name the champion."""
    secret = shortlist[2]
    ballot_cast(person=champion, round=round, question_ids=[secret.pk])
    for person in (admin, steering_member, broker):
        client = client_for(person)
        for url in (f"/agenda/rounds/{round.pk}/", "/agenda/rounds/"):
            body = client.get(url).content.decode()
            assert "Your ballot" not in body and champion.name not in body
    close(round)
    for person in (admin, steering_member, broker):
        body = client_for(person).get(f"/agenda/rounds/{round.pk}/results/").content.decode()
        assert champion.name not in body and champion.email not in body
        assert secret.text_en not in body  # one ballot: no ranking is shown at all
    own = client_for(champion).get(f"/agenda/rounds/{round.pk}/").content.decode()
    assert "Your ballot" in own


def test_a_ballot_with_two_questions_in_one_place_is_refused_and_nothing_saved(
    client_for: Any, round: Round, champion: Person, shortlist: list[Question]
) -> None:
    client = client_for(champion)
    first, second, _third = shortlist
    response = client.post(
        f"/agenda/rounds/{round.pk}/ballot/order/",
        {"q": [first.pk, second.pk], f"place_{first.pk}": "1", f"place_{second.pk}": "1"},
    )
    assert response.status_code == 200
    assert "Give each question a different place" in response.content.decode()
    assert not Ballot.objects.exists()
    chosen_none = client.post(f"/agenda/rounds/{round.pk}/ballot/", {})
    assert "Choose at least one question" in chosen_none.content.decode()


def test_opening_a_round_without_title_or_questions_says_what_is_missing(
    client_for: Any, steering_member: Person, social_worker: Person, shortlist: list[Question]
) -> None:
    client = client_for(steering_member)
    empty = client.post("/agenda/rounds/open/", {}).content.decode()
    assert "Choose at least one shortlisted question" in empty
    assert "Choose at least one group who may vote" in empty
    assert "Enter when the round closes" in empty
    untitled = client.post(
        "/agenda/rounds/open/",
        {
            "shortlist": ids(shortlist),
            "groups": ["manager"],
            "picks": "3",
            "closes_at": (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        },
    ).content.decode()
    assert "Give the round a title in English or Welsh" in untitled
    assert not Round.objects.exists()
    lister = client_for(social_worker).get("/agenda/rounds/").content.decode()
    assert "Open a round" not in lister


def test_partner_organisations_asked_vote_as_partners_and_no_others(
    client_for: Any,
    steering_member: Person,
    academic: Person,
    university: Organisation,
    shortlist: list[Question],
) -> None:
    not_asked = make_round(steering_member, shortlist)
    with pytest.raises(AgendaError, match="not among the people asked to vote"):
        ballot_cast(person=academic, round=not_asked, question_ids=[shortlist[0].pk])
    assert client_for(academic).get(f"/agenda/rounds/{not_asked.pk}/").status_code == 404
    with pytest.raises(AgendaError, match="let partners vote"):
        make_round(steering_member, shortlist, partners=[university], groups=["practitioner"])

    asked = make_round(steering_member, shortlist, partners=[university])
    client = client_for(academic)
    page = client.get(f"/agenda/rounds/{asked.pk}/").content.decode()
    assert "Cast my ballot" in page and university.name_en in page
    assert f'href="/agenda/questions/{shortlist[0].pk}/"' not in page  # not theirs to open
    ballot_cast(person=academic, round=asked, question_ids=[shortlist[0].pk])
    assert Ballot.objects.get(round=asked, voter=academic).group == SupporterGroup.PARTNER
    assert client.get(f"/agenda/rounds/{not_asked.pk}/").status_code == 404
