"""The register: the list with its filters, the timeline, a project's page, and recording,
changing and moving a project along its lifecycle."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.core.forms import form_data
from pontio.core.paging import paginate
from pontio.core.permissions import person_of
from pontio.events.models import State as EventState
from pontio.organisations.models import Organisation
from pontio.organisations.permissions import home_organisation
from pontio.projects import selectors, services
from pontio.projects.forms import ProjectForm, StatusForm
from pontio.projects.models import ExpertInvitation, InvitationState, Project, Status
from pontio.projects.permissions import (
    can_accept_outputs,
    can_commission,
    can_create_in,
    can_edit,
    can_see_budget,
    can_see_governance,
    is_lead,
)
from pontio.taxonomy.models import Topic

from .common import visible_project


def _filter_context(request: HttpRequest) -> dict[str, Any]:
    person = person_of(request)
    filters = selectors.filters_from(request.GET)
    visible = Project.objects.visible_to(person).values("pk")
    return {
        "filters": filters,
        "statuses": Status.choices,
        "topics": Topic.objects.filter(projects__in=visible).distinct(),
        "partners": Organisation.objects.filter(partner_projects__in=visible).distinct(),
        "has_team": person.memberships.filter(team__isnull=False).exists(),
        "can_create": home_organisation(person) is not None,
    }


def project_list(request: HttpRequest) -> HttpResponse:
    context = _filter_context(request)
    projects = selectors.projects_for(person_of(request), context["filters"])
    waiting = ExpertInvitation.objects.filter(
        profile__person=person_of(request), state=InvitationState.INVITED
    ).select_related("project")
    return render(
        request,
        "projects/list.html",
        {**context, "page": paginate(request, projects), "invitations": waiting},
    )


TIMELINE_LIMIT = 300


def timeline(request: HttpRequest) -> HttpResponse:
    context = _filter_context(request)
    projects = selectors.projects_for(person_of(request), context["filters"]).order_by(
        "starts_on", "pk"
    )
    # A timeline of more than this is unreadable: the filters narrow it (the page says so).
    shown = list(projects[: TIMELINE_LIMIT + 1])
    return render(
        request,
        "projects/timeline.html",
        {
            **context,
            "months": selectors.months_of(shown[:TIMELINE_LIMIT]),
            "cut": len(shown) > TIMELINE_LIMIT,
            "limit": TIMELINE_LIMIT,
        },
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk)
    person = person_of(request)
    editor = can_edit(person, project)
    invitations = (
        project.invitations.select_related("profile")
        if can_commission(person, project.organisation_id)
        else None
    )
    mine = project.invitations.filter(profile__person=person, state=InvitationState.INVITED)
    return render(
        request,
        "projects/project.html",
        {
            "project": project,
            "members": project.members.select_related("person"),
            "deliverables": project.deliverables.all(),
            "updates": project.updates.select_related("author")[:20],
            "questions": project.questions.visible_to(person),
            "records": project.records.visible_to(person),
            "briefs": project.briefs.visible_to(person),
            "held_events": project.events.visible_to(person).filter(state=EventState.HELD),
            "planned_events": project.events.visible_to(person).filter(state=EventState.PLANNED),
            "today": timezone.localdate(),
            "can_edit": editor,
            "is_lead": is_lead(person, project),
            "show_governance": can_see_governance(person, project),
            "show_budget": can_see_budget(person, project),
            "can_commission": can_commission(person, project.organisation_id),
            "can_accept": can_accept_outputs(person, project)
            and project.status == Status.COMPLETE
            and project.outputs_accepted_at is None,
            "invitations": invitations,
            "my_invitations": mine,
        },
    )


def project_new(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    organisation = home_organisation(person)
    if organisation is None or not can_create_in(person, organisation):
        raise PermissionDenied
    return _project_form(request, organisation, None)


def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk, change=True)
    return _project_form(request, project.organisation, project)


def _project_form(request: HttpRequest, organisation: Any, project: Project | None) -> HttpResponse:
    person = person_of(request)
    allowed = services.editable_fields(person, project)
    form = ProjectForm(
        form_data(request),
        instance=project,
        person=person,
        organisation=organisation,
        allowed=allowed,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.project_save(
                person=person,
                organisation=organisation,
                project=project,
                data=form.data_for_service(),
            )
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The project is saved."))
            return redirect("projects:project", pk=saved.pk)
    return render(
        request,
        "projects/project_form.html",
        {"form": form, "project": project, "organisation": organisation},
    )


def status(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk, change=True)
    form = StatusForm(form_data(request), initial={"status": project.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.status_change(
                person=person_of(request),
                project=project,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            if project.status == Status.COMPLETE:
                messages.success(
                    request,
                    _("The project is complete. You can now start a brief from its outputs."),
                )
            else:
                messages.success(request, _("The status is changed."))
            return redirect("projects:project", pk=project.pk)
    return render(
        request,
        "projects/status.html",
        {
            "form": form,
            "project": project,
            "needs_outputs": not project.has_outputs,
        },
    )
