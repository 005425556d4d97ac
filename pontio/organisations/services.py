"""Writes about organisations, teams and membership. simple-history records who changed what."""

from typing import Any

from pontio.core.history import delete_as, save_as

from .models import Membership, Organisation, Team


def organisation_save(*, actor: Any, organisation: Organisation) -> Organisation:
    save_as(actor, organisation)
    return organisation


def team_save(*, actor: Any, team: Team) -> Team:
    save_as(actor, team)
    return team


def membership_add(
    *, actor: Any, person: Any, organisation: Organisation, team: Team | None
) -> Membership:
    found = Membership.objects.filter(person=person, organisation=organisation, team=team).first()
    if found:
        return found
    membership = Membership(person=person, organisation=organisation, team=team)
    save_as(actor, membership)
    _forget_organisations(person)
    return membership


def membership_remove(*, actor: Any, membership: Membership) -> None:
    delete_as(actor, membership)
    _forget_organisations(membership.person)


def _forget_organisations(person: Any) -> None:
    """The person's organisations are read once per request (Person.organisation_ids)."""
    vars(person).pop("_organisation_ids", None)
