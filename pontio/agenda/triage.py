"""Triage by knowledge brokers: move a new question on, rephrase it, ask its author to clarify,
mark it already answered by research in the library, close it as out of scope, or merge it
into a question that asks the same. Each is logged on the question and followers are told."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from pontio.core.history import save_as

from .indexing import index_questions
from .models import Action, ClosedReason, Question, State, Support, TriageAction
from .services import (
    MIN_QUESTION_LENGTH,
    AgendaError,
    notices_send,
    question_move,
    question_set_state,
)

# Brokers move questions between these; later steps belong to rounds and the steering group.
TRIAGE_STATES = (State.TRIAGED, State.SHORTLISTED)


def triage_moves(question: Question) -> list[str]:
    """The states a broker may move this question to. A question closed as out of scope can be
    opened again; one that was merged, prioritised or decided cannot."""
    if question.merged_into_id is not None:
        return []
    reopenable = question.state == State.CLOSED and question.closed_reason != ClosedReason.MERGED
    if question.state not in (State.SUBMITTED, State.TRIAGED, State.SHORTLISTED) and not (
        reopenable
    ):
        return []
    return [state for state in TRIAGE_STATES if state != question.state]


ENDED = (State.ANSWERED, State.CLOSED)


def triage_options(question: Question) -> dict[str, bool]:
    """Which triage actions apply to the question as it is now."""
    current = question.merged_into_id is None
    return {
        "move": bool(triage_moves(question)),
        "rephrase": current,
        "clarify": current and question.state == State.SUBMITTED,
        "answered": current and question.state not in ENDED,
        "out_of_scope": current and question.state not in ENDED,
        "merge": question.is_open,
    }


def question_triage_move(*, person: Any, question: Question, state: str, reason: str = "") -> None:
    if state not in triage_moves(question):
        raise AgendaError(_("This question cannot be moved there."))
    question_move(person=person, question=question, state=state, reason=reason)


def _require_current(question: Question) -> None:
    if question.merged_into_id is not None:
        raise AgendaError(_("This question was merged into another."))


def _check_version(text: str) -> str:
    text = text.strip()
    if text and len(text) < MIN_QUESTION_LENGTH:
        raise AgendaError(
            _("A question must be %(min)s characters or more.") % {"min": MIN_QUESTION_LENGTH}
        )
    return text


@transaction.atomic
def question_rephrase(
    *,
    person: Any,
    question: Question,
    text_en: str,
    text_cy: str,
    why_en: str,
    why_cy: str,
    reason: str,
) -> None:
    """Rewrite the question (or add its other language). The words before are kept in the log
    and the history, and the author is told what changed and why."""
    _require_current(question)
    text_en, text_cy = _check_version(text_en), _check_version(text_cy)
    if not (text_en or text_cy):
        raise AgendaError(_("Write the question in English, in Welsh or in both."))
    before = "\n\n".join(t for t in (question.text_en, question.text_cy) if t)
    question.text_en, question.text_cy = text_en, text_cy
    question.why_en, question.why_cy = why_en.strip(), why_cy.strip()
    save_as(person, question)
    after = "\n\n".join(t for t in (text_en, text_cy) if t)
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.REPHRASED,
        reason=reason.strip(),
        before=before,
        after=after,
    )
    index_questions([question])
    notices_send(
        question=question,
        kind="rephrased",
        params={"reason": reason.strip()},
        actor=person,
        people=[question.author],
    )


@transaction.atomic
def question_ask_clarification(*, person: Any, question: Question, reason: str) -> None:
    """Ask the author to say more; the question waits, still submitted, until they edit it."""
    _require_current(question)
    if question.state != State.SUBMITTED:
        raise AgendaError(_("Only a question waiting for triage can go back to its author."))
    question.clarification_asked = True
    save_as(person, question)
    TriageAction.objects.create(
        question=question, actor=person, action=Action.CLARIFY, reason=reason.strip()
    )
    notices_send(
        question=question,
        kind="clarify",
        params={"reason": reason.strip()},
        actor=person,
        people=[question.author],
    )


@transaction.atomic
def question_mark_answered(
    *, person: Any, question: Question, records: Iterable[Any], reason: str = ""
) -> None:
    """Research already in the library answers the question: it is answered, with those
    records, and followers are told."""
    _require_current(question)
    if question.state in ENDED:
        raise AgendaError(_("This question has already ended."))
    records = list(records)
    if not records:
        raise AgendaError(_("Choose the research that answers the question."))
    question.answered_by.add(*records)
    before = question_set_state(person=person, question=question, state=State.ANSWERED)
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.ANSWERED,
        reason=reason.strip(),
        before=before,
        after="\n".join(record.title for record in records),
    )
    notices_send(question=question, kind="answered", actor=person)


def questions_answered_by(
    *,
    person: Any,
    questions: Iterable[Question],
    title: str,
    notice: str,
    records: Iterable[Any] = (),
) -> int:
    """Work done elsewhere answers agenda questions (a published evidence brief, a project whose
    outputs the steering group accepted): those not merged or ended become answered, with its
    records if any, a line in their history naming it, and a notice to followers. Returns how
    many moved."""
    records = list(records)
    moved = 0
    for question in questions:
        if question.merged_into_id is not None or question.state in ENDED:
            continue
        if records:
            question.answered_by.add(*records)
        before = question_set_state(person=person, question=question, state=State.ANSWERED)
        TriageAction.objects.create(
            question=question, actor=person, action=Action.ANSWERED, before=before, after=title
        )
        notices_send(question=question, kind=notice, actor=person)
        moved += 1
    return moved


@transaction.atomic
def question_close_out_of_scope(*, person: Any, question: Question, reason: str) -> None:
    _require_current(question)
    reason = reason.strip()
    if not reason:
        raise AgendaError(_("Say why the question is out of scope."))
    if question.state in ENDED:
        raise AgendaError(_("This question has already ended."))
    before = question_set_state(
        person=person,
        question=question,
        state=State.CLOSED,
        closed_reason=ClosedReason.OUT_OF_SCOPE,
        closed_note=reason,
    )
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.OUT_OF_SCOPE,
        reason=reason,
        before=before,
        after=State.CLOSED,
    )
    notices_send(question=question, kind="out_of_scope", params={"reason": reason}, actor=person)


def merge_targets_valid(merged: Question, into: Question) -> bool:
    return (
        merged.pk != into.pk
        and merged.organisation_id == into.organisation_id
        and merged.merged_into_id is None
        and into.is_open
    )


@transaction.atomic
def questions_merge(*, person: Any, merged: Question, into: Question, reason: str = "") -> None:
    """Merge a duplicate into the question that stays. Its supporters and followers move across
    (one support each), questions once merged into it now point at the one that stays, and it
    is closed with a link to where it went."""
    if not merge_targets_valid(merged, into):
        raise AgendaError(_("These questions cannot be merged."))
    supported = set(Support.objects.filter(question=into).values_list("person", flat=True))
    for support in Support.objects.filter(question=merged):
        if support.person_id in supported:
            support.delete()
        else:
            support.question = into
            support.save(update_fields=["question"])
    followers = list(merged.followers.all())
    into.followers.add(*followers)
    for earlier in Question.objects.filter(merged_into=merged):
        earlier.merged_into = into
        save_as(person, earlier)
    merged.merged_into = into
    before = question_set_state(
        person=person,
        question=merged,
        state=State.CLOSED,
        closed_reason=ClosedReason.MERGED,
        closed_note=reason.strip(),
    )
    TriageAction.objects.create(
        question=merged,
        actor=person,
        action=Action.MERGED,
        reason=reason.strip(),
        before=before,
        after=State.CLOSED,
        other=into,
    )
    TriageAction.objects.create(
        question=into, actor=person, action=Action.MERGED_IN, reason=reason.strip(), other=merged
    )
    index_questions([merged, into])
    notices_send(
        question=into,
        kind="merged",
        actor=person,
        people=[f for f in followers if f.is_active],
    )
