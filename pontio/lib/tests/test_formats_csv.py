import csv
import io
from pathlib import Path

import pytest

from pontio.lib.formats import parse
from pontio.lib.formats.csv_format import csv_columns, guess_mapping, parse_csv, write_csv
from pontio.lib.formats.encoding import FormatError, decode
from pontio.lib.records import Author, ParsedRecord, RecordType

FIXTURES = Path(__file__).parent / "fixtures"


def scopus_text() -> str:
    return decode((FIXTURES / "scopus.csv").read_bytes())[0]


def test_it_guesses_the_scopus_columns() -> None:
    mapping = guess_mapping(csv_columns(scopus_text()))
    assert mapping == {
        "Author full names": "authors",  # full names beat "Authors" (initials only)
        "Title": "title",
        "Year": "year",
        "Source title": "container",
        "Volume": "volume",
        "Issue": "issue",
        "Page start": "page_start",
        "Page end": "page_end",
        "DOI": "doi",
        "Link": "url",
        "Abstract": "abstract",
        "Author Keywords": "keywords",
        "Index Keywords": "concepts",
        "Language of Original Document": "language",
        "Document Type": "record_type",
        "PubMed ID": "pmid",
        "ISBN": "isbn",
        "Publisher": "publisher",
    }


def test_it_reads_a_scopus_export_counting_rows_as_a_spreadsheet_does() -> None:
    text = scopus_text()
    result = parse_csv(text, guess_mapping(csv_columns(text)))
    rayyan, gofal, kinship = result.records
    # Row 2's abstract spans two lines of the file, yet the next record is row 3.
    assert [r.source_line for r in result.records] == [2, 3, 5]
    assert [(p.line, p.message) for p in result.problems] == [
        (4, "This row has no title, so it was skipped.")
    ]
    assert rayyan.authors[0] == Author("Ouzzani", "Mourad")  # Scopus's id in brackets dropped
    assert len(rayyan.authors) == 4
    assert (rayyan.year, rayyan.container, rayyan.volume, rayyan.issue) == (
        2016,
        "Systematic Reviews",
        "5",
        "1",
    )
    assert rayyan.abstract.endswith("\nWe developed Rayyan, a free web and mobile app.")
    assert rayyan.keywords == ["Evidence-based medicine", "Systematic reviews", "Automation"]
    assert rayyan.concepts == ["article", "human", "systematic review"]
    assert (rayyan.doi, rayyan.pmid, rayyan.language) == (
        "10.1186/s13643-016-0384-4",
        "27919275",
        "en",
    )
    assert gofal.title == "Gofal plant yn y cartref: profiadau rhieni ym Mhen Llŷn"
    assert gofal.authors == [Author("Wiliams", "Siân")]
    assert (gofal.pages, gofal.language, gofal.record_type) == ("45-61", "cy", RecordType.CHAPTER)
    assert gofal.isbn == "978-1-912345-67-8"
    assert (kinship.record_type, kinship.publisher) == (RecordType.ARTICLE, "SAGE")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_it_sniffs_the_delimiter(delimiter: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerows(
        [["Title", "Authors", "Publication Year"], ["A study", "Smith, John; Jones, Ann", "2020"]]
    )
    text = out.getvalue()
    columns = csv_columns(text)
    assert columns == ["Title", "Authors", "Publication Year"]
    [record] = parse_csv(text, guess_mapping(columns)).records
    assert record.authors == [Author("Smith", "John"), Author("Jones", "Ann")]
    assert record.year == 2020


@pytest.mark.parametrize(
    ("cell", "authors"),
    [
        (
            "Pier Mannuccio Mannucci; Maria Elisa Mancuso",
            [("Mannucci", "Pier Mannuccio"), ("Mancuso", "Maria Elisa")],
        ),
        ("Smith J., Jones A.B.", [("Smith", "J."), ("Jones", "A.B.")]),
        ("Deshaies, Raymond J.", [("Deshaies", "Raymond J.")]),
        ("Ann Smith and Ludwig van Beethoven", [("Smith", "Ann"), ("van Beethoven", "Ludwig")]),
        (
            "Markus Ralser, Gino Heeren, Mark Breitenbach",
            [("Ralser", "Markus"), ("Heeren", "Gino"), ("Breitenbach", "Mark")],
        ),
        ("Social Care Wales,", [("Social Care Wales", "")]),
    ],
)
def test_it_splits_authors_in_the_forms_spreadsheets_use(
    cell: str, authors: list[tuple[str, str]]
) -> None:
    text = f'Title,Author(s)\nT,"{cell}"\n'
    [record] = parse_csv(text, guess_mapping(csv_columns(text))).records
    assert [(a.family, a.given) for a in record.authors] == authors


def test_it_reads_a_synergy_screening_set_header() -> None:
    columns = [
        "openalex_id",
        "doi",
        "title",
        "abstract",
        "year",
        "authors",
        "concepts",
        "label_included",
    ]
    assert guess_mapping(columns) == {
        "openalex_id": "openalex_id",
        "doi": "doi",
        "title": "title",
        "abstract": "abstract",
        "year": "year",
        "authors": "authors",
        "concepts": "concepts",
    }
    text = (
        ",".join(columns)
        + "\nhttps://openalex.org/W1,https://doi.org/10.1000/X,T,,2016,A B,C; D,1\n"
    )
    [record] = parse_csv(text, guess_mapping(columns)).records
    assert (record.openalex_id, record.doi, record.concepts) == ("W1", "10.1000/x", ["C", "D"])


def test_it_needs_a_title_column_and_known_fields() -> None:
    with pytest.raises(FormatError, match="No column holds the title"):
        parse_csv("Name,Year\nx,2020\n", {"Year": "year"})
    with pytest.raises(ValueError, match="colour"):
        parse_csv("Title\nx\n", {"Title": "title", "Colour": "colour"})
    with pytest.raises(FormatError, match="The file is empty"):
        csv_columns("")


def test_it_writes_a_header_that_maps_back_completely() -> None:
    text = write_csv([])
    columns = csv_columns(text)
    assert set(guess_mapping(columns)) == set(columns)
    assert len(set(guess_mapping(columns).values())) == len(columns)


def test_it_guards_cells_that_a_spreadsheet_would_run_as_formulas() -> None:
    record = ParsedRecord(title='=HYPERLINK("http://evil")', abstract="-1 is a number", year=2020)
    text = write_csv([record])
    assert "'=HYPERLINK" in text and "'-1 is" in text
    [back] = parse("csv", text.encode("utf-8")).records
    assert (back.title, back.abstract) == (record.title, record.abstract)


def test_it_round_trips_organisations_and_every_record_type() -> None:
    records = [
        ParsedRecord(title=f"T {kind}", record_type=kind, authors=[Author("Social Care Wales")])
        for kind in RecordType
    ]
    back = parse("csv", write_csv(records)).records
    assert [(r.record_type, r.authors) for r in back] == [
        (r.record_type, r.authors) for r in records
    ]
