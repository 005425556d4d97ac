"""Who may see and change a project, in one place. Governance details are for the project team
and the owner organisation's brokers; the commissioning budget for its steering group members
and brokers."""

from typing import Any

from pontio.accounts.models import Role

from .models import Part, Project, ProjectMember


def is_member_of(person: Any, organisation_id: int) -> bool:
    return bool(person.memberships.filter(organisation=organisation_id).exists())


def in_project(person: Any, project: Project) -> bool:
    return ProjectMember.objects.filter(project=project, person=person).exists()


def is_lead(person: Any, project: Project) -> bool:
    return ProjectMember.objects.filter(project=project, person=person, part=Part.LEAD).exists()


def is_broker_of(person: Any, project: Project) -> bool:
    return bool(person.has_role(Role.BROKER)) and is_member_of(person, project.organisation_id)


def is_steering_of(person: Any, project: Project) -> bool:
    return bool(person.has_role(Role.STEERING)) and is_member_of(person, project.organisation_id)


def can_see(person: Any, project: Project) -> bool:
    """Members of the owner and partner organisations, and the people taking part."""
    return Project.objects.visible_to(person).filter(pk=project.pk).exists()


def home_organisation(person: Any) -> Any:
    """The organisation a person records projects in: their first membership's."""
    membership = person.memberships.select_related("organisation").first()
    return membership.organisation if membership else None


def can_create_in(person: Any, organisation: Any) -> bool:
    """Any member records a project in their organisation (they become its lead)."""
    return bool(person.is_active) and is_member_of(person, organisation.pk)


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
    return bool(person.has_role(Role.STEERING, Role.BROKER)) and is_member_of(
        person, organisation_id
    )


def can_accept_outputs(person: Any, project: Project) -> bool:
    return is_steering_of(person, project)
