"""Reads about people: what My Pontio shows, and the administrators' list of people."""

from typing import Any

from django.db.models import Q, QuerySet

from pontio.organisations.models import Membership

from .models import Invitation, Person, Role


def person_overview(*, person: Person) -> dict[str, Any]:
    memberships = Membership.objects.filter(person=person).select_related("organisation", "team")
    organisations = list(dict.fromkeys(m.organisation for m in memberships))
    return {
        "person": person,
        "organisations": organisations,
        "teams": [m.team for m in memberships if m.team],
        "roles": [Role(r).label for r in sorted(person.roles)],
        "topics": list(person.topics.select_related("parent")),
    }


def people_list(*, query: str = "", role: str = "", status: str = "") -> QuerySet[Person]:
    people = Person.objects.prefetch_related(
        "role_assignments", "memberships__organisation", "memberships__team"
    )
    if query:
        people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
    if role:
        people = people.filter(role_assignments__role=role)
    if status == "active":
        people = people.filter(is_active=True)
    elif status == "inactive":
        people = people.filter(is_active=False)
    return people.distinct()


def invitations_pending() -> QuerySet[Invitation]:
    return Invitation.objects.pending().select_related("organisation", "team", "invited_by")
