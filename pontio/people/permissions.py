"""Who sees and changes profiles and requests for experts, in one place."""

from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import is_broker_of

from .models import ExpertRequest, Profile, ProfileState


def is_broker(person: Any) -> bool:
    return bool(person.has_role(Role.BROKER))


def can_see_profile(person: Any, profile: Profile) -> bool:
    """Published profiles as their owner chose; drafts only to their owner, and unclaimed
    drafts (from an institution import) to knowledge brokers."""
    if profile.person_id == person.pk:
        return True
    if profile.person_id is None and profile.state == ProfileState.DRAFT:
        return is_broker(person)
    return bool(Profile.objects.visible_to(person).filter(pk=profile.pk).exists())


def can_ask_for_expert(person: Any) -> bool:
    """Anyone in an organisation asks for a conversation with an expert."""
    return bool(person.memberships.exists())


def can_see_request(person: Any, request: ExpertRequest) -> bool:
    """The person who asked, the expert once approached, and the organisation's brokers."""
    if request.requested_by_id == person.pk or is_broker_of(person, request.organisation_id):
        return True
    expert = request.expert
    return bool(expert and expert.person_id == person.pk and request.state != "new")
