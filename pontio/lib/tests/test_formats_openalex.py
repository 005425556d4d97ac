import gzip
import json
from functools import cache
from pathlib import Path

import pytest

from pontio.lib.formats import parse
from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.openalex import parse_openalex, record_from_openalex_work
from pontio.lib.records import Author, ParsedRecord, RecordType

SHARED_DATA = Path(__file__).resolve().parents[3] / "../shared/data"
SAMPLE = SHARED_DATA / "openalex/works-sample.jsonl.gz"
PLOS_WORK = SHARED_DATA / "api-responses/openalex_work_doi_10.1371_journal.pone.0000030.json"
CURSOR_PAGE = SHARED_DATA / "api-responses/openalex_works_filter_cites_cursor_page1.json"
ERROR_400 = SHARED_DATA / "api-responses/openalex_error_400_invalid_filter.json"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} is not here: shared test data lives in ../shared/data")
    return path


@cache
def _sample_result() -> tuple[list[ParsedRecord], int]:
    result = parse_openalex(gzip.decompress(SAMPLE.read_bytes()).decode("utf-8"))
    return result.records, len(result.problems)


def openalex_sample(limit: int | None = None) -> list[ParsedRecord]:
    """The real OpenAlex sample, parsed once per test run (it is 2,729 works)."""
    need(SAMPLE)
    return _sample_result()[0][:limit]


def test_it_reads_the_whole_real_sample() -> None:
    records = openalex_sample()
    problems = _sample_result()[1]
    assert len(records) + problems == 2729
    assert problems == 4  # four works in the sample have no title
    assert all(r.title and r.openalex_id.startswith("W") for r in records)
    assert sum(bool(r.abstract) for r in records) > 2000
    assert sum(bool(r.doi) for r in records) > 2500
    assert all(r.doi == r.doi.lower() and not r.doi.startswith("http") for r in records)
    assert {r.record_type for r in records} <= {
        RecordType.ARTICLE,
        RecordType.CHAPTER,
        RecordType.GREY,
    }
    assert sum(a.orcid != "" for r in records for a in r.authors) > 1000


def test_it_reads_the_first_work_of_the_sample_in_full() -> None:
    rayyan = openalex_sample(1)[0]
    assert rayyan.title == "Rayyan—a web and mobile app for systematic reviews"
    assert rayyan.authors[:2] == [
        Author("Ouzzani", "Mourad", openalex_id="A4350645525"),
        Author("Hammady", "Hossam M.", openalex_id="A4334166176"),
    ]
    assert (rayyan.year, rayyan.date) == (2016, "2016-12-05")
    assert (rayyan.container, rayyan.publisher) == (
        "Systematic Reviews",
        "Springer Science+Business Media",
    )
    assert (rayyan.volume, rayyan.issue, rayyan.pages) == ("5", "1", "")
    assert (rayyan.doi, rayyan.pmid, rayyan.pmcid) == (
        "10.1186/s13643-016-0384-4",
        "27919275",
        "PMC5139140",
    )
    assert rayyan.openalex_id == "W2560438049"
    assert rayyan.abstract.startswith("Synthesis of multiple randomized controlled trials (RCTs)")
    assert (rayyan.oa_status, rayyan.oa_licence) == ("gold", "cc-by")
    assert rayyan.oa_url.endswith("10.1186/s13643-016-0384-4")
    assert rayyan.concepts[:3] == ["Usability", "Medicine", "Systematic review"]
    assert rayyan.url == ""  # its landing page is only the DOI link


def test_it_reads_a_recorded_api_work() -> None:
    work = json.loads(need(PLOS_WORK).read_text(encoding="utf-8"))
    record = record_from_openalex_work(work)
    assert record.openalex_id == "W1982728624"
    assert record.doi == "10.1371/journal.pone.0000030"
    assert record.pmid == "17183658"
    assert record.authors[0] == Author(
        "Ralser", "Markus", orcid="0000-0001-9535-7413", openalex_id="A5070892021"
    )
    assert sum(bool(a.orcid) for a in record.authors) == 2
    assert record.record_type is RecordType.ARTICLE
    assert (record.container, record.volume, record.issue, record.pages) == (
        "PLoS ONE",
        "1",
        "1",
        "e30",
    )
    assert record.language == "en"
    assert record.keywords[:2] == ["Triosephosphate isomerase", "Enzyme"]
    assert "Erythrocyte Function and Pathophysiology" in record.concepts  # a topic
    assert (record.oa_status, record.oa_licence) == ("gold", "cc-by")
    assert record.abstract
    # The file itself, through the format's front door, gives the same record.
    [same] = parse("openalex", PLOS_WORK.read_bytes()).records
    assert same.title == record.title and same.source_line == 1


def test_it_reads_an_api_list_response_and_a_json_array() -> None:
    page = need(CURSOR_PAGE).read_text(encoding="utf-8")
    listed = parse_openalex(page).records
    assert len(listed) == 5
    array = json.dumps(json.loads(page)["results"])
    assert parse_openalex(array).records == listed


def test_it_refuses_an_openalex_error_body() -> None:
    with pytest.raises(FormatError, match="error message from OpenAlex"):
        parse_openalex(need(ERROR_400).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("openalex_type", "kind"),
    [
        ("article", RecordType.ARTICLE),
        ("review", RecordType.ARTICLE),
        ("preprint", RecordType.ARTICLE),
        ("book", RecordType.BOOK),
        ("book-chapter", RecordType.CHAPTER),
        ("dissertation", RecordType.THESIS),
        ("dataset", RecordType.DATASET),
        ("report", RecordType.REPORT),
        ("other", RecordType.GREY),
        ("paratext", RecordType.GREY),
    ],
)
def test_it_maps_openalex_types(openalex_type: str, kind: RecordType) -> None:
    record = record_from_openalex_work({"title": "T", "type": openalex_type})
    assert record.record_type is kind


def test_it_rebuilds_an_abstract_from_its_inverted_index() -> None:
    work = {
        "title": "T",
        "abstract_inverted_index": {"care": [1, 4], "Social": [0], "is": [2], "good": [3]},
    }
    assert record_from_openalex_work(work).abstract == "Social care is good care"


def test_it_reports_bad_json_lines_and_works_without_titles() -> None:
    text = (
        '{"id": "https://openalex.org/W1", "title": "One"}\n'
        '{broken\n{"id": "W3"}\n\n{"title": "Four"}\n'
    )
    result = parse_openalex(text)
    assert [(r.title, r.source_line) for r in result.records] == [("One", 1), ("Four", 5)]
    assert [p.line for p in result.problems] == [2, 3]
    assert "not valid JSON" in result.problems[0].message
    assert "no title" in result.problems[1].message


def test_it_refuses_a_file_that_is_not_json() -> None:
    with pytest.raises(FormatError, match="not JSON"):
        parse_openalex("TY  - JOUR\n")
    with pytest.raises(FormatError, match="not an OpenAlex work"):
        record_from_openalex_work([])  # type: ignore[arg-type]
