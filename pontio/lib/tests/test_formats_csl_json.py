import json
from pathlib import Path

import pytest

from pontio.lib.formats.csl_json import parse_csl_json, write_csl_json
from pontio.lib.formats.encoding import FormatError
from pontio.lib.records import Author, ParsedRecord, RecordType

FIXTURES = Path(__file__).parent / "fixtures"


def test_it_reads_a_zotero_csl_json_export() -> None:
    result = parse_csl_json((FIXTURES / "zotero-csl.json").read_text(encoding="utf-8"))
    gofal, guideline, book = result.records
    assert gofal.title == "Gofal plant yn y cartref: profiadau rhieni ym Mhen Llŷn a Thŵr y Felin"
    assert gofal.authors == [Author("Wiliams", "Siân"), Author("ap Dafydd", "Gwŷnfor")]
    assert (gofal.year, gofal.date) == (2021, "2021-03-15")
    assert (gofal.container, gofal.volume, gofal.issue, gofal.pages) == (
        "Gofal Cymdeithasol Cymru",
        "12",
        "3",
        "45-61",
    )
    assert gofal.doi == "10.1234/gcc.2021.007"
    assert (gofal.pmid, gofal.pmcid) == ("33445566", "PMC7654321")  # from Zotero's note
    assert gofal.keywords == ["gofal plant", "teuluoedd"]
    assert gofal.language == "cy"
    assert gofal.openalex_id == ""  # a Zotero id is not an OpenAlex one
    assert guideline.record_type is RecordType.GUIDELINE
    assert guideline.authors == [Author("Social Care Wales")]
    assert guideline.year == 2019
    assert (book.record_type, book.isbn, book.pmid, book.date) == (
        RecordType.BOOK,
        "9781447312345",
        "12345678",
        "2017",
    )
    assert [(p.line, p.message) for p in result.problems] == [
        (None, "Item 4 has no title, so it was skipped."),
        (None, "Item 5 has no title, so it was skipped."),
    ]


@pytest.mark.parametrize(
    ("csl_type", "kind"),
    [
        ("article-journal", RecordType.ARTICLE),
        ("paper-conference", RecordType.ARTICLE),
        ("report", RecordType.REPORT),
        ("book", RecordType.BOOK),
        ("chapter", RecordType.CHAPTER),
        ("thesis", RecordType.THESIS),
        ("dataset", RecordType.DATASET),
        ("webpage", RecordType.WEBPAGE),
        ("legislation", RecordType.POLICY),
        ("document", RecordType.GREY),
        ("manuscript", RecordType.GREY),
    ],
)
def test_it_maps_csl_types(csl_type: str, kind: RecordType) -> None:
    [record] = parse_csl_json(json.dumps([{"type": csl_type, "title": "T"}])).records
    assert record.record_type is kind


def test_it_reads_a_single_item_and_an_items_wrapper() -> None:
    assert parse_csl_json('{"title": "One"}').records[0].title == "One"
    assert parse_csl_json('{"items": [{"title": "Two"}]}').records[0].title == "Two"


def test_it_refuses_what_is_not_csl_json() -> None:
    with pytest.raises(FormatError, match="breaks on line 2"):
        parse_csl_json('[\n{"title": }]')
    with pytest.raises(FormatError, match="no list of items"):
        parse_csl_json('"just a string"')


def test_it_writes_items_zotero_reads() -> None:
    record = ParsedRecord(
        title="Domiciliary care",
        record_type=RecordType.GUIDELINE,
        authors=[Author("Social Care Wales"), Author("Evans", "Ŵyn")],
        year=2019,
        date="2019-05",
        openalex_id="W123",
        keywords=["Health, Public", "care"],
    )
    [item] = json.loads(write_csl_json([record]))
    assert item["id"] == "W123"
    assert (item["type"], item["genre"]) == ("report", "Guideline")
    assert item["author"] == [{"literal": "Social Care Wales"}, {"family": "Evans", "given": "Ŵyn"}]
    assert item["issued"] == {"date-parts": [[2019, 5]]}
    assert item["keyword"] == "Health, Public; care"
    assert "Ŵyn" in write_csl_json([record])  # UTF-8, not \u escapes
    [back] = parse_csl_json(write_csl_json([record])).records
    assert back == record
