"""Template helpers used across Pontio's pages."""

from typing import Any

from django import template
from django.template.context import Context

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: Context, **changes: Any) -> str:
    """The current query string with some parameters changed (for paging and sorting links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    if "sort" in changes:
        query.pop("page", None)
    return str(query.urlencode())


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """mapping[key] in a template, or None."""
    return mapping.get(key) if isinstance(mapping, dict) else None
