"""What every briefs page needs: the brief, if the person may see it (404 otherwise, so a
draft's existence is never shown), and its rendering helpers."""

import re
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.safestring import SafeString

from pontio.briefs.models import MARKDOWN_FIELDS, TEXT_FIELDS, Brief, lines_of
from pontio.briefs.permissions import can_read
from pontio.core.bilingual import shown_in
from pontio.core.markdown import render_markdown
from pontio.core.permissions import person_of

CITE = re.compile(r"\[@(\d{1,3})\]")


def visible_brief(request: HttpRequest, pk: int) -> Brief:
    brief = get_object_or_404(Brief.objects.select_related("organisation", "reviewer"), pk=pk)
    if not can_read(person_of(request), brief):
        raise Http404
    return brief


def render_body(text: str) -> SafeString:
    """A brief's Markdown as HTML, its [@n] marks linking to the n-th reference."""
    return render_markdown(CITE.sub(r"[[\1]](#ref-\1)", text))


def reading_minutes(brief: Brief) -> int:
    """About how long the brief takes to read, at 200 words a minute."""
    words = sum(len(shown_in(brief, field)[0].split()) for field in TEXT_FIELDS)
    return max(1, round(words / 200))


def sections(brief: Brief, language: str | None = None) -> dict[str, Any]:
    """The brief's sections as readers see them, each with the language it is shown in."""
    result: dict[str, Any] = {}
    for field in MARKDOWN_FIELDS:
        text, lang = shown_in(brief, field, language)
        result[field] = render_body(text)
        result[f"{field}_lang"] = lang
    for field in ("question", "strength_rationale", "key_messages", "discussion"):
        text, lang = shown_in(brief, field, language)
        result[field] = text
        result[f"{field}_lang"] = lang
    result["key_messages"] = lines_of(result["key_messages"])
    result["discussion"] = lines_of(result["discussion"])
    return result
