"""What people write is Markdown, stored as they typed it (less any HTML tags) and shown as
HTML that has been sanitised: raw HTML is never passed through, and links get safe attributes."""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h2", "h3", "h4", "h5",
    "h6", "code", "pre", "hr", "img", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "sup": {"id"},
}


def clean_text(text: str) -> str:
    """Text as typed, with any HTML tags (and what is inside scripts and styles) taken out and
    control characters other than line breaks and tabs removed."""
    text = "".join(c for c in text if c in "\n\t" or c >= " ").replace("\r", "")
    if _TAG.search(text):
        text = html.unescape(nh3.clean(text, tags=set()))
    return text


def render_markdown(text: str, *, shift_headings: int = 1) -> SafeString:
    """Markdown as sanitised HTML. Headings move down `shift_headings` levels, to h6 at most (a
    "#" inside a brief is an h2 on its page, an h3 in its PDF)."""
    rendered = _MARKDOWN.render(text)
    for level in range(6, 0, -1):
        new = min(level + shift_headings, 6)
        rendered = rendered.replace(f"<h{level}>", f"<h{new}>").replace(
            f"</h{level}>", f"</h{new}>"
        )
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
