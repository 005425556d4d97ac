"""Unclaimed draft profiles, for knowledge brokers: importing a partner university's authors
as drafts, and handing a draft to the person it describes (who then publishes it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pontio.accounts.models import Person
from pontio.core.forms import form_data
from pontio.core.paging import paginate
from pontio.core.permissions import person_of
from pontio.people import importing, services
from pontio.people.forms import AssignForm, InstitutionForm
from pontio.people.models import Profile, ProfileState


def _broker(request: HttpRequest) -> Person:
    person = person_of(request)
    if not services.can_manage_drafts(person):
        raise PermissionDenied
    return person


def draft_list(request: HttpRequest) -> HttpResponse:
    person = _broker(request)
    form = InstitutionForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            importing.institution_import_queue(
                person=person,
                organisation=data["organisation"],
                institution_id_or_ror=data["institution"],
                topics=data["topics"],
            )
        except services.PeopleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The import has started. Draft profiles appear here as it runs: refresh to see."),
            )
            return redirect("people:drafts")
    drafts = Profile.objects.filter(person=None, state=ProfileState.DRAFT).select_related(
        "organisation"
    )
    return render(request, "people/drafts.html", {"page": paginate(request, drafts), "form": form})


def draft_assign(request: HttpRequest, pk: int) -> HttpResponse:
    broker = _broker(request)
    profile = get_object_or_404(Profile, pk=pk, person=None)
    form = AssignForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if person is None:
            form.add_error(
                "email", _("Nobody with that email address uses Pontio yet: invite them first.")
            )
        else:
            try:
                services.profile_assign(broker=broker, profile=profile, person=person)
            except services.PeopleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("The profile is theirs now. It stays a draft until they publish it.")
                )
                return redirect("people:drafts")
    return render(request, "people/assign.html", {"profile": profile, "form": form})
