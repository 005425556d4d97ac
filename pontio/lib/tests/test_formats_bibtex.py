from pathlib import Path

import pytest

from pontio.lib.formats.bibtex import parse_bibtex, write_bibtex
from pontio.lib.formats.encoding import FormatError
from pontio.lib.records import Author, ParsedRecord, RecordType

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def library() -> list[ParsedRecord]:
    return parse_bibtex((FIXTURES / "zotero.bib").read_text(encoding="utf-8")).records


def test_it_reads_accents_macros_and_concatenation(library: list[ParsedRecord]) -> None:
    gofal = library[0]
    assert gofal.title == "Gofal plant yn y cartref: profiadau rhieni ym Mhen Llŷn a Thŵr y Felin"
    assert gofal.authors == [Author("Wiliams", "Siân"), Author("ap Dafydd", "Gwŷnfor")]
    assert gofal.container == "Gofal Cymdeithasol Cymru"  # @string with # concatenation
    assert (gofal.year, gofal.date) == (2021, "2021-03")  # month = mar
    assert gofal.pages == "45-61"
    assert gofal.doi == "10.1234/gcc.2021.007"
    assert gofal.keywords == ["gofal plant", "teuluoedd"]
    assert gofal.language == "cy"
    assert gofal.source_line == 5


def test_it_reads_both_name_orders_and_organisations(library: list[ParsedRecord]) -> None:
    chapter = library[1]
    assert chapter.authors == [
        Author("Smith", "John"),
        Author("Müller", "Jörg"),
        Author("van Beethoven", "Ludwig"),
        Author("World Health Organization"),
    ]
    assert chapter.title == "Risk in child protection: études — and nested braces 50% & more"
    assert chapter.record_type is RecordType.CHAPTER
    assert chapter.container == "Handbook of child protection practice"
    assert chapter.publisher == "SAGE Publications"
    assert (chapter.year, chapter.date, chapter.pages) == (2015, "2015-04", "101-120")


def test_it_maps_entry_types(library: list[ParsedRecord]) -> None:
    kinds = [(r.title.split(":")[0], r.record_type) for r in library]
    assert kinds == [
        ("Gofal plant yn y cartref", RecordType.ARTICLE),
        ("Risk in child protection", RecordType.CHAPTER),
        ("Domiciliary care workforce in Wales", RecordType.GUIDELINE),
        ("Kinship care in rural Wales", RecordType.THESIS),
        ("Safeguarding adults", RecordType.BOOK),
    ]
    assert library[2].url == "https://socialcare.wales/research/domiciliary_care"
    assert library[2].publisher == "Social Care Wales"
    assert library[4].isbn == "9781447312345"


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("inproceedings", RecordType.ARTICLE),
        ("mastersthesis", RecordType.THESIS),
        ("online", RecordType.WEBPAGE),
        ("misc", RecordType.GREY),
        ("dataset", RecordType.DATASET),
        ("report", RecordType.REPORT),
    ],
)
def test_it_maps_other_entry_types(entry: str, kind: RecordType) -> None:
    [record] = parse_bibtex(f"@{entry}{{k, title = {{T}}}}").records
    assert record.record_type is kind


def test_it_turns_latex_into_unicode() -> None:
    text = r"""@article{k,
        title = {\'e {\"o} \^{w} \^y \~n \c{c} {\ss} \'{\i} a--b a---b a~b ``q''},
        author = {{\O}stergaard, S{\o}ren and D\'{\i}az, Mar\'ia}}"""
    [record] = parse_bibtex(text).records
    assert record.title == "é ö ŵ ŷ ñ ç ß í a–b a—b a b “q”"
    assert record.authors == [Author("Østergaard", "Søren"), Author("Díaz", "María")]


def test_it_reads_parentheses_quotes_and_bare_numbers() -> None:
    text = '@Article(k,\n  Title = "A {"}quoted{"} title",\n  YEAR = 1999,\n  month = 11\n)'
    [record] = parse_bibtex(text).records
    assert (record.title, record.year, record.date) == ('A "quoted" title', 1999, "1999-11")


def test_it_reports_bad_entries_with_line_numbers_and_reads_the_rest(
    library: list[ParsedRecord],
) -> None:
    result = parse_bibtex((FIXTURES / "zotero.bib").read_text(encoding="utf-8"))
    assert [(p.line, p.message) for p in result.problems] == [
        (42, "This entry is not closed: a brace may be missing. This entry was skipped."),
        (55, 'The entry "nottitle" has no title, so it was skipped.'),
    ]
    assert len(result.records) == 5


def test_it_reports_a_missing_equals_sign_at_its_line() -> None:
    text = "@article{a,\n  title = {Good}\n}\n@article{b,\n  title {Bad}\n}\n@misc{c, title={Fine}}"
    result = parse_bibtex(text)
    assert [r.title for r in result.records] == ["Good", "Fine"]
    assert result.problems[0].line == 5
    assert '"title" has no "="' in result.problems[0].message


def test_it_reports_an_undefined_abbreviation() -> None:
    result = parse_bibtex("@article{a, title = {T}, journal = jchildcare}")
    assert result.records[0].container == "jchildcare"
    assert "jchildcare" in result.problems[0].message


def test_it_ignores_comments_and_preambles() -> None:
    text = '@comment{jabref-meta: x}\n@preamble{"\\newcommand"}\n@article{a, title={Only}}'
    assert [r.title for r in parse_bibtex(text).records] == ["Only"]


def test_it_refuses_a_file_that_is_not_bibtex() -> None:
    with pytest.raises(FormatError, match="does not look like a BibTeX file"):
        parse_bibtex("TY  - JOUR\nER  - \n")


def test_it_writes_unique_keys_and_escapes_special_characters() -> None:
    record = ParsedRecord(
        title="Costs of 50% & more: {care} for £5 -- a_b #1 ~ ^ \\ ``q''",
        authors=[Author("Evans", "Ŵyn"), Author("Johnson and Johnson")],
        year=2020,
        keywords=["Health, Public", "care"],
    )
    text = write_bibtex([record, record, record])
    assert text.count("@article{evans2020costs,") == 1
    assert "@article{evans2020costsa," in text and "@article{evans2020costsb," in text
    assert r"title = {Costs of 50\% \& more: \{care\} for £5 -{}- a\_b \#1" in text
    assert "author = {Evans, Ŵyn and {Johnson and Johnson}}" in text
    records = parse_bibtex(text).records
    assert records[0].title == record.title
    assert records[0].authors == record.authors
    assert records[0].keywords == record.keywords


def test_it_round_trips_every_record_type() -> None:
    for kind in RecordType:
        [back] = parse_bibtex(write_bibtex([ParsedRecord(title="T", record_type=kind)])).records
        assert back.record_type is kind
