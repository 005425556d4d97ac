"""A person claims an imported draft profile as theirs, proved by the ORCID iD they connected
(ADR 0019): the part of their own profile pages that offers it, and the claim itself."""

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.core.permissions import person_of
from pontio.people import services
from pontio.people.selectors import drafts_for, orcids_of


def orcid_configured(request: HttpRequest) -> bool:
    return bool(get_adapter().list_apps(request, provider="orcid"))


def claim_context(request: HttpRequest, person: Any) -> dict[str, Any]:
    """What the person's own profile pages show about ORCID and the drafts it proves theirs."""
    connected = bool(orcids_of(person))
    drafts = (
        drafts_for(person)
        .select_related("organisation")
        .annotate(work_count=Count("works"))
        .order_by("name")
    )
    return {
        "orcid_configured": orcid_configured(request),
        "orcid_connected": connected,
        "claimable": list(drafts) if connected else [],
    }


@require_POST
def draft_claim(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    # Only drafts the person's ORCID points to are found: others' drafts are not shown to exist.
    profile = get_object_or_404(drafts_for(person), pk=pk)
    try:
        services.profile_claim(person=person, profile=profile)
    except services.PeopleError as error:
        messages.error(request, str(error))
        return redirect("people:me")
    messages.success(
        request,
        _(
            "The profile is yours now. Check it, then publish it when you are ready: until then "
            "only you can see it."
        ),
    )
    return redirect("people:edit", pk=profile.pk)
