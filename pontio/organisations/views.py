"""Administrators manage organisations and their teams, in English and Welsh."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pontio.core.paging import paginate
from pontio.core.permissions import administrator_required

from . import services
from .forms import OrganisationForm, TeamForm
from .models import Organisation, Team


@administrator_required
def organisations(request: HttpRequest) -> HttpResponse:
    found = Organisation.objects.annotate(
        team_count=Count("teams", distinct=True),
        member_count=Count("memberships__person", distinct=True),
    ).order_by("name_en")
    return render(request, "organisations/list.html", {"page": paginate(request, found)})


@administrator_required
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.organisation_save(actor=request.user, organisation=form.save(commit=False))
        messages.success(request, _("%(name)s saved.") % {"name": saved})
        return redirect("organisations:detail", pk=saved.pk)
    title = _("Edit organisation") if organisation else _("Add an organisation")
    back = reverse_detail(organisation) if organisation else reverse("organisations:list")
    return render(request, "core/form_page.html", {"form": form, "title": title, "back": back})


def reverse_detail(organisation: Organisation) -> str:
    return reverse("organisations:detail", args=[organisation.pk])


@administrator_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    teams = organisation.teams.annotate(member_count=Count("memberships"))
    return render(
        request, "organisations/detail.html", {"organisation": organisation, "teams": teams}
    )


@administrator_required
def team_edit(request: HttpRequest, pk: int, team_pk: int | None = None) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    team = get_object_or_404(Team, pk=team_pk, organisation=organisation) if team_pk else None
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        unsaved = form.save(commit=False)
        unsaved.organisation = organisation
        saved = services.team_save(actor=request.user, team=unsaved)
        messages.success(request, _("%(name)s saved.") % {"name": saved})
        return redirect("organisations:detail", pk=organisation.pk)
    title = (
        _("Edit team")
        if team
        else _("Add a team to %(organisation)s") % {"organisation": organisation}
    )
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back": reverse_detail(organisation)},
    )
