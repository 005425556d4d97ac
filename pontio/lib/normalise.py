"""Text normalisation shared by deduplication and search: DOIs, titles, and folding of Welsh
(and other) diacritics so that ŵ matches w."""

import re
import unicodedata

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_IN_TEXT = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without diacritics: "Ŵyl Dewi" -> "wyl dewi"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_doi(value: str) -> str:
    """A DOI in its comparable form (lower case, no resolver prefix), or "" if it is not one."""
    doi = _DOI_PREFIX.sub("", (value or "").strip()).strip().rstrip(".;,")
    doi = doi.lower()
    return doi if _DOI_SHAPE.match(doi) else ""


def normalise_title(title: str) -> str:
    """Title for duplicate detection: folded, punctuation and markup removed, spaces squeezed."""
    text = re.sub(r"<[^>]+>", " ", title or "")
    text = fold(text)
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise_name(name: str) -> str:
    return re.sub(r"[^\w]", "", fold(name or ""))
