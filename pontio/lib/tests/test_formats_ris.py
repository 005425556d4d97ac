from pathlib import Path

import pytest

from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.ris import parse_ris, write_ris
from pontio.lib.records import Author, ParsedRecord, ParseProblem, RecordType

FIXTURES = Path(__file__).parent / "fixtures"


def test_it_reads_a_zotero_export_with_welsh_letters() -> None:
    result = parse_ris((FIXTURES / "zotero.ris").read_text(encoding="utf-8"))
    assert result.problems == []
    gofal, review, book = result.records
    assert gofal.title == "Gofal plant yn y cartref: profiadau rhieni ym Mhen Llŷn a Thŵr y Felin"
    assert gofal.authors == [Author("Wiliams", "Siân"), Author("ap Dafydd", "Gwŷnfor")]
    assert gofal.record_type is RecordType.ARTICLE
    assert (gofal.year, gofal.date) == (2021, "2021-03-15")
    assert gofal.container == "Gofal Cymdeithasol Cymru"
    assert (gofal.volume, gofal.issue, gofal.pages) == ("12", "3", "45-61")
    assert gofal.doi == "10.1234/gcc.2021.007"
    assert gofal.language == "cy"
    assert gofal.keywords == ["gofal plant", "teuluoedd"]
    assert gofal.isbn == ""  # an ISSN is not an ISBN
    assert gofal.url == "https://example.org/gofal-plant"
    assert gofal.abstract == (
        "Mae'r astudiaeth hon yn edrych ar ofal plant yn y cartref.\n"
        "Mae'r ail baragraff yn sôn am y tŷ a'r gŵr."
    )
    assert gofal.source_line == 1
    assert review.record_type is RecordType.GUIDELINE
    assert review.publisher == "Social Care Wales"
    assert review.isbn == "9781912345678"
    assert review.keywords == ["workforce", "domiciliary care"]
    assert review.authors[1] == Author("Evans", "R. T.")
    assert (book.record_type, book.year, book.date, book.language) == (
        RecordType.BOOK,
        2017,
        "2017",
        "en",
    )


def test_it_reads_an_endnote_export_with_its_own_tags() -> None:
    text = (FIXTURES / "endnote.ris").read_bytes().decode("utf-8").replace("\r\n", "\n")
    result = parse_ris(text)
    assert result.problems == []
    article, chapter, thesis = result.records
    assert article.title == "Is cryopreservation a homogeneous process?"
    assert article.container == "Cryobiology"
    assert (article.year, article.date) == (2001, "2001-06-01")
    assert article.pages == "244-255"
    assert article.abstract == "This study subdivides the cryopreservation procedure."
    assert (article.pmid, article.pmcid) == ("11748933", "PMC1234567")
    assert article.doi == "10.1006/cryo.2001.2328"  # EndNote kept it in M3
    assert article.language == "en"
    assert chapter.record_type is RecordType.CHAPTER
    assert chapter.authors == [Author("Smith", "John")]  # A2 are the book's editors
    assert chapter.container == "Handbook of child protection practice"
    assert chapter.pmid == "26543210"
    assert (thesis.record_type, thesis.publisher) == (RecordType.THESIS, "Bangor University")


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("JOUR", RecordType.ARTICLE),
        ("JFULL", RecordType.ARTICLE),
        ("EJOUR", RecordType.ARTICLE),
        ("RPRT", RecordType.REPORT),
        ("BOOK", RecordType.BOOK),
        ("CHAP", RecordType.CHAPTER),
        ("THES", RecordType.THESIS),
        ("DATA", RecordType.DATASET),
        ("ELEC", RecordType.WEBPAGE),
        ("WEB", RecordType.WEBPAGE),
        ("GOVDOC", RecordType.POLICY),
        ("STAT", RecordType.POLICY),
        ("BILL", RecordType.POLICY),
        ("GEN", RecordType.GREY),
        ("UNPB", RecordType.GREY),
        ("MANSCPT", RecordType.GREY),
        ("SOUND", RecordType.GREY),
    ],
)
def test_it_maps_ris_types(code: str, kind: RecordType) -> None:
    [record] = parse_ris(f"TY  - {code}\nTI  - A title\nER  - \n").records
    assert record.record_type is kind


def test_it_reports_a_bad_entry_with_its_line_and_reads_the_others() -> None:
    text = "\n".join(
        [
            "TY  - JOUR",  # 1
            "TI  - First good entry",
            "ER  - ",
            "",
            "TY  - JOUR",  # 5: no title
            "AU  - Smith, John",
            "ER  - ",
            "AU  - Jones, Ann",  # 8: fields with no TY before them
            "TI  - Orphaned fields",
            "ER  - ",
            "this line is garbage",  # 11
            "TY  - RPRT",  # 12
            "TI  - Last good entry",
            "ER  - ",
        ]
    )
    result = parse_ris(text)
    assert [r.title for r in result.records] == ["First good entry", "Last good entry"]
    assert [r.source_line for r in result.records] == [1, 12]
    assert [p.line for p in result.problems] == [5, 8, 11]
    assert "no title" in result.problems[0].message
    assert "no TY" in result.problems[1].message
    assert "this line is garbage" in result.problems[2].message


def test_it_keeps_an_entry_whose_er_line_is_missing() -> None:
    result = parse_ris("TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n")
    assert [r.title for r in result.records] == ["One", "Two"]


def test_it_reads_one_space_before_the_hyphen_and_a_header_before_the_first_entry() -> None:
    text = "Provider: Example Database\nTY - JOUR\nTI - Loose spacing\nPY - 2003\nER -\n"
    result = parse_ris(text)
    assert result.problems == []
    assert (result.records[0].title, result.records[0].year) == ("Loose spacing", 2003)


def test_it_refuses_a_file_that_is_not_ris() -> None:
    with pytest.raises(FormatError, match="does not look like a RIS file"):
        parse_ris("@article{x, title={Not RIS}}")
    with pytest.raises(FormatError, match="The file is empty"):
        parse_ris("\n \n")


def test_it_writes_what_it_reads() -> None:
    record = ParsedRecord(
        title="Gofal plant: Llŷn a Thŵr",
        record_type=RecordType.GUIDELINE,
        abstract="First paragraph.\nSecond paragraph.",
        authors=[Author("ap Dafydd", "Gwŷnfor"), Author("Social Care Wales")],
        year=2021,
        date="2021-03",
        container="Gofal Cymdeithasol Cymru",
        publisher="Social Care Wales",
        volume="12",
        issue="3",
        pages="45-61",
        doi="10.1234/gcc.2021.007",
        pmid="123",
        pmcid="PMC456",
        isbn="9781912345678",
        url="https://example.org",
        language="cy",
        keywords=["gofal plant", "Health, Public"],
    )
    text = write_ris([record])
    assert text.startswith("TY  - RPRT\nTI  - Gofal plant: Llŷn a Thŵr\nAU  - ap Dafydd, Gwŷnfor\n")
    assert text.endswith("ER  - \n\n")
    [back] = parse_ris(text).records
    record.source_line = 1
    assert back == record


def test_it_reports_nothing_for_an_empty_list() -> None:
    assert write_ris([]) == ""
    assert ParseProblem(1, "x") == ParseProblem(1, "x")
