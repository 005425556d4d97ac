"""Writes to briefs: creating and saving them (refusing a save made over someone else's),
the review workflow, new versions, comments, citations, reads and feedback."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.agenda.triage import questions_answered_by
from pontio.core.history import save_as
from pontio.core.markdown import clean_text
from pontio.library.citing import record_apa

from .checks import publishing_problems
from .indexing import index_briefs
from .models import (
    TEXT_FIELDS,
    Brief,
    Citation,
    Comment,
    Feedback,
    Read,
    Revision,
    State,
)
from .permissions import can_edit, can_publish, can_review, is_author


class BriefError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


class EditConflict(BriefError):
    """Someone else saved the brief since this person opened it."""


TEXT_NAMES = [f"{field}_{language}" for field in TEXT_FIELDS for language in ("en", "cy")]


def _texts(brief: Brief) -> dict[str, str]:
    return {name: str(getattr(brief, name)) for name in TEXT_NAMES}


def _keep_revision(person: Any, brief: Brief) -> None:
    Revision.objects.create(brief=brief, number=brief.revision, author=person, texts=_texts(brief))


@transaction.atomic
def brief_create(
    *, person: Any, organisation: Any, title_en: str = "", title_cy: str = ""
) -> Brief:
    if not title_en.strip() and not title_cy.strip():
        raise BriefError(_("Give the brief a title in English or Welsh."))
    brief = Brief(
        organisation=organisation,
        title_en=title_en.strip(),
        title_cy=title_cy.strip(),
        created_by=person,
        revision=1,
    )
    save_as(person, brief)
    brief.authors.add(person)
    _keep_revision(person, brief)
    return brief


@transaction.atomic
def brief_save(
    *,
    person: Any,
    brief: Brief,
    revision: int,
    texts: Mapping[str, str],
    fields: Mapping[str, Any] | None = None,
    topics: Iterable[Any] | None = None,
    priorities: Iterable[Any] | None = None,
    answers: Iterable[Any] | None = None,
) -> Brief:
    """Save what the person wrote. `revision` is the brief's revision they started from: if
    someone saved since, nothing is saved and EditConflict says so (their text stays in their
    form for them to merge)."""
    locked = Brief.objects.select_for_update().get(pk=brief.pk)
    if not can_edit(person, locked):
        raise BriefError(_("This brief cannot be changed now."))
    if locked.revision != revision:
        raise EditConflict(
            _(
                "Someone else changed this brief since you opened it. Your text is below: copy "
                "what you need, then open the brief again to see their changes."
            )
        )
    fields = dict(fields or {})
    before = (_texts(locked), {name: getattr(locked, name) for name in fields})
    for name in TEXT_NAMES:
        if name in texts:
            setattr(locked, name, clean_text(str(texts[name])))
    for name, value in fields.items():
        setattr(locked, name, value)
    after = (_texts(locked), {name: getattr(locked, name) for name in fields})
    if before == after and topics is None and priorities is None and answers is None:
        return locked  # an autosave with nothing new
    locked.revision = F("revision") + 1
    save_as(person, locked)
    locked.refresh_from_db()
    if topics is not None:
        locked.topics.set(list(topics))
    if priorities is not None:
        locked.priorities.set(list(priorities))
    if answers is not None:
        locked.answers.set(list(answers))
    _keep_revision(person, locked)
    return locked


def _move(person: Any, brief: Brief, state: str) -> Brief:
    brief.state = state
    if state == State.PUBLISHED:
        brief.published_at = timezone.now()
    save_as(person, brief)
    return brief


@transaction.atomic
def review_request(*, person: Any, brief: Brief, reviewer: Any) -> Brief:
    """Send a draft to a reviewer: another broker or an academic, not one of its authors."""
    if not can_edit(person, brief):
        raise BriefError(_("Only its authors send a draft for review."))
    if reviewer is None or reviewer.pk == person.pk or is_author(reviewer, brief):
        raise BriefError(_("Choose a reviewer who is not one of the authors."))
    brief.reviewer = reviewer
    return _move(person, brief, State.IN_REVIEW)


@transaction.atomic
def review_decide(*, person: Any, brief: Brief, approve: bool, note: str = "") -> Brief:
    """The reviewer approves the brief or asks for changes (a note says which)."""
    if brief.state != State.IN_REVIEW or not can_review(person, brief):
        raise BriefError(_("Only the reviewer decides on a brief in review."))
    if not approve and not note.strip():
        raise BriefError(_("Say what should change."))
    if note.strip():
        Comment.objects.create(brief=brief, author=person, text=note.strip())
    return _move(person, brief, State.APPROVED if approve else State.CHANGES)


@transaction.atomic
def brief_publish(*, person: Any, brief: Brief) -> Brief:
    """Publish an approved brief, if nothing blocks it. Publishing a new version supersedes
    the one before; readers of the old one are shown the new."""
    if not can_publish(person, brief):
        raise BriefError(_("Only knowledge brokers of the organisation publish briefs."))
    if brief.state != State.APPROVED:
        raise BriefError(_("A brief is published once its reviewer has approved it."))
    problems = publishing_problems(brief)
    if problems:
        raise BriefError(_("This brief cannot be published yet: ") + " ".join(problems))
    _move(person, brief, State.PUBLISHED)
    if brief.supersedes_id is not None:
        older = Brief.objects.get(pk=brief.supersedes_id)
        _move(person, older, State.SUPERSEDED)
        index_briefs([older])
    index_briefs([brief])
    questions_answered_by(
        person=person,
        questions=brief.answers.all(),
        title=brief.title_en or brief.title_cy,
        notice="answered_brief",
    )
    return brief


@transaction.atomic
def brief_withdraw(*, person: Any, brief: Brief, reason: str) -> Brief:
    if not can_publish(person, brief) or brief.state != State.PUBLISHED:
        raise BriefError(_("Only knowledge brokers withdraw a published brief."))
    if not reason.strip():
        raise BriefError(_("Say why the brief is withdrawn."))
    Comment.objects.create(brief=brief, author=person, text=reason.strip())
    _move(person, brief, State.WITHDRAWN)
    index_briefs([brief])
    return brief


@transaction.atomic
def brief_new_version(*, person: Any, brief: Brief) -> Brief:
    """Start the next version of a published brief as a draft with the same text, citations
    and tags; the published one stays readable until the new one is published."""
    if not can_publish(person, brief) or brief.state != State.PUBLISHED:
        raise BriefError(_("New versions are started from a published brief by a broker."))
    if Brief.objects.filter(supersedes=brief).exists():
        raise BriefError(_("A new version of this brief has already been started."))
    texts = _texts(brief)
    new = Brief(
        organisation=brief.organisation,
        strength=brief.strength,
        study_kinds=brief.study_kinds,
        audience=brief.audience,
        format=brief.format,
        visibility=brief.visibility,
        version=brief.version + 1,
        supersedes=brief,
        created_by=person,
        revision=1,
        **texts,
    )
    try:
        with transaction.atomic():
            save_as(person, new)
    except IntegrityError:  # started twice at once: the other request made it
        raise BriefError(_("A new version of this brief has already been started.")) from None
    new.authors.set([*brief.authors.all(), person])
    new.topics.set(brief.topics.all())
    new.priorities.set(brief.priorities.all())
    new.answers.set(brief.answers.all())
    Citation.objects.bulk_create(
        Citation(brief=new, record_id=c.record_id, position=c.position, reference=c.reference)
        for c in brief.citations.all()
    )
    _keep_revision(person, new)
    return new


def citation_add(*, person: Any, brief: Brief, record: Any) -> Citation:
    """Add a library record to the brief's references (once), at the end of the list."""
    if not can_edit(person, brief):
        raise BriefError(_("This brief cannot be changed now."))
    found = Citation.objects.filter(brief=brief, record=record).first()
    if found:
        return found
    last = brief.citations.aggregate(last=Max("position"))["last"] or 0
    try:
        with transaction.atomic():
            return Citation.objects.create(
                brief=brief, record=record, position=last + 1, reference=record_apa(record)
            )
    except IntegrityError:
        return Citation.objects.get(brief=brief, record=record)


