"""Paging and sorting for every list: one page size, sort keys checked against an allow-list."""

from typing import Annotated, Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from pydantic import Field


def paginate(request: HttpRequest, items: QuerySet[Any] | list[Any]) -> Page[Any]:
    paginator = Paginator(items, settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def sort_key(request: HttpRequest, allowed: dict[str, str], default: str) -> tuple[str, str]:
    """The requested sort if it is allowed, else the default: (the key, the ORDER BY field)."""
    key = request.GET.get("sort", default)
    if key not in allowed:
        key = default
    return key, allowed[key]


# The API's page numbers: from 1 to a bound far past any real list, so that an absurd page is
# refused with a message (422) instead of reaching the database as an out-of-range OFFSET.
MAX_API_PAGE = 100_000
ApiPage = Annotated[int, Field(ge=1, le=MAX_API_PAGE)]
