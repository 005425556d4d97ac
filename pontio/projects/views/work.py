"""The work of a project: its people, deliverables and progress updates; inviting an expert
and their answer; commissioning a project from a steering group decision; and the steering
group accepting its outputs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.accounts.models import Person
from pontio.core.forms import form_data
from pontio.core.permissions import person_of
from pontio.people.models import Profile, ProfileState
from pontio.projects import services
from pontio.projects.forms import (
    AnswerForm,
    DeliverableForm,
    InvitationForm,
    MemberForm,
    OutputFileForm,
    ProgressForm,
)
from pontio.projects.models import Deliverable, ExpertInvitation, InvitationState, ProjectMember
from pontio.projects.permissions import (
    can_accept_outputs,
    can_commission,
    can_edit,
    can_see,
    is_lead,
)

from .common import visible_project


def members(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk, change=True)
    # People of the organisation and its partners: not the whole platform's staff list.
    organisations = [project.organisation_id, *project.partners.values_list("pk", flat=True)]
    people = Person.objects.filter(
        is_active=True, memberships__organisation__in=organisations
    ).distinct()
    form = MemberForm(form_data(request), people=people)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_add(
                person=person_of(request),
                project=project,
                member=form.cleaned_data["person"],
                part=form.cleaned_data["part"],
            )
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("They are added to the project."))
            return redirect("projects:members", pk=project.pk)
    return render(
        request,
        "projects/members.html",
        {"form": form, "project": project, "members": project.members.select_related("person")},
    )


def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first; takes them off on the confirming POST."""
    member = get_object_or_404(ProjectMember.objects.select_related("person"), pk=pk)
    project = visible_project(request, member.project_id, change=True)
    error = ""
    if request.method == "POST":
        try:
            services.member_remove(person=person_of(request), member=member)
        except services.ProjectError as refused:
            error = str(refused)
        else:
            messages.success(request, _("They are no longer in the project."))
            return redirect("projects:members", pk=project.pk)
    return render(
        request,
        "projects/member_remove.html",
        {"member": member, "project": project, "error": error},
    )


def deliverable_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk, change=True)
    form = DeliverableForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        services.deliverable_add(person=person_of(request), project=project, **form.cleaned_data)
        messages.success(request, _("The deliverable is added."))
        return redirect("projects:project", pk=project.pk)
    return render(request, "projects/deliverable.html", {"form": form, "project": project})


@require_POST
def deliverable_mark(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = get_object_or_404(Deliverable, pk=pk)
    project = visible_project(request, deliverable.project_id, change=True)
    done = request.POST.get("done") == "1"
    services.deliverable_mark(person=person_of(request), deliverable=deliverable, done=done)
    done_message = _("The deliverable is marked done.")
    messages.success(request, done_message if done else _("The deliverable is marked not done."))
    return redirect("projects:project", pk=project.pk)


def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk)
    if not is_lead(person_of(request), project):
        raise PermissionDenied
    form = ProgressForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        services.progress_add(person=person_of(request), project=project, **form.cleaned_data)
        messages.success(request, _("Your update is added."))
        return redirect("projects:project", pk=project.pk)
    return render(request, "projects/progress.html", {"form": form, "project": project})


def invite(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk)
    person = person_of(request)
    if not can_commission(person, project.organisation_id):
        raise PermissionDenied
    profiles = Profile.objects.visible_to(person).filter(
        state=ProfileState.PUBLISHED, person__isnull=False
    )
    form = InvitationForm(form_data(request), profiles=profiles)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_send(person=person, project=project, **form.cleaned_data)
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The expert is invited."))
            return redirect("projects:project", pk=project.pk)
    return render(request, "projects/invite.html", {"form": form, "project": project})


def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """The invited expert's page: the project in brief, and accept or decline."""
    found = get_object_or_404(ExpertInvitation.objects.select_related("project", "profile"), pk=pk)
    person = person_of(request)
    if found.profile.person_id != person.pk:
        if can_see(person, found.project):
            raise PermissionDenied
        raise Http404
    form = AnswerForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_answer(
                person=person,
                invitation=found,
                accept=form.cleaned_data["answer"] == "accept",
                reply=form.cleaned_data["reply"],
            )
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            if found.state == InvitationState.ACCEPTED:
                messages.success(request, _("Thank you: you are now part of the project."))
                return redirect("projects:project", pk=found.project_id)
            messages.success(request, _("Thank you: your answer is sent."))
            return redirect("projects:list")
    return render(request, "projects/invitation.html", {"form": form, "invitation": found})


def accept_outputs(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first; accepts on the confirming POST."""
    project = visible_project(request, pk)
    person = person_of(request)
    if not can_accept_outputs(person, project):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        try:
            moved = services.outputs_accept(person=person, project=project)
        except services.ProjectError as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("The outputs are accepted; %(n)s agenda questions are now answered.")
                % {"n": moved},
            )
            return redirect("projects:project", pk=project.pk)
    return render(
        request,
        "projects/accept_outputs.html",
        {
            "project": project,
            "error": error,
            "questions": project.questions.visible_to(person),
            "records": project.records.visible_to(person),
            "briefs": project.briefs.visible_to(person),
        },
    )


def output_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a document the project produced; it goes into the library with the file."""
    project = visible_project(request, pk)
    person = person_of(request)
    if not can_edit(person, project):
        raise PermissionDenied
    form = OutputFileForm(
        form_data(request),
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.output_file_add(
                person=person,
                project=project,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except services.ProjectError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The document is in the library and listed as an output."))
            return redirect("projects:project", pk=project.pk)
    return render(request, "projects/output_file.html", {"project": project, "form": form})
