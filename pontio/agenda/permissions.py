"""Who may raise, see, support, edit and triage questions, in one place."""

from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import has_role_in, home_organisation, is_member

from .models import Question, State, SupporterGroup

TRIAGERS = (Role.BROKER,)
MANAGERS = (Role.LEADER, Role.STEERING)


def raising_organisations(person: Any) -> list[Any]:
    """The organisations on whose agenda a person may raise questions: their own (in the order
    of their memberships), then those that let partners ask."""
    from pontio.organisations.models import Organisation

    own = [m.organisation for m in person.memberships.select_related("organisation")]
    own = list({o.pk: o for o in own}.values())
    partners = Organisation.objects.active().filter(partners_may_ask=True)
    return own + list(partners.exclude(pk__in=[o.pk for o in own]))


def raising_organisation(person: Any) -> Any:
    """The organisation whose agenda a person meets first: their first membership's."""
    return home_organisation(person)


def may_raise_in(person: Any, organisation: Any) -> bool:
    """Members raise questions on their organisation's agenda; partners too where the
    organisation lets them."""
    if is_member(person, organisation.pk):
        return True
    return bool(organisation.is_active and organisation.partners_may_ask)


def can_triage(person: Any, question: Question) -> bool:
    """Knowledge brokers triage the questions of organisations they belong to."""
    return has_role_in(person, question.organisation_id, *TRIAGERS)


def can_triage_anything(person: Any) -> bool:
    return bool(person.has_role(*TRIAGERS)) and person.memberships.exists()


def can_edit(person: Any, question: Question) -> bool:
    """Authors may change their question until it has been triaged (to clarify it, say)."""
    return (
        question.author_id == person.pk
        and question.state == State.SUBMITTED
        and question.merged_into_id is None
    )


def supporter_group(person: Any, question: Question) -> str:
    """The group a supporter's support is counted in, kept apart as the James Lind Alliance
    method asks (see person_group)."""
    return person_group(person, question.organisation_id)


def person_group(person: Any, organisation_id: int) -> str:
    """The group a person counts in for an organisation:

    - partners: people from outside the organisation, and academics;
    - people with lived experience: members of one of its teams marked as taking part for
      their lived experience (how an organisation records it);
    - managers and leaders: senior leaders and steering group members;
    - practitioners: everyone else in the organisation (social workers, champions, brokers,
      embedded researchers)."""
    if person.has_role(Role.ACADEMIC) or not is_member(person, organisation_id):
        return SupporterGroup.PARTNER
    lived = person.memberships.filter(organisation=organisation_id, team__lived_experience=True)
    if lived.exists():
        return SupporterGroup.LIVED_EXPERIENCE
    if person.has_role(*MANAGERS):
        return SupporterGroup.MANAGER
    return SupporterGroup.PRACTITIONER


def can_open_round(person: Any, organisation_id: int) -> bool:
    """Steering group members open prioritisation rounds for organisations they belong to."""
    return has_role_in(person, organisation_id, Role.STEERING)


def in_electorate(person: Any, round: Any) -> bool:
    """A person votes in a round if they count in one of its groups and either belong to its
    organisation (and, when the round names teams, to one of them) or belong to one of the
    partner organisations it asks (who count as partners)."""
    if person_group(person, round.organisation_id) not in round.groups:
        return False
    if is_member(person, round.organisation_id):
        teams = list(round.teams.values_list("pk", flat=True))
        return not teams or bool(person.memberships.filter(team__in=teams).exists())
    partners = round.partners.values("pk")
    return bool(person.memberships.filter(organisation__in=partners).exists())


def can_see_meetings(person: Any, organisation_id: int) -> bool:
    """Steering group members, senior leaders and knowledge brokers of the organisation see its
    steering meetings, their decisions and actions."""
    return has_role_in(person, organisation_id, Role.STEERING, Role.LEADER, *TRIAGERS)


def can_run_meetings(person: Any, organisation_id: int) -> bool:
    """Steering group members plan meetings and record what was decided."""
    return can_open_round(person, organisation_id)


def agenda_shared_with(user: Any, organisation: Any) -> bool:
    """Members always see their organisation's agenda; others as the organisation chose. An
    organisation that is no longer active shares with nobody but its members."""
    from pontio.organisations.models import AgendaSharing

    if user.is_authenticated and is_member(user, organisation.pk):
        return True
    if not organisation.is_active:
        return False
    if organisation.agenda_sharing == AgendaSharing.PUBLIC:
        return True
    return bool(user.is_authenticated) and organisation.agenda_sharing == AgendaSharing.SIGNED_IN
