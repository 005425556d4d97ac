"""Downloading a search result or a collection as RIS, BibTeX, CSV or CSL-JSON."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from pontio.core.permissions import person_of
from pontio.library import selectors
from pontio.library.exporting import EXPORT_LIMIT, FORMATS, export
from pontio.library.selectors import Filters, records_search


def _download(records: list, file_format: str, name: str) -> HttpResponse:  # type: ignore[type-arg]
    if file_format not in FORMATS:
        raise Http404
    content_type, extension = FORMATS[file_format]
    response = HttpResponse(
        export(records, file_format), content_type=f"{content_type}; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{extension}"'
    return response


def export_search(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    query = request.GET.get("q", "").strip()[:500]
    results = records_search(
        person=person,
        query=query,
        filters=Filters.from_query(request.GET),
        sort="relevance" if query else "newest",
        offset=0,
        limit=EXPORT_LIMIT,
    )
    return _download(results.records, request.GET.get("format", "ris"), "pontio-library")


def export_collection(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    collection = selectors.collections_visible(person).filter(pk=pk).first()
    if collection is None:
        raise Http404
    visible = selectors.records_visible(person).values("pk")
    records = list(collection.records.filter(pk__in=visible)[:EXPORT_LIMIT])
    return _download(records, request.GET.get("format", "ris"), "pontio-collection")
