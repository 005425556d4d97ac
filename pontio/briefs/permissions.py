"""Who writes, reviews, publishes and reads briefs, in one place. Drafts are seen only by their
authors, their reviewer and the knowledge brokers of the brief's organisation."""

from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import has_role_in, home_organisation
from pontio.organisations.permissions import is_broker_of as organisation_broker

from .models import EDITABLE, READABLE, Brief

WRITERS = (Role.BROKER, Role.CHAMPION, Role.ACADEMIC, Role.EMBEDDED)


def draft_organisations(person: Any) -> Any:
    """The organisations whose drafts the person sees as a knowledge broker."""
    if not person.has_role(Role.BROKER):
        return person.memberships.none().values("organisation")
    return person.memberships.values("organisation")


def writing_organisation(person: Any) -> Any:
    """Where a person's new briefs belong: their first organisation, if they write briefs."""
    if not person.has_role(*WRITERS):
        return None
    return home_organisation(person)


def is_author(person: Any, brief: Brief) -> bool:
    return bool(brief.authors.filter(pk=person.pk).exists())


def is_broker_of(person: Any, brief: Brief) -> bool:
    return organisation_broker(person, brief.organisation_id)


def can_see_draft(person: Any, brief: Brief) -> bool:
    return brief.reviewer_id == person.pk or is_author(person, brief) or is_broker_of(person, brief)


def can_edit(person: Any, brief: Brief) -> bool:
    """Authors (and the organisation's brokers) change a brief while it is a draft or has
    changes requested."""
    return brief.state in EDITABLE and (is_author(person, brief) or is_broker_of(person, brief))


def can_review(person: Any, brief: Brief) -> bool:
    return brief.reviewer_id == person.pk and not is_author(person, brief)


def can_publish(person: Any, brief: Brief) -> bool:
    """Knowledge brokers of the organisation publish, withdraw and start new versions."""
    return is_broker_of(person, brief)


def can_read(person: Any, brief: Brief) -> bool:
    if brief.state in READABLE:
        return bool(Brief.objects.readable_by(person).filter(pk=brief.pk).exists())
    return can_see_draft(person, brief)


def sees_use(person: Any, brief: Brief) -> bool:
    """Leaders, the organisation's brokers and the authors see how a brief is used, in counts
    (reads by team, useful or not): never who read it."""
    return has_role_in(person, brief.organisation_id, Role.LEADER, Role.STEERING) or (
        can_see_draft(person, brief)
    )
