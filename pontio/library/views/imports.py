"""Importing files into the library: upload, map CSV columns, watch the progress, read the
report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pontio.accounts.models import Person
from pontio.core.permissions import person_of
from pontio.library.forms import ImportForm
from pontio.library.importing import (
    FORMAT_NAMES,
    ImportRefused,
    import_csv_columns,
    import_prepare,
    import_queue,
)
from pontio.library.models import Import, ImportStatus, Outcome
from pontio.library.permissions import can_curate, can_import
from pontio.organisations.permissions import home_organisation

MAPPABLE_FIELDS = [
    "title",
    "abstract",
    "authors",
    "year",
    "container",
    "publisher",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "isbn",
    "url",
    "keywords",
    "language",
    "record_type",
]


def _importer(request: HttpRequest) -> Person:
    person = person_of(request)
    if not can_import(person):
        raise PermissionDenied
    return person


def import_upload(request: HttpRequest) -> HttpResponse:
    person = _importer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            with transaction.atomic():
                job = import_prepare(
                    person=person,
                    organisation=home_organisation(person),
                    filename=upload.name,
                    data=upload.read(),
                    visibility=form.cleaned_data["visibility"],
                )
                if job.format != "csv":
                    import_queue(job)
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            if job.format == "csv":
                return redirect("library:import_mapping", pk=job.pk)
            return redirect("library:import_status", pk=job.pk)
    recent = Import.objects.filter(created_by=person)[:10]
    return render(request, "library/import.html", {"form": form, "recent": recent})


def _own_import(request: HttpRequest, pk: int) -> Import:
    person = _importer(request)
    job = get_object_or_404(Import, pk=pk)
    if job.created_by_id != person.pk and not can_curate(person):
        raise PermissionDenied
    return job


def import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_import(request, pk)
    if job.format != "csv" or job.status != ImportStatus.WAITING or job.csv_mapping:
        return redirect("library:import_status", pk=job.pk)
    columns, guessed = import_csv_columns(job)
    error = ""
    if request.method == "POST":
        mapping = {c: request.POST.get(f"column-{i}", "") for i, c in enumerate(columns)}
        mapping = {c: f for c, f in mapping.items() if f in MAPPABLE_FIELDS}
        if "title" not in mapping.values():
            error = _("Choose the column that holds the title: every record needs one.")
            guessed = mapping
        else:
            with transaction.atomic():
                import_queue(job, csv_mapping=mapping)
            return redirect("library:import_status", pk=job.pk)
    rows = [(i, column, guessed.get(column, "")) for i, column in enumerate(columns)]
    return render(
        request,
        "library/import_mapping.html",
        {
            "job": job,
            "rows": rows,
            "fields": MAPPABLE_FIELDS,
            "error": error,
        },
    )


def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_import(request, pk)
    outcome = request.GET.get("outcome", "")
    rows = job.rows.select_related("record")
    if outcome in Outcome.values:
        rows = rows.filter(outcome=outcome)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "job": job,
        "page": page,
        "outcome": outcome,
        "outcomes": Outcome.choices,
        "format_name": FORMAT_NAMES.get(job.format, job.format),
        "running": job.status in (ImportStatus.WAITING, ImportStatus.RUNNING),
    }
    if getattr(request, "htmx", False):
        return render(request, "library/_import_progress.html", context)
    if job.status == ImportStatus.FAILED and not request.GET:
        messages.error(request, job.error_text)
    return render(request, "library/import_status.html", context)
