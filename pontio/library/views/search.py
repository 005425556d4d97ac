"""The library's search page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from pontio.briefs.selectors import briefs_matching
from pontio.core.permissions import person_of
from pontio.lib.query import parse_query
from pontio.library import services
from pontio.library.models import RECORD_TYPE_LABELS
from pontio.library.permissions import can_curate, can_import
from pontio.library.selectors import (
    MAX_MATCHES,
    SORTS,
    Filters,
    collections_to_add_to,
    records_search,
)
from pontio.taxonomy.models import Topic


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    encoded = query.urlencode()
    return encoded + "&" if encoded else ""


def search(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    services.collections_ensure(person)
    query = request.GET.get("q", "").strip()[:500]
    filters = Filters.from_query(request.GET)
    sort = request.GET.get("sort", "relevance" if query else "newest")
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "newest"
    number = request.GET.get("page", "1")
    page_number = int(number) if number.isdecimal() and int(number) > 0 else 1
    offset = (page_number - 1) * settings.PAGE_SIZE
    results = records_search(
        person=person,
        query=query,
        filters=filters,
        sort=sort,
        offset=offset,
        limit=settings.PAGE_SIZE,
    )
    # Only this page's records were fetched; a range stands in for the rest when drawing links.
    page = Paginator(range(results.total), settings.PAGE_SIZE).get_page(page_number)
    page.object_list = results.records  # type: ignore[assignment]
    context = {
        "query": query,
        # Published briefs that answer the words, shown above the records on the first page.
        "briefs": briefs_matching(person, query) if query and page_number == 1 else [],
        "parsed": parse_query(query) if query else None,
        "filters": filters,
        "sort": sort,
        "page": page,
        "results": results,
        "type_labels": RECORD_TYPE_LABELS,
        "suggested_topics": Topic.objects.active().filter(parent__isnull=False)[:6],
        "can_import": can_import(person),
        "collections": collections_to_add_to(person),
        "collection_counts": {pk: n for pk, _label, n in results.facets.get("collection", [])},
        "can_curate": can_curate(person),
        "max_matches": MAX_MATCHES,
        "export_url": reverse("library:export") + "?" + _without_page(request),
    }
    template = "library/_results.html" if getattr(request, "htmx", False) else "library/search.html"
    return render(request, template, context)
