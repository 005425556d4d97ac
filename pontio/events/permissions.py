"""Who may see, organise and change an event, in one place. Who signed up is staff data: the
organiser and the organisation's brokers see names, everyone else sees how many."""

from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import has_role_in, is_broker_of

from .models import Event

ORGANISING_ROLES = (Role.BROKER, Role.CHAMPION, Role.EMBEDDED, Role.STEERING)


def can_see(person: Any, event: Event) -> bool:
    return Event.objects.visible_to(person).filter(pk=event.pk).exists()


def can_organise_in(person: Any, organisation: Any) -> bool:
    """Brokers, research champions, embedded researchers and steering members arrange events
    in their organisation; a project's lead arranges its events (see can_organise_for)."""
    return has_role_in(person, organisation.pk, *ORGANISING_ROLES)


def can_organise_for(person: Any, project: Any) -> bool:
    from pontio.projects.permissions import can_edit

    return bool(can_edit(person, project))


def can_change(person: Any, event: Event) -> bool:
    """The organiser and the organisation's brokers."""
    return event.organiser_id == person.pk or is_broker_of(person, event.organisation_id)


def gets_online_link(person: Any, event: Event, *, signed_up: bool) -> bool:
    """The link to join online is for the people coming and those who organise it."""
    return signed_up or can_change(person, event)
