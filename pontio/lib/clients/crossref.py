"""Crossref's REST API: one work by DOI, or a keyword search, read into ParsedRecords."""

from typing import Any
from urllib.parse import quote

from pontio.lib.clients._text import language_code, licence_code, paragraphs, plain_text
from pontio.lib.clients.base import InvalidIdentifier, ServiceClient, bare_orcid
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import Author, ParsedRecord, RecordType

_TYPES = {
    "journal-article": RecordType.ARTICLE,
    "posted-content": RecordType.ARTICLE,  # preprints
    "proceedings-article": RecordType.ARTICLE,
    "report": RecordType.REPORT,
    "report-component": RecordType.REPORT,
    "book": RecordType.BOOK,
    "monograph": RecordType.BOOK,
    "edited-book": RecordType.BOOK,
    "reference-book": RecordType.BOOK,
    "book-chapter": RecordType.CHAPTER,
    "book-section": RecordType.CHAPTER,
    "book-part": RecordType.CHAPTER,
    "reference-entry": RecordType.CHAPTER,  # an entry in an encyclopaedia or bibliography
    "dissertation": RecordType.THESIS,
    "dataset": RecordType.DATASET,
}


def doi_path(doi: str) -> str:
    """A DOI made safe for a URL path. Its own slashes stay: Crossref expects /works/10.x/y."""
    return quote(doi, safe="/:()")


def require_doi(value: str, *, service: str) -> str:
    doi = normalise_doi(value)
    if not doi:
        raise InvalidIdentifier(f"This is not a DOI: “{value}”.", service=service)
    return doi


class CrossrefClient(ServiceClient):
    service = "Crossref"
    base_url = "https://api.crossref.org"

    def work(self, doi: str) -> ParsedRecord:
        doi = require_doi(doi, service=self.service)
        body = self.get_json(
            f"/works/{doi_path(doi)}",
            params=self.contact(),
            missing=f"No record was found for DOI {doi}.",
        )
        return record_from_crossref(body.get("message") or {})

    def search(self, query: str, rows: int = 20) -> list[ParsedRecord]:
        body = self.get_json(
            "/works",
            params={"query": query, "rows": str(rows), **self.contact()},
            missing="Crossref's search could not be found.",
        )
        items = (body.get("message") or {}).get("items") or []
        return [record_from_crossref(item) for item in items]


def _first(value: Any) -> str:
    """Crossref puts many single values in lists: "container-title": ["Journal of ..."]."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "")


def _date(work: dict[str, Any]) -> tuple[int | None, str]:
    # "issued" is the earliest of print and online publication; the others are fallbacks.
    for key in ("issued", "published", "published-print", "published-online"):
        parts = ((work.get(key) or {}).get("date-parts") or [[]])[0]
        parts = [int(p) for p in parts if p is not None]
        if parts:
            year = parts[0]
            return year, "-".join([f"{year:04d}", *(f"{p:02d}" for p in parts[1:3])])
    return None, ""


def _author(data: dict[str, Any]) -> Author:
    family = data.get("family") or data.get("name") or ""  # "name" is an organisation
    return Author(
        family=family, given=data.get("given") or "", orcid=bare_orcid(data.get("ORCID") or "")
    )


def _licence(work: dict[str, Any]) -> str:
    # The first Creative Commons licence; publishers also list text-mining licences, not open ones.
    for licence in work.get("license") or []:
        code = licence_code(licence.get("URL") or "")
        if code:
            return code
    return ""


def record_from_crossref(work: dict[str, Any]) -> ParsedRecord:
    title = plain_text(_first(work.get("title")))
    subtitle = plain_text(_first(work.get("subtitle")))
    if subtitle and subtitle.casefold() not in title.casefold():
        title = f"{title}: {subtitle}"
    year, date = _date(work)
    resource = ((work.get("resource") or {}).get("primary") or {}).get("URL") or ""
    return ParsedRecord(
        title=title,
        record_type=_TYPES.get(work.get("type") or "", RecordType.GREY),
        abstract=paragraphs(work.get("abstract") or ""),
        authors=[_author(a) for a in work.get("author") or []],
        year=year,
        date=date,
        container=plain_text(_first(work.get("container-title"))),
        publisher=work.get("publisher") or "",
        volume=str(work.get("volume") or ""),
        issue=str(work.get("issue") or ""),
        pages=str(work.get("page") or ""),
        doi=normalise_doi(work.get("DOI") or ""),
        isbn=_first(work.get("ISBN")),
        # The publisher's landing page; "URL" is only the DOI again, and the DOI is kept anyway.
        url=resource or work.get("URL") or "",
        language=language_code(work.get("language") or ""),
        concepts=[plain_text(s) for s in work.get("subject") or []],
        oa_licence=_licence(work),
    )
