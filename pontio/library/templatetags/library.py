"""Template helpers for the library: highlighted matches and citations."""

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from pontio.lib.citation import CitationSource, apa, harvard
from pontio.lib.highlight import highlight, snippet

register = template.Library()


@register.filter
def highlighted(text: str, query: Any) -> SafeString:
    """Escaped text with the words of the query marked (the helper escapes everything)."""
    if not query:
        return escape(text or "")
    return mark_safe(highlight(text or "", query))  # noqa: S308 (escaped by highlight)


@register.filter
def excerpt(text: str, query: Any) -> SafeString:
    if not query:
        return escape(Truncator(text or "").chars(240))
    return mark_safe(snippet(text or "", query))  # noqa: S308 (escaped by snippet)


def _source(record: Any) -> CitationSource:
    return CitationSource(
        title=record.title,
        authors=[(a.get("family", ""), a.get("given", "")) for a in record.authors],
        year=record.year,
        container=record.container,
        volume=record.volume,
        issue=record.issue,
        pages=record.pages,
        publisher=record.publisher,
        doi=record.doi,
        url=record.url,
        kind="article" if record.record_type == "article" else "other",
    )


@register.filter
def cite_apa(record: Any) -> str:
    return apa(_source(record))


@register.filter
def cite_harvard(record: Any) -> str:
    return harvard(_source(record))


@register.filter
def found_for(reasons: dict[int, Any], pk: int) -> Any:
    """Why a search found a record (pontio.search.services.Found), or None."""
    return reasons.get(pk)
