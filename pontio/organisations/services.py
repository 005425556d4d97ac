"""Writes about organisations, teams and membership. simple-history records who changed what."""

from typing import Any

from django.db import models

from .models import Membership, Organisation, Team


def _save_as(actor: Any, obj: models.Model) -> None:
    obj._history_user = actor  # type: ignore[attr-defined]
    obj.save()


def organisation_save(*, actor: Any, organisation: Organisation) -> Organisation:
    _save_as(actor, organisation)
    return organisation


def team_save(*, actor: Any, team: Team) -> Team:
    _save_as(actor, team)
    return team


def membership_add(*, actor: Any, person: Any, organisation: Organisation,
                   team: Team | None) -> Membership:
    found = Membership.objects.filter(person=person, organisation=organisation, team=team).first()
    if found:
        return found
    membership = Membership(person=person, organisation=organisation, team=team)
    _save_as(actor, membership)
    return membership


def membership_remove(*, actor: Any, membership: Membership) -> None:
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.delete()

