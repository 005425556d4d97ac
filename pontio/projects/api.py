"""The projects API: the projects a person may see, with the list's filters, and one project.
The same rules as the pages: governance is given only to the project team and the owner's
brokers, the budget only to its steering group members and brokers (null for everyone else)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pontio.core.paging import ApiPage
from pontio.core.permissions import person_of

from . import selectors
from .models import Project, ProjectMember
from .permissions import can_see_budget, can_see_governance

router = Router(tags=["projects"])
PAGE = 25


class GovernanceOut(Schema):
    ethics_body: str
    ethics_reference: str
    ethics_state: str
    data_access_agreed: bool


class MemberOut(Schema):
    name: str
    part: str


class ProjectOut(Schema):
    id: int
    organisation: str
    title_en: str
    title_cy: str
    summary_en: str
    summary_cy: str
    kind: str
    status: str
    stopped_reason: str
    starts_on: date | None
    ends_on: date | None
    topics: list[str]
    priorities: list[str]
    questions: list[int]
    teams: list[str]
    partners: list[str]
    members: list[MemberOut]
    funding: str
    decision: int | None
    scope: str
    deadline: date | None
    budget: Decimal | None
    governance: GovernanceOut | None
    records: list[int]
    briefs: list[int]
    events: list[int]
    outputs_accepted_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ProjectPage(Schema):
    count: int
    page: int
    results: list[ProjectOut]


class ProjectFilters(Schema):
    mine: str = ""
    partner: int | None = None
    topic: int | None = None
    status: str = ""
    sort: str = "newest"
    page: ApiPage = 1


def _with_links(person: Any, projects: Any) -> Any:
    """Everything project_out reads, fetched once for a page of projects (not per project)."""
    from pontio.agenda.models import Question
    from pontio.briefs.models import Brief
    from pontio.events.models import Event
    from pontio.library.models import Record

    return projects.select_related("organisation").prefetch_related(
        "topics",
        "priorities",
        "teams",
        "partners",
        Prefetch("members", queryset=ProjectMember.objects.select_related("person")),
        Prefetch(
            "questions", queryset=Question.objects.visible_to(person), to_attr="seen_questions"
        ),
        Prefetch("records", queryset=Record.objects.visible_to(person), to_attr="seen_records"),
        Prefetch("briefs", queryset=Brief.objects.visible_to(person), to_attr="seen_briefs"),
        Prefetch("events", queryset=Event.objects.visible_to(person), to_attr="seen_events"),
    )


def _ids(project: Project, name: str, person: Any) -> list[int]:
    """The linked items the person may see: prefetched for lists, queried for one project."""
    seen = vars(project).get(f"seen_{name}")
    if seen is None:
        seen = getattr(project, name).visible_to(person)
    return sorted(item.pk for item in seen)


def project_out(person: Any, project: Project) -> dict[str, Any]:
    """What the person may know of the project."""
    governance = None
    if can_see_governance(person, project):
        governance = {
            "ethics_body": project.ethics_body,
            "ethics_reference": project.ethics_reference,
            "ethics_state": project.ethics_state,
            "data_access_agreed": project.data_access_agreed,
        }
    return {
        "id": project.pk,
        "organisation": project.organisation.name_en,
        "title_en": project.title_en,
        "title_cy": project.title_cy,
        "summary_en": project.summary_en,
        "summary_cy": project.summary_cy,
        "kind": project.kind,
        "status": project.status,
        "stopped_reason": project.stopped_reason,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "topics": [t.slug for t in project.topics.all()],
        "priorities": [p.name_en for p in project.priorities.all()],
        "questions": _ids(project, "questions", person),
        "teams": [t.name_en for t in project.teams.all()],
        "partners": [o.name_en for o in project.partners.all()],
        "members": [{"name": m.person.name, "part": m.part} for m in project.members.all()],
        "funding": project.funding,
        "decision": project.decision_id,
        "scope": project.scope,
        "deadline": project.deadline,
        "budget": project.budget if can_see_budget(person, project) else None,
        "governance": governance,
        "records": _ids(project, "records", person),
        "briefs": _ids(project, "briefs", person),
        "events": _ids(project, "events", person),
        "outputs_accepted_at": project.outputs_accepted_at,
        "created_at": project.created_at,
        "updated_at": project.updated_at,
    }


@router.get("", response=ProjectPage)
def projects_list(request: HttpRequest, filters: Query[ProjectFilters]) -> dict[str, Any]:
    person = person_of(request)
    chosen = selectors.filters_from(filters.dict())
    projects = selectors.projects_for(person, chosen)
    page = filters.page
    found = _with_links(person, projects)[(page - 1) * PAGE : page * PAGE]
    return {
        "count": projects.count(),
        "page": page,
        "results": [project_out(person, p) for p in found],
    }


@router.get("/{int:project_id}", response=ProjectOut)
def project_read(request: HttpRequest, project_id: int) -> dict[str, Any]:
    person = person_of(request)
    project = (
        Project.objects.visible_to(person)
        .select_related("organisation")
        .filter(pk=project_id)
        .first()
    )
    if project is None:
        raise HttpError(404, "No project with this id, or you may not see it.")
    return project_out(person, project)
