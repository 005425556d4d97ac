"""Prioritisation rounds: the steering group opens a round over shortlisted questions, the
electorate casts one secret ranked ballot each, and the results count points by group."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Ballot, BallotChoice, Question, Round, State, SupporterGroup
from .permissions import can_open_round, in_electorate, person_group
from .services import AgendaError

# Tallies from fewer ballots than this are not shown: one or two ballots would give away how
# those people voted.
MIN_BALLOTS_SHOWN = 3


@transaction.atomic
def round_open(
    *,
    person: Any,
    organisation: Any,
    title_en: str = "",
    title_cy: str = "",
    shortlist: Iterable[Question],
    groups: Iterable[str],
    teams: Iterable[Any] = (),
    partners: Iterable[Any] = (),
    picks: int = 10,
    opens_at: datetime | None = None,
    closes_at: datetime,
) -> Round:
    """Open a round over shortlisted questions of the organisation (steering members only)."""
    if not can_open_round(person, organisation.pk):
        raise AgendaError(_("Only steering group members of the organisation open rounds."))
    questions = list(shortlist)
    if not questions:
        raise AgendaError(_("Choose at least one shortlisted question."))
    if any(
        q.organisation_id != organisation.pk or q.state != State.SHORTLISTED or not q.is_open
        for q in questions
    ):
        raise AgendaError(_("A round can only hold shortlisted questions of its organisation."))
    groups = [g for g in dict.fromkeys(groups) if g in SupporterGroup.values]
    if not groups:
        raise AgendaError(_("Choose at least one group who may vote."))
    teams = list(teams)
    if any(t.organisation_id != organisation.pk for t in teams):
        raise AgendaError(_("Choose teams of the round's organisation."))
    partners = list(partners)
    if any(p.pk == organisation.pk or not p.is_active for p in partners):
        raise AgendaError(_("Choose other organisations that are still active as partners."))
    if partners and SupporterGroup.PARTNER not in groups:
        raise AgendaError(_("To ask partner organisations, let partners vote."))
    if not title_en.strip() and not title_cy.strip():
        raise AgendaError(_("Give the round a title."))
    if picks < 1:
        raise AgendaError(_("Each person must be able to pick at least one question."))
    opens_at = opens_at or timezone.now()
    if closes_at <= opens_at:
        raise AgendaError(_("The round must close after it opens."))
    round = Round.objects.create(
        organisation=organisation,
        title_en=title_en.strip(),
        title_cy=title_cy.strip(),
        groups=groups,
        picks=picks,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=person,
    )
    round.shortlist.set(questions)
    round.teams.set(teams)
    round.partners.set(partners)
    return round


@transaction.atomic
def ballot_cast(*, person: Any, round: Round, question_ids: Sequence[int]) -> Ballot:
    """Cast or replace the person's ballot: the questions in order, first choice first. A
    ballot can be changed while the round is open and never after."""
    now = timezone.now()
    if round.is_closed_at(now):
        raise AgendaError(_("This round has closed, so ballots can no longer be cast or changed."))
    if not round.is_open_at(now):
        raise AgendaError(_("This round has not opened yet."))
    if not in_electorate(person, round):
        raise AgendaError(_("You are not among the people asked to vote in this round."))
    ids = list(question_ids)
    if not ids:
        raise AgendaError(_("Choose at least one question."))
    if len(set(ids)) != len(ids):
        raise AgendaError(_("Give each question a different place."))
    if len(ids) > round.picks:
        raise AgendaError(_("Choose %(n)s questions or fewer.") % {"n": round.picks})
    shortlisted = set(round.shortlist.values_list("pk", flat=True))
    if not set(ids) <= shortlisted:
        raise AgendaError(_("Choose only questions on this round's shortlist."))
    group = person_group(person, round.organisation_id)
    try:
        with transaction.atomic():
            ballot, _created = Ballot.objects.get_or_create(
                round=round, voter=person, defaults={"group": group}
            )
    except IntegrityError:  # the same person voting twice at once: the other request made it
        ballot = Ballot.objects.get(round=round, voter=person)
    # One change at a time per ballot, so two at once cannot mix their choices.
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    ballot.group = group
    ballot.save(update_fields=["group", "updated_at"])
    ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, question_id=pk, rank=rank) for rank, pk in enumerate(ids, 1)
    )
    return ballot


def my_choices(person: Any, round: Round) -> list[Question]:
    """The person's own choices in order: the only ballot anyone is ever shown."""
    choices = BallotChoice.objects.filter(ballot__round=round, ballot__voter=person)
    return [c.question for c in choices.select_related("question").order_by("rank")]


