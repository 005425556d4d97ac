"""Membership questions every app asks, in one place: is this person in that organisation, and
in it with one of these roles; and which organisation their own additions belong to."""

from typing import Any


def is_member(person: Any, organisation_id: int | None) -> bool:
    return organisation_id in person.organisation_ids


def has_role_in(person: Any, organisation_id: int | None, *roles: str) -> bool:
    """One of `roles`, held by a member of the organisation (roles are not per organisation)."""
    return bool(person.has_role(*roles)) and is_member(person, organisation_id)


def is_broker_of(person: Any, organisation_id: int | None) -> bool:
    from pontio.accounts.models import Role

    return has_role_in(person, organisation_id, Role.BROKER)


def home_organisation(person: Any) -> Any:
    """The organisation a person's additions belong to: their first membership's."""
    membership = person.memberships.select_related("organisation").first()
    return membership.organisation if membership else None
