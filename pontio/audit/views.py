"""The audit trail page for administrators: who changed what, when, before and after."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.dateparse import parse_datetime

from pontio.core.permissions import administrator_required

from .selectors import audit_changes

PAGE = 50


@administrator_required
def audit_trail(request: HttpRequest) -> HttpResponse:
    before: datetime | None = parse_datetime(request.GET.get("before", ""))
    changes = audit_changes(before=before, limit=PAGE + 1)
    older = changes[PAGE - 1].when.isoformat() if len(changes) > PAGE else None
    return render(
        request,
        "audit/trail.html",
        {"changes": changes[:PAGE], "older": older, "is_first_page": before is None},
    )
