"""Field values as every format needs them: whitespace, dates, page ranges, keyword lists,
language codes, ISBNs and record types named in words."""

import re
from collections.abc import Iterable
from datetime import date

from pontio.lib.records import RecordType

_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """One line: runs of whitespace (line wraps included) become one space."""
    return _SPACE.sub(" ", text or "").strip()


def unique(items: Iterable[str]) -> list[str]:
    """Non-empty items in their first order, each once (compared without case)."""
    seen: set[str] = set()
    result = []
    for item in items:
        item = clean(item)
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


_MONTHS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)


def month_number(value: str) -> int | None:
    """1-12 from "4", "04", "Apr", "apr.", "April", "Sept"; None for anything else."""
    text = value.strip().lower().rstrip(".")
    if text.isdecimal():
        number = int(text)
        return number if 1 <= number <= 12 else None
    if len(text) >= 3:
        for number, name in enumerate(_MONTHS, start=1):
            if name.startswith(text) or (text == "sept" and number == 9):
                return number
    return None


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """ "2019", "2019-04" or "2019-04-23", dropping any part that makes no real date."""
    if year is None:
        return ""
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is not None:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            pass
    return f"{year:04d}-{month:02d}"


_NUMERIC_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)")
_WORD = re.compile(r"[A-Za-z]+\.?")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def parse_date(value: str | None) -> tuple[int | None, str]:
    """The year and ISO date in "2016-12-05", "2016/12/05/", "2019///", "2001 Jun 23",
    "23 June 2001", "Jun-Jul 2001" or "2001 Spring"."""
    text = (value or "").strip()
    numeric = _NUMERIC_DATE.match(text)
    if numeric and numeric.group(2):
        year = int(numeric.group(1))
        month = int(numeric.group(2)) if numeric.group(2) else None
        day = int(numeric.group(3)) if numeric.group(3) else None
        return year, iso_date(year, month, day)
    found = _YEAR.search(text)
    if not found:
        return None, ""
    year = int(found.group(1))
    rest = text[: found.start()] + " " + text[found.end() :]
    month = next((m for m in (month_number(w) for w in _WORD.findall(rest)) if m is not None), None)
    day_match = _DAY.search(rest) if month else None
    return year, iso_date(year, month, int(day_match.group(1)) if day_match else None)


_DASHES = re.compile(r"\s*(?:--|[-\u2010-\u2015])\s*")


def normalise_pages(pages: str) -> str:
    """ "123--130", or with an en dash and spaces -> "123-130"."""
    return _DASHES.sub("-", clean(pages))


def join_pages(first: str | None, last: str | None) -> str:
    first, last = clean(first), clean(last)
    if not first or not last or first == last:
        return first or last
    return f"{first}-{last}"


def split_pages(pages: str) -> tuple[str, str]:
    first, _, last = normalise_pages(pages).partition("-")
    return first, last


def expand_page_range(pages: str) -> str:
    """MEDLINE shortens the last page ("244-55"); every other format writes it whole."""
    first, last = split_pages(pages)
    if first.isdecimal() and last.isdecimal() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return join_pages(first, last)


def split_keywords(text: str) -> list[str]:
    """Keywords in one field: split on ";" if there is one (so "Health, Public" survives),
    else on ","."""
    separator = ";" if ";" in text else ","
    return unique(text.split(separator))


def join_keywords(keywords: list[str]) -> str:
    """The reverse of split_keywords: commas unless a keyword holds one."""
    return ("; " if any("," in k for k in keywords) else ", ").join(keywords)


_LANGUAGES = {
    "en": "english eng",
    "cy": "welsh cymraeg cym wel",
    "ga": "irish gaeilge gle",
    "gd": "gaelic gla",
    "fr": "french français fre fra",
    "de": "german deutsch ger deu",
    "es": "spanish español spa",
    "it": "italian italiano ita",
    "nl": "dutch nederlands dut nld",
    "pt": "portuguese português por",
    "sv": "swedish svenska swe",
    "no": "norwegian norsk nor",
    "da": "danish dansk dan",
    "fi": "finnish suomi fin",
    "pl": "polish polski pol",
    "ru": "russian rus",
    "tr": "turkish tur",
    "ar": "arabic ara",
    "zh": "chinese chi zho",
    "ja": "japanese jpn",
    "ko": "korean kor",
}
_LANGUAGE_CODES = {name: code for code, names in _LANGUAGES.items() for name in names.split()}


def language_code(value: str | None) -> str:
    """ISO 639-1 where known ("English", "eng", "EN" -> "en"); otherwise the text as given."""
    text = clean(value)
    key = text.lower()
    if key in _LANGUAGES:
        return key
    return _LANGUAGE_CODES.get(key, text)


def isbn_in(text: str | None) -> str:
    """The first ISBN-10 or ISBN-13 in a field that may also hold ISSNs or notes."""
    for token in re.split(r"[;,\s]+", text or ""):
        digits = token.replace("-", "").upper()
        if re.fullmatch(r"\d{9}[\dX]|97[89]\d{10}", digits):
            return digits
    return ""


# Order matters: "Book chapter" is a chapter and "Book review" an article, not books.
_TYPE_WORDS: tuple[tuple[str, RecordType], ...] = (
    ("guideline", RecordType.GUIDELINE),
    ("chapter", RecordType.CHAPTER),
    ("section", RecordType.CHAPTER),
    ("thesis", RecordType.THESIS),
    ("dissertation", RecordType.THESIS),
    ("dataset", RecordType.DATASET),
    ("data set", RecordType.DATASET),
    ("review", RecordType.ARTICLE),
    ("report", RecordType.REPORT),
    ("working paper", RecordType.REPORT),
    ("book", RecordType.BOOK),
    ("web", RecordType.WEBPAGE),
    ("online", RecordType.WEBPAGE),
    ("blog", RecordType.WEBPAGE),
    ("policy", RecordType.POLICY),
    ("legislation", RecordType.POLICY),
    ("government", RecordType.POLICY),
    ("article", RecordType.ARTICLE),
    ("journal", RecordType.ARTICLE),
    ("conference", RecordType.ARTICLE),
    ("proceedings", RecordType.ARTICLE),
    ("editorial", RecordType.ARTICLE),
    ("letter", RecordType.ARTICLE),
    ("note", RecordType.ARTICLE),
    ("preprint", RecordType.ARTICLE),
    ("erratum", RecordType.ARTICLE),
    ("survey", RecordType.ARTICLE),
)


def record_type_from_label(label: str | None) -> RecordType | None:
    """A record type from words a database uses ("Article", "Book Chapter", "Review"); grey for
    words it does not know, None when there is no label at all."""
    text = clean(label).lower()
    if not text:
        return None
    try:
        return RecordType(text)
    except ValueError:
        pass
    return next((kind for word, kind in _TYPE_WORDS if word in text), RecordType.GREY)
