"""Template helpers for the library: highlighted matches and citations."""

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from pontio.lib.highlight import highlight, snippet
from pontio.library.citing import record_apa, record_harvard

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


@register.filter
def cite_apa(record: Any) -> str:
    return record_apa(record)


@register.filter
def cite_harvard(record: Any) -> str:
    return record_harvard(record)


@register.filter
def found_for(reasons: dict[int, Any], pk: int) -> Any:
    """Why a search found a record (pontio.search.services.Found), or None."""
    return reasons.get(pk)
