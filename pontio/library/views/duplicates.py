"""Reviewing possible duplicates: a knowledge broker compares two records field by field,
chooses what to keep, merges them, and can undo the merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.accounts.models import Person
from pontio.core.permissions import person_of
from pontio.library import services
from pontio.library.models import DuplicateCandidate, DuplicateStatus, Merge
from pontio.library.permissions import can_curate
from pontio.library.services import MERGEABLE


def _curator(request: HttpRequest) -> Person:
    person = person_of(request)
    if not can_curate(person):
        raise PermissionDenied
    return person


def duplicates(request: HttpRequest) -> HttpResponse:
    _curator(request)
    open_pairs = DuplicateCandidate.objects.filter(
        status=DuplicateStatus.OPEN, record__merged_into=None, other__merged_into=None
    ).select_related("record", "other")
    merges = Merge.objects.select_related("kept", "merged", "merged_by")[:20]
    return render(
        request,
        "library/duplicates.html",
        {
            "page": Paginator(open_pairs, 25).get_page(request.GET.get("page")),
            "merges": merges,
        },
    )


@require_POST
def duplicates_find(request: HttpRequest) -> HttpResponse:
    _curator(request)
    from pontio.library.tasks import scan_duplicates

    scan_duplicates.enqueue()
    messages.success(
        request,
        _("Pontio is looking through the library for duplicates. Pairs it finds will appear here."),
    )
    return redirect("library:duplicates")


def duplicate_review(request: HttpRequest, pk: int) -> HttpResponse:
    person = _curator(request)
    pair = get_object_or_404(DuplicateCandidate, pk=pk, status=DuplicateStatus.OPEN)
    first, second = pair.record, pair.other
    if request.method == "POST":
        if "dismiss" in request.POST:
            services.duplicate_dismiss(person=person, candidate=pair)
            messages.success(request, _("Marked as not duplicates."))
            return redirect("library:duplicates")
        keep = second if request.POST.get("keep") == "other" else first
        drop = first if keep is second else second
        choices = {}
        for name in MERGEABLE:
            side = request.POST.get(name, "record")
            chosen = second if side == "other" else first
            choices[name] = "kept" if chosen is keep else "merged"
        try:
            merge = services.records_merge(person=person, kept=keep, merged=drop, choices=choices)
        except services.LibraryError as error:
            messages.error(request, str(error))
            return redirect("library:duplicates")
        messages.success(request, _("Merged. Links to the other record now lead here."))
        return redirect("library:record", pk=merge.kept_id)
    rows = [
        (
            name,
            getattr(first._meta.get_field(name), "verbose_name", name),
            getattr(first, name),
            getattr(second, name),
        )
        for name in MERGEABLE
    ]
    return render(
        request,
        "library/duplicate_review.html",
        {"pair": pair, "first": first, "second": second, "rows": rows},
    )


@require_POST
def merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    person = _curator(request)
    merge = get_object_or_404(Merge, pk=pk)
    try:
        services.merge_undo(person=person, merge=merge)
    except services.LibraryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The merge was undone: both records are back as they were."))
    return redirect("library:duplicates")