def citation_remove(*, person: Any, citation: Citation) -> None:
    if not can_edit(person, citation.brief):
        raise BriefError(_("This brief cannot be changed now."))
    citation.delete()


def comment_add(*, person: Any, brief: Brief, text: str, parent: Comment | None = None) -> Comment:
    if not text.strip():
        raise BriefError(_("Write a comment first."))
    if parent is not None:
        parent = parent.parent or parent  # replies hang from the thread's first comment
    return Comment.objects.create(brief=brief, author=person, parent=parent, text=text.strip())


def comment_resolve(*, person: Any, comment: Comment, resolved: bool = True) -> Comment:
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = person if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


def read_mark(*, person: Any, brief: Brief) -> bool:
    """Note that the person read the brief (once); returns whether it is new."""
    membership = person.memberships.filter(organisation=brief.organisation_id).first()
    membership = membership or person.memberships.first()
    try:
        with transaction.atomic():
            Read.objects.create(
                brief=brief, person=person, team_id=membership.team_id if membership else None
            )
    except IntegrityError:
        return False
    Brief.objects.filter(pk=brief.pk).update(read_count=F("read_count") + 1)
    return True


def feedback_give(*, person: Any, brief: Brief, useful: bool, why: str = "") -> Feedback:
    feedback, _created = Feedback.objects.update_or_create(
        brief=brief, person=person, defaults={"useful": useful, "why": why.strip()[:2000]}
    )
    return feedback
