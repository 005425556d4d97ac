"""The final workshop of a round (the last step of the James Lind Alliance method): after the
ballots, the steering group agrees the order in discussion, says why any question moved from
its place in the ballot results, and so sets the organisation's top ten."""

from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Action, AgreedPlace, Question, Round, State, TriageAction
from .permissions import can_open_round
from .rounds import round_results
from .services import AgendaError, notices_send, question_set_state

TOP = 10  # the agenda's top ten
# Only these questions change state when placed: a later decision (commission, reject) stands.
PLACEABLE = (State.SHORTLISTED, State.PRIORITISED)


def ballot_places(round: Round) -> dict[int, tuple[int, int]]:
    """Each shortlisted question's places in the ballot results: (first, last), which differ
    when questions tie (three sharing place 3 span places 3 to 5). Empty when too few ballots
    were cast for results to be shown."""
    rows = round_results(round).rows
    shared = Counter(row.place for row in rows)
    return {row.question.pk: (row.place, row.place + shared[row.place] - 1) for row in rows}


def has_moved(place: int, ballot: tuple[int, int] | None) -> bool:
    """A question moved if its agreed place is outside the places the ballots gave it."""
    return ballot is not None and not ballot[0] <= place <= ballot[1]


def proposed_order(
    round: Round, from_ballots: Mapping[int, tuple[int, int]] | None = None
) -> list[Question]:
    """The order to start the workshop from: as agreed if it was, else as the ballots ranked.
    A caller that has counted the ballots already passes `from_ballots` (counting is the
    round's heaviest read)."""
    agreed = {a.question_id: a.place for a in round.agreed_places.all()}
    if not agreed and from_ballots is None:
        from_ballots = ballot_places(round)
    places = agreed or {pk: first for pk, (first, _last) in (from_ballots or {}).items()}
    shortlist = sorted(round.shortlist.all(), key=lambda q: q.pk)
    return sorted(shortlist, key=lambda q: places.get(q.pk, len(shortlist) + 1))


def _check(person: Any, round: Round, places: Mapping[int, int]) -> None:
    if not can_open_round(person, round.organisation_id):
        raise AgendaError(_("Only steering group members of the organisation record the order."))
    if not round.is_closed_at(timezone.now()):
        raise AgendaError(_("The order is agreed once the round has closed."))
    shortlist = set(round.shortlist.values_list("pk", flat=True))
    if set(places) != shortlist:
        raise AgendaError(_("Give every question on the shortlist a place."))
    if sorted(places.values()) != list(range(1, len(shortlist) + 1)):
        raise AgendaError(_("Give each question a different place."))


@transaction.atomic
def workshop_agree(
    *, person: Any, round: Round, places: Mapping[int, int], reasons: Mapping[int, str]
) -> list[AgreedPlace]:
    """Record the agreed order (question id → place, 1 first) with a reason for every question
    that moved from its ballot place. The first ten become the organisation's top ten: they are
    prioritised and numbered; questions that fall out of it go back to the shortlist. Recording
    again replaces the order. Followers are told of each change."""
    _check(person, round, places)
    from_ballots = ballot_places(round)
    reasons = {pk: text.strip() for pk, text in reasons.items()}
    moved = [pk for pk, place in places.items() if has_moved(place, from_ballots.get(pk))]
    if any(not reasons.get(pk) for pk in moved):
        raise AgendaError(_("Say why each question that moved from its ballot place moved."))
    questions = {q.pk: q for q in round.shortlist.select_for_update()}
    round.agreed_places.all().delete()
    agreed = AgreedPlace.objects.bulk_create(
        AgreedPlace(
            round=round,
            question_id=pk,
            place=place,
            ballot_place=from_ballots[pk][0] if pk in from_ballots else None,
            reason=reasons.get(pk, "") if pk in moved else "",
            recorded_by=person,
        )
        for pk, place in sorted(places.items(), key=lambda item: item[1])
    )
    # A new top ten replaces the organisation's last one: earlier questions keep their state.
    Question.objects.filter(organisation=round.organisation_id, agenda_place__isnull=False).exclude(
        pk__in=questions
    ).update(agenda_place=None)
    for pk, place in places.items():
        _place(person, questions[pk], place, reasons.get(pk, "") if pk in moved else "")
    return agreed


def _place(person: Any, question: Question, place: int, reason: str) -> None:
    in_top = place <= TOP
    new_place = place if in_top else None
    if question.state not in PLACEABLE or question.merged_into_id is not None:
        return
    state = State.PRIORITISED if in_top else State.SHORTLISTED
    if question.agenda_place == new_place and question.state == state:
        return
    question.agenda_place = new_place
    before = question_set_state(person=person, question=question, state=state)
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.PLACED,
        reason=reason,
        before=before,
        after=str(new_place or ""),
    )
    if in_top:
        notices_send(question=question, kind="placed", params={"place": place}, actor=person)
    elif before != state:
        notices_send(
            question=question, kind="moved", params={"before": before, "after": state}, actor=person
        )
