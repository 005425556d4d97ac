"""Search results with the searched-for words marked: HTML-escaped text with <mark> around each
word that matches the query, tolerant of case, diacritics, plurals and other endings, as the
search itself is."""

import html
import re

from pontio.lib.normalise import fold
from pontio.lib.query import Query, parse_query

ELLIPSIS = "…"
# A word as the index splits it, keeping a possessive so "children's" is marked whole.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’]s\b)?")
_POSSESSIVE = re.compile(r"['’]s$")
# A light suffix stripper, not Porter: good enough to mark "caring" for "care", and a wrongly
# marked word costs little. Longest suffixes first.
_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ingly",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
    "e",
    "y",
)
_MIN_STEM = 3


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


class _Matcher:
    def __init__(self, query: Query | str) -> None:
        if isinstance(query, str):
            query = parse_query(query)
        self.words = frozenset(query.words)
        self.stems = frozenset(_stem(word) for word in self.words)
        # Only longer words match as prefixes: "child" marks "children", "in" marks nothing more.
        self.prefixes = tuple(word for word in self.words if len(word) >= 4)

    def __call__(self, token: str) -> bool:
        word = _POSSESSIVE.sub("", fold(token))
        return (
            word in self.words
            or _stem(word) in self.stems
            or any(word.startswith(prefix) for prefix in self.prefixes)
        )


def _truncate(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def _mark(text: str, matcher: _Matcher) -> str:
    parts: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        if matcher(match.group()):
            parts.append(html.escape(text[position : match.start()]))
            parts.append(f"<mark>{html.escape(match.group())}</mark>")
            position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def highlight(text: str, query: Query | str, max_chars: int | None = None) -> str:
    """Safe HTML: the text escaped, cut to max_chars at a word boundary, matches in <mark>.
    The query is parsed (or what a person typed, to be parsed); its exclusions are not marked."""
    if max_chars is not None:
        text = _truncate(text, max_chars)
    return _mark(text, _Matcher(query))


def snippet(text: str, query: Query | str, length: int = 240) -> str:
    """Safe HTML: about `length` characters of the text around its first match, highlighted,
    with an ellipsis where it was cut. Text without a match gives its beginning."""
    text = " ".join(text.split())
    matcher = _Matcher(query)
    if len(text) <= length:
        return _mark(text, matcher)
    first = next((m.start() for m in _WORD.finditer(text) if matcher(m.group())), 0)
    # Some words before the match give it context; start and end on word boundaries.
    start = max(0, min(first - length // 4, len(text) - length))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    window = text[start:end].strip()
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return html.escape(prefix) + _mark(window, matcher) + suffix
