"""Who may see and change a project, in one place. Governance details are for the project team
and the owner organisation's brokers; the commissioning budget for its steering group members
and brokers."""

from typing import Any

from pontio.accounts.models import Role
from pontio.organisations.permissions import has_role_in, is_member

from .models import Part, Project, ProjectMember


def in_project(person: Any, project: Project) -> bool:
    # Through the project's members (a handful), so that a list that prefetched them asks
    # nothing more per project.
    return any(member.person_id == person.pk for member in project.members.all())


def is_lead(person: Any, project: Project) -> bool:
    return ProjectMember.objects.filter(project=project, person=person, part=Part.LEAD).exists()


def is_broker_of(person: Any, project: Project) -> bool:
    return has_role_in(person, project.organisation_id, Role.BROKER)


def is_steering_of(person: Any, project: Project) -> bool:
    return has_role_in(person, project.organisation_id, Role.STEERING)


def can_see(person: Any, project: Project) -> bool:
    """Members of the owner and partner organisations, and the people taking part."""
    return Project.objects.visible_to(person).filter(pk=project.pk).exists()


def can_create_in(person: Any, organisation: Any) -> bool:
    """Any member records a project in their organisation (they become its lead)."""
    return bool(person.is_active) and is_member(person, organisation.pk)


def can_edit(person: Any, project: Project) -> bool:
    """The project's lead and the owner organisation's brokers."""
    return is_lead(person, project) or is_broker_of(person, project)


def can_see_governance(person: Any, project: Project) -> bool:
    return in_project(person, project) or is_broker_of(person, project)


def can_see_budget(person: Any, project: Project) -> bool:
    return is_steering_of(person, project) or is_broker_of(person, project)


def can_commission(person: Any, organisation_id: int) -> bool:
    """Steering group members and brokers of the organisation commission work and invite
    experts to it."""
    return has_role_in(person, organisation_id, Role.STEERING, Role.BROKER)


def can_accept_outputs(person: Any, project: Project) -> bool:
    return is_steering_of(person, project)