@dataclass
class ResultRow:
    question: Question
    points: int
    place: int
    # (points, place) per group, or None where the group cast too few ballots to show
    by_group: list[tuple[int, int] | None] = field(default_factory=list)


@dataclass
class Results:
    groups: list[tuple[str, str]]  # (key, label) in the round's order
    turnout: dict[str, int]  # ballots per group
    total_ballots: int
    rows: list[ResultRow]  # empty when too few ballots were cast to show any tally


def _places(points: dict[int, int], order: list[int]) -> dict[int, int]:
    """Places by points, sharing a place on equal points (1, 2, 2, 4)."""
    places: dict[int, int] = {}
    for index, pk in enumerate(order):
        previous = order[index - 1] if index else None
        same = previous is not None and points[previous] == points[pk]
        places[pk] = places[previous] if same and previous is not None else index + 1
    return places


def round_results(round: Round) -> Results:
    """The ranking overall and per group, side by side, with turnout.

    Scoring: with N picks in the round, a question a voter ranks r-th gets N - r + 1 points
    (the first of ten gets 10, the tenth gets 1; unpicked questions get nothing). A question's
    score is the sum over ballots; in a group, the sum over that group's ballots. Equal scores
    share a place. Groups are scored apart, as the James Lind Alliance method asks.

    To keep ballots secret, a group's tally is shown only from MIN_BALLOTS_SHOWN ballots, and
    no ranking at all when fewer were cast in the whole round.

    Results exist only once the round has closed."""
    if not round.is_closed_at(timezone.now()):
        raise AgendaError(_("Results are shown once the round closes."))
    n = round.picks
    overall: Counter[int] = Counter()
    grouped: dict[str, Counter[int]] = {g: Counter() for g in round.groups}
    rows = BallotChoice.objects.filter(ballot__round=round).values_list(
        "question", "rank", "ballot__group"
    )
    for question_id, rank, group in rows:
        score = n - rank + 1
        overall[question_id] += score
        grouped.setdefault(group, Counter())[question_id] += score
    turnout = Counter(Ballot.objects.filter(round=round).values_list("group", flat=True))
    questions = list(round.shortlist.all())
    points = {q.pk: overall[q.pk] for q in questions}
    order = sorted(points, key=lambda pk: (-points[pk], pk))
    places = _places(points, order)
    group_places = {}
    for group, counter in grouped.items():
        group_points = {q.pk: counter[q.pk] for q in questions}
        group_order = sorted(group_points, key=lambda pk: (-group_points[pk], pk))
        group_places[group] = (group_points, _places(group_points, group_order))
    keys = list(round.groups) + [g for g in grouped if g not in round.groups]
    shown = [turnout.get(g, 0) >= MIN_BALLOTS_SHOWN for g in keys]
    total = sum(turnout.values())
    by_pk = {q.pk: q for q in questions}
    return Results(
        groups=[(g, str(SupporterGroup(g).label)) for g in keys],
        turnout={g: turnout.get(g, 0) for g in keys},
        total_ballots=total,
        rows=[
            ResultRow(
                question=by_pk[pk],
                points=points[pk],
                place=places[pk],
                by_group=[
                    (group_places[g][0][pk], group_places[g][1][pk]) if show else None
                    for g, show in zip(keys, shown, strict=True)
                ],
            )
            for pk in order
        ]
        if total >= MIN_BALLOTS_SHOWN
        else [],
    )
