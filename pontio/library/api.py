"""The library's API: list and search records with the same filters as the search page, read
one, create one, and add one by DOI. The same permission rules as the pages."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from pontio.core.paging import ApiPage
from pontio.core.permissions import person_of
from pontio.lib.records import Author, ParsedRecord, RecordType
from pontio.organisations.permissions import home_organisation

from . import selectors, services
from .lookup import LookupFailed, lookup
from .models import Record, Source, Visibility

router = Router(tags=["records"])


class AuthorOut(Schema):
    family: str
    given: str = ""
    orcid: str = ""
    openalex_id: str = ""


class RecordOut(Schema):
    id: int
    record_type: str
    title: str
    abstract: str
    authors: list[AuthorOut]
    year: int | None
    container: str
    publisher: str
    volume: str
    issue: str
    pages: str
    doi: str
    pmid: str
    pmcid: str
    openalex_id: str
    isbn: str
    url: str
    language: str
    keywords: list[str]
    topics: list[str]
    oa_status: str
    oa_url: str
    visibility: str
    created_at: datetime

    @staticmethod
    def resolve_topics(obj: Record) -> list[str]:
        return [t.slug for t in obj.topics.all()]


class RecordFound(RecordOut):
    # Why a search found it: "words" (keyword match), "meaning" (similar in meaning), or both.
    found_by: list[str]

    @staticmethod
    def resolve_found_by(obj: Record) -> list[str]:
        return list(vars(obj).get("found_by", []))


class RecordPage(Schema):
    count: int
    page: int
    results: list[RecordFound]


class RecordFilters(Schema):
    q: str = ""
    topic: list[int] = []
    type: list[str] = []
    year_from: int | None = None
    year_to: int | None = None
    open_access: bool = False
    has_file: bool = False
    collection: int | None = None
    organisation: int | None = None
    sort: str = "relevance"
    page: ApiPage = 1


class RecordIn(Schema):
    title: str
    record_type: RecordType = RecordType.ARTICLE
    abstract: str = ""
    authors: list[AuthorOut] = []
    year: int | None = None
    container: str = ""
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    url: str = ""
    keywords: list[str] = []
    language: str = ""
    visibility: Visibility = Visibility.PARTNERSHIP


class LookupIn(Schema):
    doi: str
    visibility: Visibility = Visibility.PARTNERSHIP


PAGE = 25


@router.get("", response=RecordPage)
def records_list(request: HttpRequest, filters: Query[RecordFilters]) -> dict[str, Any]:
    person = person_of(request)
    data = QueryDict(mutable=True)
    data.setlist("topic", [str(t) for t in filters.topic])
    data.setlist("type", filters.type)
    for key, value in (
        ("from", filters.year_from),
        ("to", filters.year_to),
        ("collection", filters.collection),
        ("organisation", filters.organisation),
    ):
        if value:
            data[key] = str(value)
    data["oa"] = "1" if filters.open_access else ""
    data["file"] = "1" if filters.has_file else ""
    sort = filters.sort if filters.sort in selectors.SORTS else "relevance"
    if sort == "relevance" and not filters.q.strip():
        sort = "newest"
    page = filters.page
    results = selectors.records_search(
        person=person,
        query=filters.q,
        filters=selectors.Filters.from_query(data),
        sort=sort,
        offset=(page - 1) * PAGE,
        limit=PAGE,
    )
    for record in results.records:
        why = results.reasons.get(record.pk)
        # Kept on the instance for RecordFound.resolve_found_by; not a field of the model.
        vars(record)["found_by"] = (
            [] if why is None else ["words"] * why.by_keyword + ["meaning"] * why.by_meaning
        )
    return {"count": results.total, "page": page, "results": results.records}


@router.get("/{int:record_id}", response=RecordOut)
def record_read(request: HttpRequest, record_id: int) -> Record:
    record = selectors.record_for(person_of(request), record_id)
    if record is None:
        raise HttpError(404, "No record with this id, or you may not see it.")
    return record


def _organisation(request: HttpRequest) -> Any:
    organisation = home_organisation(person_of(request))
    if organisation is None:
        raise HttpError(403, "You need to belong to an organisation to add records.")
    return organisation


@router.post("", response={201: RecordOut})
def record_create(request: HttpRequest, payload: RecordIn) -> Status[Record]:
    person = person_of(request)
    if not payload.title.strip():
        raise HttpError(422, "A record needs a title.")
    parsed = ParsedRecord(
        title=payload.title,
        record_type=payload.record_type,
        abstract=payload.abstract,
        authors=[Author(**a.dict()) for a in payload.authors],
        year=payload.year,
        container=payload.container,
        publisher=payload.publisher,
        volume=payload.volume,
        issue=payload.issue,
        pages=payload.pages,
        doi=payload.doi,
        url=payload.url,
        keywords=payload.keywords,
        language=payload.language,
    )
    try:
        record = services.record_create(
            person=person,
            organisation=_organisation(request),
            parsed=parsed,
            source=Source.MANUAL,
            visibility=payload.visibility,
        )
    except services.LibraryError as error:
        raise HttpError(409, str(error)) from None
    return Status(201, get_object_or_404(Record, pk=record.pk))


@router.post("/lookup", response={201: RecordOut})
def record_lookup(request: HttpRequest, payload: LookupIn) -> Status[Record]:
    """Look a DOI up in Crossref, OpenAlex and Unpaywall and add it to the library."""
    person = person_of(request)
    try:
        found = lookup(payload.doi)
    except LookupFailed as error:
        raise HttpError(422, str(error)) from None
    try:
        record = services.record_create(
            person=person,
            organisation=_organisation(request),
            parsed=found,
            source=Source.LOOKUP,
            visibility=payload.visibility,
        )
    except services.LibraryError as error:
        raise HttpError(409, str(error)) from None
    return Status(201, record)
