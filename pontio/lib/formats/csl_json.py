"""CSL-JSON, the citation data Zotero, Mendeley and citation processors exchange: read into
ParsedRecords and written back out."""

import json
import re
from typing import Any

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import (
    clean,
    iso_date,
    join_keywords,
    language_code,
    normalise_pages,
    parse_date,
    split_keywords,
)
from pontio.lib.messages import _
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import Author, ParsedRecord, ParseProblem, ParseResult, RecordType

_TYPES: dict[str, RecordType] = {
    **dict.fromkeys(
        (
            "article-journal",
            "article",
            "article-magazine",
            "article-newspaper",
            "paper-conference",
            "review",
            "review-book",
        ),
        RecordType.ARTICLE,
    ),
    "report": RecordType.REPORT,
    **dict.fromkeys(("book", "classic", "periodical"), RecordType.BOOK),
    **dict.fromkeys(
        ("chapter", "entry", "entry-dictionary", "entry-encyclopedia"), RecordType.CHAPTER
    ),
    "thesis": RecordType.THESIS,
    "dataset": RecordType.DATASET,
    **dict.fromkeys(("webpage", "post", "post-weblog"), RecordType.WEBPAGE),
    **dict.fromkeys(
        ("legislation", "bill", "regulation", "legal_case", "treaty", "hearing"), RecordType.POLICY
    ),
}
_WRITE_TYPES: dict[RecordType, str] = {
    RecordType.ARTICLE: "article-journal",
    RecordType.REPORT: "report",
    RecordType.BOOK: "book",
    RecordType.CHAPTER: "chapter",
    RecordType.GUIDELINE: "report",  # with genre "Guideline"
    RecordType.THESIS: "thesis",
    RecordType.DATASET: "dataset",
    RecordType.WEBPAGE: "webpage",
    RecordType.POLICY: "legislation",
    RecordType.GREY: "document",
}
# CSL has no OpenAlex field; Pontio uses the work id as the item id, as Zotero uses its own keys.
_OPENALEX_ID = re.compile(r"^(?:https?://openalex\.org/)?(W\d+)$", re.IGNORECASE)
# Zotero keeps fields CSL lacks in the note, one "Name: value" a line.
_NOTE_FIELD = re.compile(r"^\s*(PMID|PMCID)\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def parse_csl_json(text: str) -> ParseResult:
    check_not_empty(text)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            _("This is not a valid CSL-JSON file: the JSON breaks on line %(line)s."),
            {"line": error.lineno},
        ) from error
    if isinstance(document, dict):
        document = document.get("items", [document])
    if not isinstance(document, list):
        raise FormatError(_("This is not a CSL-JSON file: it holds no list of items."))
    result = ParseResult()
    for position, item in enumerate(document, start=1):
        title = clean(item.get("title")) if isinstance(item, dict) else ""
        if not title:
            result.problems.append(
                ParseProblem(
                    None,
                    _("Item %(position)s has no title, so it was skipped."),
                    {"position": position},
                )
            )
            continue
        result.records.append(_record(item, title))
    return result


def _record(item: dict[str, Any], title: str) -> ParsedRecord:
    def text(key: str) -> str:
        return clean(str(item.get(key) or ""))

    record_type = _TYPES.get(text("type"), RecordType.GREY)
    if "guideline" in text("genre").lower():
        record_type = RecordType.GUIDELINE
    year, date = _issued(item.get("issued"))
    notes = {
        name.upper(): value for name, value in _NOTE_FIELD.findall(str(item.get("note") or ""))
    }
    found_id = _OPENALEX_ID.match(text("id"))
    return ParsedRecord(
        title=title,
        record_type=record_type,
        abstract=str(item.get("abstract") or "").strip(),
        authors=[a for a in map(_author, _list(item.get("author"))) if a is not None],
        year=year,
        date=date,
        container=text("container-title"),
        publisher=text("publisher"),
        volume=text("volume"),
        issue=text("issue"),
        pages=normalise_pages(text("page")),
        doi=normalise_doi(text("DOI")),
        pmid=text("PMID") or notes.get("PMID", ""),
        pmcid=text("PMCID") or notes.get("PMCID", ""),
        openalex_id=found_id.group(1).upper() if found_id else "",
        isbn=text("ISBN").replace("-", "").split(" ")[0],
        url=text("URL"),
        language=language_code(text("language")),
        keywords=split_keywords(text("keyword")),
    )


def _author(value: Any) -> Author | None:
    if not isinstance(value, dict):
        return None
    family, given = clean(value.get("family")), clean(value.get("given"))
    particle = clean(value.get("non-dropping-particle"))
    if family:
        return Author(family=f"{particle} {family}".strip(), given=given)
    literal = clean(value.get("literal"))
    return Author(family=literal) if literal else None  # an organisation, as Zotero writes it


def _issued(value: Any) -> tuple[int | None, str]:
    if not isinstance(value, dict):
        return None, ""
    parts = _list(value.get("date-parts"))
    first = _list(parts[0]) if parts else []
    numbers = [int(p) for p in first if str(p).strip().lstrip("-").isdecimal()]
    if numbers:
        return numbers[0], iso_date(*numbers[:3])
    return parse_date(str(value.get("raw") or value.get("literal") or ""))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def write_csl_json(records: list[ParsedRecord]) -> str:
    """CSL-JSON has no place for concepts, authors' ORCIDs and OpenAlex ids, or open-access
    details; the OpenAlex work id becomes the item's id."""
    items = [_item(record, position) for position, record in enumerate(records, start=1)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _item(record: ParsedRecord, position: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": record.openalex_id or f"pontio-{position}",
        "type": _WRITE_TYPES.get(record.record_type, "document"),
        "title": record.title,
    }
    if record.record_type is RecordType.GUIDELINE:
        item["genre"] = "Guideline"
    if record.authors:
        item["author"] = [_name(author) for author in record.authors]
    date_parts = [int(part) for part in record.date.split("-") if part.isdecimal()]
    if not date_parts and record.year:
        date_parts = [record.year]
    if date_parts:
        item["issued"] = {"date-parts": [date_parts]}
    optional = {
        "container-title": record.container,
        "publisher": record.publisher,
        "volume": record.volume,
        "issue": record.issue,
        "page": record.pages,
        "DOI": record.doi,
        "PMID": record.pmid,
        "PMCID": record.pmcid,
        "ISBN": record.isbn,
        "URL": record.url,
        "abstract": record.abstract,
        "language": record.language,
        "keyword": join_keywords(record.keywords),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def _name(author: Author) -> dict[str, str]:
    if not author.given:
        return {"literal": author.family} if " " in author.family else {"family": author.family}
    return {"family": author.family, "given": author.given}
