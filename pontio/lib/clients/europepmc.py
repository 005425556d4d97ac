"""Europe PMC's search: biomedical literature (PubMed, PMC, preprints) as ParsedRecords, with
cursor paging."""

import re
from typing import Any, Literal

from pontio.lib.clients._text import language_code, licence_code, paragraphs, plain_text
from pontio.lib.clients.base import ServiceClient, bare_orcid
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import Author, ParsedRecord, RecordType

_INITIALS = re.compile(r"^[A-Z]{1,4}$")


class EuropePmcClient(ServiceClient):
    service = "Europe PMC"
    base_url = "https://www.ebi.ac.uk/europepmc/webservices/rest"

    def search(
        self,
        query: str,
        page_size: int = 25,
        cursor: str = "*",
        result_type: Literal["core", "lite"] = "core",
    ) -> tuple[list[ParsedRecord], str | None]:
        """One page of results and the cursor for the next page (None after the last page).
        "core" brings abstracts, full author names and ORCIDs; "lite" is smaller and faster."""
        body = self.get_json(
            "/search",
            params={
                "query": query,
                "resultType": result_type,
                "pageSize": str(page_size),
                "cursorMark": cursor,
                "format": "json",
            },
            missing="Europe PMC's search could not be found.",
        )
        results = (body.get("resultList") or {}).get("result") or []
        next_cursor = body.get("nextCursorMark") or None
        # On the last page Europe PMC hands back the cursor it was given.
        if not results or next_cursor == cursor:
            next_cursor = None
        return [record_from_europepmc(r) for r in results], next_cursor


def _authors(result: dict[str, Any]) -> list[Author]:
    listed = (result.get("authorList") or {}).get("author")
    if listed is not None:
        return [
            Author(
                family=a.get("lastName") or a.get("collectiveName") or a.get("fullName") or "",
                given=a.get("firstName") or a.get("initials") or "",
                orcid=bare_orcid((a.get("authorId") or {}).get("value") or "")
                if (a.get("authorId") or {}).get("type") == "ORCID"
                else "",
            )
            for a in listed
        ]
    # "lite" results only have "Schoenfeld JD, Haas-Kogan DA, O'Neill AF."
    authors = []
    for name in (result.get("authorString") or "").rstrip(".").split(", "):
        family, _, initials = name.strip().rpartition(" ")
        if family and _INITIALS.match(initials):
            authors.append(Author(family=family, given=initials))
        elif name.strip():
            authors.append(Author(family=name.strip()))  # a group: "GBD 2019 Collaborators"
    return authors


def _record_type(result: dict[str, Any]) -> RecordType:
    kinds = " ".join((result.get("pubTypeList") or {}).get("pubType") or [])
    kinds = f"{kinds} {result.get('pubType') or ''}".lower()
    if "guideline" in kinds:
        return RecordType.GUIDELINE
    if result.get("source") == "ETH":  # EThOS theses
        return RecordType.THESIS
    if "book" in kinds or result.get("source") == "NBK":  # NCBI Bookshelf
        return RecordType.BOOK
    return RecordType.ARTICLE


def _open_copy(result: dict[str, Any]) -> str:
    for link in (result.get("fullTextUrlList") or {}).get("fullTextUrl") or []:
        if link.get("availabilityCode") == "OA":
            return str(link.get("url") or "")
    return ""


def _title(value: str) -> str:
    # MEDLINE ends every title with a full stop; Crossref and OpenAlex do not.
    title = plain_text(value)
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def record_from_europepmc(result: dict[str, Any]) -> ParsedRecord:
    journal_info = result.get("journalInfo") or {}
    year_text = str(result.get("pubYear") or journal_info.get("yearOfPublication") or "")
    year = int(year_text) if year_text.isdecimal() else None
    month = journal_info.get("monthOfPublication")
    date = f"{year}-{int(month):02d}" if year and month else year_text
    is_open = result.get("isOpenAccess") == "Y"
    return ParsedRecord(
        title=_title(result.get("title") or ""),
        record_type=_record_type(result),
        abstract=paragraphs(result.get("abstractText") or ""),
        authors=_authors(result),
        year=year,
        date=date,
        container=(journal_info.get("journal") or {}).get("title")
        or result.get("journalTitle")
        or "",
        volume=str(journal_info.get("volume") or result.get("journalVolume") or ""),
        issue=str(journal_info.get("issue") or result.get("issue") or ""),
        pages=str(result.get("pageInfo") or ""),
        doi=normalise_doi(result.get("doi") or ""),
        pmid=str(result.get("pmid") or ""),
        pmcid=str(result.get("pmcid") or ""),
        language=language_code(result.get("language") or ""),
        keywords=list((result.get("keywordList") or {}).get("keyword") or []),
        concepts=[
            heading.get("descriptorName") or ""
            for heading in (result.get("meshHeadingList") or {}).get("meshHeading") or []
        ],
        oa_url=_open_copy(result) if is_open else "",
        oa_licence=licence_code(result.get("license") or "") if is_open else "",
    )
