"""The expert directory: finding experts, a profile's page, the person's own profile (edit,
publish, hide, delete, publications picked from the library or imported), and for knowledge
brokers the unclaimed draft profiles made by institution imports."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pontio.core.forms import form_data
from pontio.core.history import save_as
from pontio.core.paging import paginate
from pontio.core.permissions import person_of
from pontio.library.selectors import Filters, record_for, records_search, records_visible
from pontio.people import importing, services
from pontio.people.forms import FindForm, ImportForm, ProfileForm
from pontio.people.indexing import index_profiles
from pontio.people.models import Profile, ProfileState
from pontio.people.permissions import can_see_profile, is_broker
from pontio.people.views.claim import claim_context
from pontio.taxonomy.models import Topic


def directory(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = FindForm(request.GET or None)
    found = Profile.objects.visible_to(person).filter(state=ProfileState.PUBLISHED)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            words = data["q"].strip()
            found = found.filter(
                Q(name__icontains=words)
                | Q(interests_en__icontains=words)
                | Q(interests_cy__icontains=words)
                | Q(methods__icontains=words)
                | Q(topics__name_en__icontains=words)
                | Q(topics__name_cy__icontains=words)
            )
        if data["topic"]:
            found = found.filter(topics=data["topic"])
        if data["welsh"]:
            found = found.filter(welsh_speaker=True)
        if data["available"]:
            found = found.filter(availability__contains=[data["available"]])
    found = found.select_related("organisation").prefetch_related("topics").distinct()
    own = Profile.objects.filter(person=person).first()
    return render(
        request,
        "people/directory.html",
        {
            "form": form,
            "page": paginate(request, found),
            "own": own,
            "is_broker": is_broker(person),
            "topics": Topic.objects.filter(profiles__state=ProfileState.PUBLISHED).distinct(),
        },
    )


def _visible(request: HttpRequest, pk: int) -> Profile:
    profile = get_object_or_404(Profile.objects.select_related("organisation"), pk=pk)
    if not can_see_profile(person_of(request), profile):
        raise Http404
    return profile


def _own(request: HttpRequest, pk: int) -> Profile:
    profile = _visible(request, pk)
    if profile.person_id != person_of(request).pk:
        raise PermissionDenied
    return profile


def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    profile = _visible(request, pk)
    works = records_visible(person).filter(expert_profiles=profile).order_by("-year")
    is_owner = profile.person_id == person.pk
    return render(
        request,
        "people/profile.html",
        {
            "profile": profile,
            "works": works[:50],
            "is_owner": is_owner,
            "could_help": _could_help(person, profile) if is_owner else [],
            "may_ask": profile.state == ProfileState.PUBLISHED and not is_owner,
            **(claim_context(request, person) if is_owner else {}),
        },
    )


def _could_help(person: Any, profile: Profile) -> list[Any]:
    """Questions on the agenda the person's profile matches best (see matching.py)."""
    from pontio.people.matching import questions_for_profile

    return questions_for_profile(person, profile, limit=5)


def my_profile(request: HttpRequest) -> HttpResponse:
    """The person's own profile, made the first time they ask. Someone without one is first
    offered to connect ORCID, or to claim the drafts their ORCID iD proves are theirs, since a
    profile of their own would stand in the way of claiming one."""
    person = person_of(request)
    if request.method != "POST" and not Profile.objects.filter(person=person).exists():
        offer = claim_context(request, person)
        if offer["claimable"] or (offer["orcid_configured"] and not offer["orcid_connected"]):
            return render(request, "people/start.html", offer)
    profile = services.profile_for(person)
    return redirect("people:edit", pk=profile.pk)


def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _own(request, pk)
    data = form_data(request)
    form = ProfileForm(data, instance=profile)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        save_as(person_of(request), saved)
        form.save_m2m()
        index_profiles([saved])
        messages.success(request, _("Your profile is saved."))
        return redirect("people:profile", pk=profile.pk)
    return render(request, "people/edit.html", {"profile": profile, "form": form})


def profile_state(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish or hide the profile (POST), or ask before deleting it."""
    profile = _own(request, pk)
    person = person_of(request)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action not in ("publish", "hide", "delete"):
        return render(request, "people/delete.html", {"profile": profile})
    try:
        if action == "publish":
            services.profile_publish(person=person, profile=profile)
            messages.success(request, _("Your profile is published."))
        elif action == "hide":
            services.profile_hide(person=person, profile=profile)
            messages.success(request, _("Your profile is hidden: only you can see it."))
        else:
            services.profile_delete(person=person, profile=profile)
            messages.success(
                request, _("Your profile is deleted. Your publications stay in the library.")
            )
            return redirect("people:directory")
    except services.PeopleError as error:
        messages.error(request, str(error))
    return redirect("people:profile", pk=profile.pk)


def works(request: HttpRequest, pk: int) -> HttpResponse:
    """Pick publications from the library, or import them by ORCID or OpenAlex."""
    profile = _own(request, pk)
    person = person_of(request)
    import_form = ImportForm(request.POST if request.POST.get("step") == "import" else None)
    if request.method == "POST" and request.POST.get("step") == "add":
        pk_text = request.POST.get("record", "")
        record = record_for(person, int(pk_text)) if pk_text.isdecimal() else None
        if record is None:
            messages.error(request, _("That record cannot be found."))
        else:
            try:
                services.profile_add_works(person=person, profile=profile, records=[record])
            except services.PeopleError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Added to your publications."))
        return redirect("people:works", pk=profile.pk)
    if request.method == "POST" and import_form.is_valid():
        data = import_form.cleaned_data
        run = (
            importing.works_from_orcid
            if data["source"] == "orcid"
            else importing.works_from_openalex_author
        )
        try:
            report = run(person, profile, data["identifier"])
        except services.PeopleError as error:
            import_form.add_error(None, str(error))
        else:
            for problem in report.problems:
                messages.error(request, problem)
            messages.success(request, report.summary)
            return redirect("people:works", pk=profile.pk)
    query = request.GET.get("q", "").strip()
    found: list[Any] = []
    if query:
        found = records_search(
            person=person, query=query, filters=Filters(), sort="relevance", offset=0, limit=10
        ).records
    return render(
        request,
        "people/works.html",
        {"profile": profile, "import_form": import_form, "query": query, "found": found},
    )
