"""Who writes, reviews, publishes and reads briefs, in one place. Drafts are seen only by their
authors, their reviewer and the knowledge brokers of the brief's organisation."""

from functools import cached_property
from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import has_role_in, home_organisation
from pontio.organisations.permissions import is_broker_of as organisation_broker

from .models import EDITABLE, Brief

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


class Access:
    """What one person may do with one brief. Whether they wrote it and whether they are a
    broker of its organisation are each looked up once, when first needed: a page that asks
    several questions (its brief page asks them all) makes each query once."""

    def __init__(self, person: Any, brief: Brief) -> None:
        self.person = person
        self.brief = brief

    @cached_property
    def author(self) -> bool:
        return is_author(self.person, self.brief)

    @cached_property
    def broker(self) -> bool:
        return is_broker_of(self.person, self.brief)

    @property
    def reviewer(self) -> bool:
        return bool(self.brief.reviewer_id == self.person.pk)

    @property
    def sees_draft(self) -> bool:
        return self.reviewer or self.author or self.broker

    @property
    def edits(self) -> bool:
        """Authors (and the organisation's brokers) change a brief while it is a draft or has
        changes requested."""
        return self.brief.state in EDITABLE and (self.author or self.broker)

    @property
    def reviews(self) -> bool:
        return self.reviewer and not self.author

    @property
    def publishes(self) -> bool:
        """Knowledge brokers of the organisation publish, withdraw and start new versions."""
        return self.broker

    @property
    def sees_use(self) -> bool:
        """Leaders, the organisation's brokers and the authors see how a brief is used, in
        counts (reads by team, useful or not): never who read it."""
        leads = has_role_in(self.person, self.brief.organisation_id, Role.LEADER, Role.STEERING)
        return leads or self.sees_draft


def can_see_draft(person: Any, brief: Brief) -> bool:
    return Access(person, brief).sees_draft


def can_edit(person: Any, brief: Brief) -> bool:
    return Access(person, brief).edits


def can_review(person: Any, brief: Brief) -> bool:
    return Access(person, brief).reviews


def can_publish(person: Any, brief: Brief) -> bool:
    return Access(person, brief).publishes


def can_read(person: Any, brief: Brief) -> bool:
    """The brief's page, downloads, reads and feedback: the same briefs the API gives
    (BriefQuerySet.visible_to): published and superseded briefs for their readers and their
    people, and the other states (drafts) only for the authors, the reviewer and the
    organisation's brokers."""
    return bool(Brief.objects.visible_to(person).filter(pk=brief.pk).exists())


def sees_use(person: Any, brief: Brief) -> bool:
    return Access(person, brief).sees_use
