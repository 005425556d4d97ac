"""Writes to the agenda: raising and editing a question, supporting and following it, moving it
along its lifecycle, and the in-app notices that tell followers. Triage is in triage.py."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.core.history import save_as

from .indexing import index_questions
from .models import AGENDA_STATES, Action, Notice, Question, State, Support, TriageAction
from .permissions import may_raise_in, supporter_group

MIN_QUESTION_LENGTH = 15


class AgendaError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def _check_text(text: str) -> str:
    text = text.strip()
    if len(text) < MIN_QUESTION_LENGTH:
        raise AgendaError(
            _("A question must be %(min)s characters or more.") % {"min": MIN_QUESTION_LENGTH}
        )
    return text


def _already_submitted(person: Any, submission_key: str) -> Question | None:
    if not submission_key:
        return None
    return Question.objects.filter(author=person, submission_key=submission_key).first()


def question_raise(
    *,
    person: Any,
    organisation: Any,
    submission_key: str,
    text: str,
    why: str = "",
    language: str = "en",
    affects: Iterable[str] = (),
    topics: Iterable[Any] = (),
    team: Any = None,
    priority: Any = None,
) -> tuple[Question, bool]:
    """Put a question on the organisation's agenda; its author follows it. The same submission
    key from the same person gives back the question it made: (question, created)."""
    if not may_raise_in(person, organisation):
        raise AgendaError(_("You cannot raise questions on this organisation's agenda."))
    text = _check_text(text)
    if existing := _already_submitted(person, submission_key):
        return existing, False
    language = "cy" if language == "cy" else "en"
    question = Question(
        organisation=organisation,
        author=person,
        team=team,
        priority=priority,
        language=language,
        affects=list(affects),
        submission_key=submission_key[:64],
        **{f"text_{language}": text, f"why_{language}": why.strip()},
    )
    try:
        with transaction.atomic():
            save_as(person, question)
            question.topics.set(list(topics))
            question.followers.add(person)
            index_questions([question])
    except IntegrityError:
        # The same form sent twice at once: the other request made it.
        if existing := _already_submitted(person, submission_key):
            return existing, False
        raise
    return question, True


def _text_snapshot(question: Question) -> str:
    return "\n\n".join(t for t in (question.text_en, question.text_cy) if t)


@transaction.atomic
def question_edit(
    *,
    person: Any,
    question: Question,
    text: str,
    why: str = "",
    language: str = "en",
    affects: Iterable[str] = (),
    topics: Iterable[Any] = (),
    team: Any = None,
    priority: Any = None,
) -> Question:
    """The author changes their question (while it waits for triage), which answers a
    request to clarify it."""
    text = _check_text(text)
    before = _text_snapshot(question)
    language = "cy" if language == "cy" else "en"
    other = "en" if language == "cy" else "cy"
    setattr(question, f"text_{language}", text)
    setattr(question, f"why_{language}", why.strip())
    # A translation of the old words would no longer say the same: a broker translates again.
    setattr(question, f"text_{other}", "")
    setattr(question, f"why_{other}", "")
    question.language = language
    question.affects = list(affects)
    question.team = team
    question.priority = priority
    question.clarification_asked = False
    save_as(person, question)
    question.topics.set(list(topics))
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.EDITED,
        before=before,
        after=_text_snapshot(question),
    )
    index_questions([question])
    return question


def question_support(*, person: Any, question: Question, reason: str = "") -> tuple[Support, bool]:
    """Support a question (once per person; supporting again changes the reason) and follow it.
    Returns (support, created)."""
    if not question.is_open:
        raise AgendaError(_("This question is no longer open for support."))
    reason = reason.strip()[:2000]
    support = Support.objects.filter(question=question, person=person).first()
    if support is None:
        try:
            with transaction.atomic():
                support = Support.objects.create(
                    question=question,
                    person=person,
                    reason=reason,
                    group=supporter_group(person, question),
                )
        except IntegrityError:
            support = Support.objects.get(question=question, person=person)
        else:
            question.followers.add(person)
            return support, True
    if reason and reason != support.reason:
        support.reason = reason
        support.save(update_fields=["reason"])
    return support, False


def question_support_withdraw(*, person: Any, question: Question) -> bool:
    """Withdraw support; the person still follows the question until they stop."""
    deleted, _kinds = Support.objects.filter(question=question, person=person).delete()
    return deleted > 0


def question_follow(*, person: Any, question: Question, follow: bool) -> None:
    if follow:
        question.followers.add(person)
    else:
        question.followers.remove(person)


def notices_send(
    *,
    question: Question,
    kind: str,
    params: dict[str, Any] | None = None,
    actor: Any = None,
    people: Iterable[Any] | None = None,
) -> int:
    """Tell people (the question's followers unless named) what happened to it, in-app. The
    person who did it is not told. Returns how many notices were made."""
    if people is None:
        people = question.followers.filter(is_active=True)
    actor_id = getattr(actor, "pk", None)
    notices = [
        Notice(person=person, question=question, kind=kind, params=params or {})
        for person in people
        if person is not None and person.pk != actor_id
    ]
    Notice.objects.bulk_create(notices)
    return len(notices)


def notices_mark_read(*, person: Any, notices: Iterable[Notice]) -> None:
    ids = [n.pk for n in notices if n.read_at is None and n.person_id == person.pk]
    if ids:
        Notice.objects.filter(pk__in=ids).update(read_at=timezone.now())


def question_set_state(
    *,
    person: Any,
    question: Question,
    state: str,
    closed_reason: str = "",
    closed_note: str = "",
) -> str:
    """Change the state and keep the closing reason in step; returns the state before. Callers
    log the action and tell the followers in their own words."""
    before = question.state
    question.state = state
    question.closed_reason = closed_reason if state == State.CLOSED else ""
    question.closed_note = closed_note if state == State.CLOSED else ""
    if state != State.SUBMITTED:
        question.clarification_asked = False
    if state not in AGENDA_STATES:  # off the agenda: its number there goes too
        question.agenda_place = None
    save_as(person, question)
    return before


@transaction.atomic
def question_move(*, person: Any, question: Question, state: str, reason: str = "") -> None:
    """Move a question to another step of its lifecycle; followers are told."""
    if question.merged_into_id is not None:
        raise AgendaError(_("This question was merged into another and cannot move."))
    if state not in State.values or state == question.state:
        raise AgendaError(_("Choose a different state."))
    before = question_set_state(person=person, question=question, state=state)
    TriageAction.objects.create(
        question=question,
        actor=person,
        action=Action.MOVED,
        reason=reason.strip(),
        before=before,
        after=state,
    )
    notices_send(
        question=question, kind="moved", params={"before": before, "after": state}, actor=person
    )
