"""Writes of the steering group: meetings, their agenda items, decisions on questions and the
actions agreed. A decision moves its questions along their lifecycle and tells followers."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.core.history import delete_as, save_as
from pontio.organisations.permissions import is_member

from .models import (
    Action,
    AgendaItem,
    ClosedReason,
    Decision,
    FollowUp,
    ItemKind,
    Meeting,
    Outcome,
    Question,
    State,
    TriageAction,
)
from .permissions import can_run_meetings
from .services import AgendaError, notices_send, question_set_state

# A decision is taken on questions still on their way: not merged, answered or closed.
DECIDABLE = (State.TRIAGED, State.SHORTLISTED, State.PRIORITISED, State.COMMISSIONED)


def _check_runner(person: Any, organisation_id: int) -> None:
    if not can_run_meetings(person, organisation_id):
        raise AgendaError(_("Only steering group members of the organisation do this."))


def meeting_save(
    *,
    person: Any,
    organisation: Any,
    meeting: Meeting | None = None,
    title_en: str = "",
    title_cy: str = "",
    starts_at: datetime,
    place: str = "",
) -> Meeting:
    """Plan a meeting, or change one (title, time, place)."""
    _check_runner(person, organisation.pk)
    if not title_en.strip() and not title_cy.strip():
        raise AgendaError(_("Give the meeting a title."))
    meeting = meeting or Meeting(organisation=organisation, created_by=person)
    meeting.title_en, meeting.title_cy = title_en.strip(), title_cy.strip()
    meeting.starts_at, meeting.place = starts_at, place.strip()
    save_as(person, meeting)
    return meeting


def decidable_questions(organisation_id: int) -> Any:
    return Question.objects.current().filter(organisation=organisation_id, state__in=DECIDABLE)


@transaction.atomic
def item_add(
    *,
    person: Any,
    meeting: Meeting,
    kind: str,
    question: Question | None = None,
    title: str = "",
    note: str = "",
) -> AgendaItem:
    """Add an item at the end of the meeting's agenda."""
    _check_runner(person, meeting.organisation_id)
    if kind == ItemKind.QUESTION:
        if question is None or question.organisation_id != meeting.organisation_id:
            raise AgendaError(_("Choose a question of the meeting's organisation."))
        title = ""
    elif not title.strip():
        raise AgendaError(_("Say what the item is about."))
    else:
        question = None
    # Locking the meeting keeps two people adding at once from taking the same position.
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    last = meeting.items.aggregate(last=Max("position"))["last"] or 0
    return AgendaItem.objects.create(
        meeting=meeting,
        position=last + 1,
        kind=kind,
        question=question,
        title=title.strip(),
        note=note.strip(),
    )


def item_remove(*, person: Any, item: AgendaItem) -> None:
    _check_runner(person, item.meeting.organisation_id)
    delete_as(person, item)


@transaction.atomic
def decision_record(
    *,
    person: Any,
    meeting: Meeting,
    outcome: str,
    questions: Iterable[Question],
    commissions: str = "",
    reason: str = "",
) -> Decision:
    """Record a decision on questions: commissioning moves them to "commissioned" (the
    decision names what it commissions, for the projects register to take up), rejecting closes
    them with the reason, deferring leaves them where they are. Each question's history shows
    the decision and its followers are told."""
    _check_runner(person, meeting.organisation_id)
    commissions, reason = commissions.strip(), reason.strip()
    if outcome not in Outcome.values:
        raise AgendaError(_("Choose a decision."))
    if outcome == Outcome.COMMISSION and not commissions:
        raise AgendaError(_("Say what is commissioned."))
    if outcome != Outcome.COMMISSION and not reason:
        raise AgendaError(_("Give the reason for the decision."))
    ids = [q.pk for q in questions]
    locked = list(
        decidable_questions(meeting.organisation_id).filter(pk__in=ids).select_for_update()
    )
    if not ids or len(locked) != len(set(ids)):
        raise AgendaError(
            _("Choose questions of the organisation that are still open for a decision.")
        )
    decision = Decision.objects.create(
        meeting=meeting,
        outcome=outcome,
        commissions=commissions,
        reason=reason,
        decided_by=person,
    )
    decision.questions.set(locked)
    for question in locked:
        _apply(person, question, outcome, reason)
        TriageAction.objects.create(
            question=question,
            actor=person,
            action=Action.DECIDED,
            reason=commissions if outcome == Outcome.COMMISSION else reason,
            after=outcome,
        )
        notices_send(question=question, kind="decided", params={"outcome": outcome}, actor=person)
    if outcome == Outcome.COMMISSION:
        # The projects register takes it up: a stub named by what is commissioned.
        from pontio.projects.services import project_from_decision

        project_from_decision(decision=decision, person=person)
    return decision


def _apply(person: Any, question: Question, outcome: str, reason: str) -> None:
    if outcome == Outcome.COMMISSION:
        question_set_state(person=person, question=question, state=State.COMMISSIONED)
    elif outcome == Outcome.REJECT:
        question_set_state(
            person=person,
            question=question,
            state=State.CLOSED,
            closed_reason=ClosedReason.REJECTED,
            closed_note=reason,
        )


def follow_up_add(
    *, person: Any, meeting: Meeting, text: str, owner: Any, due_on: date
) -> FollowUp:
    _check_runner(person, meeting.organisation_id)
    if not text.strip():
        raise AgendaError(_("Enter the action."))
    if owner is None or not is_member(owner, meeting.organisation_id):
        raise AgendaError(_("Choose an owner from the meeting's organisation."))
    follow_up = FollowUp(meeting=meeting, text=text.strip(), owner=owner, due_on=due_on)
    save_as(person, follow_up)
    return follow_up


def follow_up_mark(*, person: Any, follow_up: FollowUp, done: bool) -> None:
    """Its owner or a steering member marks an action done, or not done after all."""
    if follow_up.owner_id != person.pk:
        _check_runner(person, follow_up.meeting.organisation_id)
    follow_up.done_at = timezone.now() if done else None
    save_as(person, follow_up)
