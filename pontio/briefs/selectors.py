"""Reads of briefs: which a person may see, the list with its filters, search and sorting, and
the few published briefs that answer a library search."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, F, IntegerField, Value, When

from pontio.search.services import hybrid_search

from .indexing import KIND
from .models import Brief, BriefQuerySet, State

# Drafts have no publication date: they come after the published briefs on every database.
PUBLISHED_DESC = F("published_at").desc(nulls_last=True)
SORTS = {
    "newest": (PUBLISHED_DESC, "-updated_at", "-pk"),
    "most_read": ("-read_count", PUBLISHED_DESC, "-updated_at", "-pk"),
}
# Search ranks at most this many briefs: past it, more words narrow the search better.
MAX_MATCHES = 200


def briefs_visible(person: Any) -> BriefQuerySet:
    """Published and superseded briefs the person may read, and the drafts (any other state)
    they write or review, or see as a broker of the brief's organisation."""
    return Brief.objects.visible_to(person)


def brief_for(person: Any, pk: int) -> Brief | None:
    found = briefs_visible(person).select_related("organisation").filter(pk=pk)
    return found.prefetch_related("topics", "citations__record").first()


def briefs_found(person: Any, text: str, *, limit: int = MAX_MATCHES) -> list[int]:
    """The ids of published briefs the person may read that match the words, best first.
    Only published briefs are searched: drafts are never found."""
    published = briefs_visible(person).filter(state=State.PUBLISHED)
    within = set(published.values_list("pk", flat=True))
    if not text.strip() or not within:
        return []
    return [found.id for found in hybrid_search(KIND, text, limit=limit, within=within)]


@dataclass
class BriefFilters:
    state: str = ""
    topic: str = ""  # a topic's slug, or its id
    q: str = ""


def briefs_list(person: Any, filters: BriefFilters, sort: str = "") -> BriefQuerySet:
    """The briefs the person may see, filtered; ranked by relevance when they searched and
    chose no other order, otherwise newest first or most read first."""
    briefs = briefs_visible(person)
    if filters.state:
        briefs = briefs.filter(state=filters.state)
    if filters.topic.isdecimal():
        briefs = briefs.filter(topics=int(filters.topic))
    elif filters.topic:
        briefs = briefs.filter(topics__slug=filters.topic)
    if filters.q.strip():
        ids = briefs_found(person, filters.q)
        if not ids:
            return briefs.none()
        briefs = briefs.filter(pk__in=ids)
        if sort not in SORTS:
            rank = Case(
                *(When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)),
                default=Value(len(ids)),
                output_field=IntegerField(),
            )
            return briefs.annotate(rank=rank).order_by("rank", "-pk")
    return briefs.order_by(*SORTS.get(sort, SORTS["newest"]))


def briefs_matching(person: Any, text: str, limit: int = 3) -> list[Brief]:
    """Up to `limit` published briefs the person may read that match what they searched the
    library for, best first."""
    ids = briefs_found(person, text, limit=limit)
    found = {b.pk: b for b in Brief.objects.filter(pk__in=ids, state=State.PUBLISHED)}
    return [found[pk] for pk in ids if pk in found]
