"""Turning what the APIs send (JATS and HTML fragments, licence URLs, language codes) into the
plain values a ParsedRecord holds."""

import re
from html.parser import HTMLParser

# Publishers pretty-print JATS, so a line break sits on both sides of every inline tag:
# "oncogene (\n  <i>KRAS</i>\n  )". Such a break is a space between words, but nothing at all
# next to brackets, slashes and closing punctuation.
_SOFT = "\x00"
_SOFT_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")
_SOFT_AFTER = re.compile(rf"(?<=[(\[/]){_SOFT}+")
_SOFT_BEFORE = re.compile(rf"{_SOFT}+(?=[)\]/,.;:!?%])")
_SPACES = re.compile(rf"[\s{_SOFT}]+")

_BLOCKS = {"p", "sec", "div", "br", "li", "list-item", "list", "abstract", "table", "tr"}
_HEADINGS = {"title", "h1", "h2", "h3", "h4", "h5", "h6", "label"}


def _squeeze(text: str) -> str:
    text = _SOFT_BREAK.sub(_SOFT, text)
    text = _SOFT_AFTER.sub("", text)
    text = _SOFT_BEFORE.sub("", text)
    return _SPACES.sub(" ", text).strip()


class _Blocks(HTMLParser):
    """Collects (is_heading, text) blocks; inline tags (<i>, <sub>, <jats:italic>) vanish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str]] = []
        self._buffer: list[str] = []
        self._in_heading = 0

    def _flush(self) -> None:
        text = _squeeze("".join(self._buffer))
        self._buffer = []
        if text:
            self.blocks.append((self._in_heading > 0, text))

    def _kind(self, tag: str) -> str:
        name = tag.rpartition(":")[2]  # jats:p -> p
        return "heading" if name in _HEADINGS else "block" if name in _BLOCKS else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = self._kind(tag)
        if kind:
            self._flush()
        if kind == "heading":
            self._in_heading += 1

    def handle_endtag(self, tag: str) -> None:
        kind = self._kind(tag)
        if kind:
            self._flush()
        if kind == "heading":
            self._in_heading = max(0, self._in_heading - 1)

    def handle_data(self, data: str) -> None:
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def plain_text(markup: str) -> str:
    """One line of text from a fragment: "A <i>KRAS</i>\\n / <i>NRAS</i> panel" -> "A KRAS/NRAS
    panel"."""
    parser = _Blocks()
    parser.feed(markup or "")
    parser.close()
    return " ".join(text for _, text in parser.blocks)


def paragraphs(markup: str) -> str:
    """Plain-text paragraphs, separated by blank lines, from a JATS or HTML abstract. A section
    heading leads its first paragraph ("Background: ..."); a lone "Abstract" heading is dropped."""
    parser = _Blocks()
    parser.feed(markup or "")
    parser.close()
    result: list[str] = []
    heading = ""
    for is_heading, text in parser.blocks:
        if is_heading:
            if heading:
                result.append(heading)
            heading = "" if text.casefold() == "abstract" else text
            continue
        if heading:
            joiner = " " if heading[-1] in ".:?!" else ": "
            text = heading + joiner + text
            heading = ""
        result.append(text)
    if heading:
        result.append(heading)
    return "\n\n".join(result)


_CC_URL = re.compile(
    r"creativecommons\.org/(?:licenses/(?P<kind>[a-z-]+)|publicdomain/(?P<pd>zero|mark))",
    re.IGNORECASE,
)


def licence_code(value: str) -> str:
    """A short licence code ("cc-by-nc") from a Creative Commons URL or a name like "cc by-nc-nd";
    "" for anything else, such as a publisher's own text-mining licence."""
    value = (value or "").strip()
    match = _CC_URL.search(value)
    if match:
        if match.group("pd"):
            return "cc0" if match.group("pd").lower() == "zero" else "public-domain"
        return "cc-" + match.group("kind").lower()
    code = re.sub(r"[\s_]+", "-", value.lower())
    if re.fullmatch(r"cc-by(-nc)?(-nd|-sa)?|cc0", code):
        return code
    return ""


# ISO 639-2 codes (as MEDLINE and Europe PMC send them) for the languages Pontio's readers meet.
_ISO_639_2 = {
    "eng": "en",
    "wel": "cy",
    "cym": "cy",
    "fre": "fr",
    "fra": "fr",
    "ger": "de",
    "deu": "de",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "dut": "nl",
    "nld": "nl",
    "gle": "ga",
    "gla": "gd",
    "chi": "zh",
    "zho": "zh",
    "jpn": "ja",
    "rus": "ru",
    "pol": "pl",
    "swe": "sv",
    "nor": "no",
    "dan": "da",
    "fin": "fi",
}


def language_code(value: str) -> str:
    """ISO 639-1 ("en") from a two- or three-letter code; "" if unknown."""
    value = (value or "").strip().lower()
    if re.fullmatch(r"[a-z]{2}", value):
        return value
    return _ISO_639_2.get(value, "")
