"""OpenAlex Work objects (a downloaded file, or one API answer) turned into ParsedRecords;
`record_from_openalex_work` is shared with the OpenAlex API client."""

import json
from typing import Any

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import clean, join_pages, unique
from pontio.lib.formats.names import author_from_name
from pontio.lib.messages import _
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import Author, ParsedRecord, ParseProblem, ParseResult, RecordType

# Current OpenAlex types and the Crossref-style ones that works indexed before 2023 still carry.
_TYPES: dict[str, RecordType] = {
    **dict.fromkeys(
        (
            "article",
            "journal-article",
            "review",
            "preprint",
            "posted-content",
            "proceedings-article",
            "letter",
            "editorial",
            "erratum",
            "retraction",
        ),
        RecordType.ARTICLE,
    ),
    **dict.fromkeys(
        ("book", "monograph", "edited-book", "reference-book", "proceedings"), RecordType.BOOK
    ),
    **dict.fromkeys(
        ("book-chapter", "book-section", "book-part", "reference-entry"), RecordType.CHAPTER
    ),
    "dissertation": RecordType.THESIS,
    "dataset": RecordType.DATASET,
    "report": RecordType.REPORT,
    "report-series": RecordType.REPORT,
}


_NOT_A_WORK = _("This is not an OpenAlex work.")
_NO_TITLE = _("This OpenAlex work has no title.")
# Why record_from_openalex_work refused a work, as a whole sentence for the import report: for a
# work with its own line, and for one found by its place in a JSON array.
_SKIPPED = {
    _NOT_A_WORK: (
        _("This is not an OpenAlex work. It was skipped."),
        _("This is not an OpenAlex work. (work %(position)s in the list) It was skipped."),
    ),
    _NO_TITLE: (
        _("This OpenAlex work has no title. It was skipped."),
        _("This OpenAlex work has no title. (work %(position)s in the list) It was skipped."),
    ),
}


def parse_openalex(text: str) -> ParseResult:
    """A single Work, a JSON array of Works, an API list (`{"results": [...]}`) or JSON Lines."""
    check_not_empty(text)
    result = ParseResult()
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        _parse_lines(text, result)
        return result
    if isinstance(document, dict) and "results" in document:
        document = document["results"]
    elif isinstance(document, dict) and "error" in document and "id" not in document:
        # OpenAlex's own words, in English: they are passed on as they are.
        message = clean(str(document.get("message") or document["error"]))
        raise FormatError(
            _("This is an error message from OpenAlex, not works: %(message)s"),
            {"message": message},
        )
    works = document if isinstance(document, list) else [document]
    for index, work in enumerate(works, start=1):
        _add(work, result, line=1 if len(works) == 1 else None, position=index)
    return result


def _parse_lines(text: str, result: ParseResult) -> None:
    lines = text.split("\n")
    if not lines[0].lstrip().startswith("{"):
        raise FormatError(_("This does not look like an OpenAlex file: it is not JSON."))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            work = json.loads(line)
        except json.JSONDecodeError:
            result.problems.append(
                ParseProblem(number, _("This line is not valid JSON, so it was skipped."))
            )
            continue
        _add(work, result, line=number, position=number)


def _add(work: Any, result: ParseResult, *, line: int | None, position: int) -> None:
    try:
        record = record_from_openalex_work(work)
    except FormatError as error:
        with_line, in_list = _SKIPPED[error.template]
        if line:
            result.problems.append(ParseProblem(line, with_line))
        else:
            result.problems.append(ParseProblem(None, in_list, {"position": position}))
        return
    record.source_line = line
    result.records.append(record)


def record_from_openalex_work(work: dict[str, Any]) -> ParsedRecord:
    """One OpenAlex Work, as the API returns it; FormatError if it is not a work with a title."""
    if not isinstance(work, dict):
        raise FormatError(_NOT_A_WORK)
    title = clean(work.get("title") or work.get("display_name"))
    if not title:
        raise FormatError(_NO_TITLE)
    ids = _dict(work.get("ids"))
    primary = _dict(work.get("primary_location"))
    source = _dict(primary.get("source")) or _dict(work.get("host_venue"))
    biblio = _dict(work.get("biblio"))
    open_access = _dict(work.get("open_access"))
    best_oa = _dict(work.get("best_oa_location"))
    landing = primary.get("landing_page_url") or ""
    return ParsedRecord(
        title=title,
        record_type=_TYPES.get(str(work.get("type") or ""), RecordType.GREY),
        abstract=abstract_from_inverted_index(work.get("abstract_inverted_index")),
        authors=[a for a in map(_author, _list(work.get("authorships"))) if a is not None],
        year=_int(work.get("publication_year")),
        date=clean(work.get("publication_date")),
        container=clean(source.get("display_name")),
        publisher=clean(source.get("host_organization_name") or source.get("publisher")),
        volume=clean(biblio.get("volume")),
        issue=clean(biblio.get("issue")),
        pages=join_pages(biblio.get("first_page"), biblio.get("last_page")),
        doi=normalise_doi(work.get("doi") or ids.get("doi") or ""),
        pmid=last_part(ids.get("pmid")),
        pmcid=_pmcid(ids.get("pmcid")),
        openalex_id=last_part(work.get("id") or ids.get("openalex")),
        # A DOI link repeats the DOI; only a landing page elsewhere is worth keeping.
        url="" if "doi.org/" in landing else clean(landing),
        language=clean(work.get("language")),
        keywords=unique(_name(k, "display_name", "keyword") for k in _list(work.get("keywords"))),
        concepts=unique(
            _name(c, "display_name")
            for c in [*_list(work.get("concepts")), *_list(work.get("topics"))]
        ),
        oa_status=clean(open_access.get("oa_status")),
        oa_url=clean(open_access.get("oa_url")),
        oa_licence=clean(best_oa.get("license")),
    )


def abstract_from_inverted_index(index: Any) -> str:
    """OpenAlex stores abstracts as {word: [positions]}; put each word back in its places."""
    if not isinstance(index, dict):
        return ""
    placed: dict[int, str] = {}
    try:
        for word, positions in index.items():
            for position in positions:
                placed[int(position)] = word
    except (TypeError, ValueError):
        return ""  # not an inverted index after all
    return clean(" ".join(str(placed[p]) for p in sorted(placed)))


def _author(authorship: Any) -> Author | None:
    person = _dict(_dict(authorship).get("author"))
    name = person.get("display_name") or _dict(authorship).get("raw_author_name")
    # OpenAlex names are always "given family"; a comma in one is noise, not "family, given".
    author = author_from_name(str(name or "").replace(",", " "))
    if author is not None:
        author.orcid = last_part(person.get("orcid"))
        author.openalex_id = last_part(person.get("id"))
    return author


def _name(item: Any, *keys: str) -> str:
    if isinstance(item, str):
        return item
    data = _dict(item)
    return next((str(data[k]) for k in keys if data.get(k)), "")


def last_part(value: Any) -> str:
    """ "https://openalex.org/W123" -> "W123"; "https://orcid.org/0000-..." -> "0000-..."."""
    return clean(str(value or "")).rstrip("/").rsplit("/", 1)[-1]


def _pmcid(value: Any) -> str:
    bare = last_part(value)
    if not bare:
        return ""
    return bare if bare.upper().startswith("PMC") else f"PMC{bare}"


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
