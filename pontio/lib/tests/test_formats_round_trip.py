"""What Pontio writes, Pontio reads back unchanged, and so do the common parsers (rispy,
bibtexparser). Records come from the real OpenAlex sample, plus a few made to be awkward."""

import dataclasses
from collections.abc import Callable
from typing import Any

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from pylatexenc.latex2text import LatexNodes2Text

from pontio.lib.formats import parse, write
from pontio.lib.records import Author, ParsedRecord, RecordType
from pontio.lib.tests.test_formats_openalex import openalex_sample

# What each format has no place for, so cannot give back; everything else must survive.
# No format here carries authors' ORCIDs or OpenAlex ids: authors are compared by their names.
NOT_CARRIED: dict[str, set[str]] = {
    "ris": {"concepts", "openalex_id", "oa_status", "oa_url", "oa_licence"},
    "bibtex": {"concepts", "oa_status", "oa_url", "oa_licence"},
    "csv": set(),
    "csl-json": {"concepts", "oa_status", "oa_url", "oa_licence"},
}


def awkward_records() -> list[ParsedRecord]:
    welsh = ParsedRecord(
        title="Gofal plant yn y cartref: Llŷn, Tŵr & 50% o'r “teuluoedd” -- {braces} a_b #1 ~ ^ \\",
        record_type=RecordType.GUIDELINE,
        abstract="Paragraff cyntaf: gŵr a thŷ.\nAil baragraff, 100% & $5.",
        authors=[
            Author("ap Dafydd", "Gwŷnfor"),
            Author("Social Care Wales"),
            Author("van der Berg", "Jan"),
        ],
        year=2021,
        date="2021-03-15",
        container="Gofal Cymdeithasol Cymru",
        publisher="Social Care Wales",
        volume="12",
        issue="3",
        pages="e1001-e1010",
        doi="10.1234/gcc.2021.007",
        pmid="33445566",
        pmcid="PMC7654321",
        openalex_id="W123",
        isbn="9781912345678",
        url="https://example.org/gofal?plant=1&iaith=cy",
        language="cy",
        keywords=["gofal plant", "Health, Public"],
        concepts=["Social care"],
        oa_status="gold",
        oa_url="https://example.org/gofal.pdf",
        oa_licence="cc-by",
    )
    others = [
        ParsedRecord(
            title=f"A {kind.value} about care",
            record_type=kind,
            year=2000 + number,
            date=str(2000 + number),  # the parsers fill the date from the year
        )
        for number, kind in enumerate(RecordType)
    ]
    return [welsh, *others]


def sample_records() -> list[ParsedRecord]:
    records = [dataclasses.replace(r) for r in openalex_sample(200)]
    for record in records:
        record.keywords = record.concepts[:4]  # the 2022 sample has no keywords of its own
    return records


def carried(record: ParsedRecord, file_format: str) -> dict[str, Any]:
    fields = dataclasses.asdict(record)
    fields["authors"] = [(a["family"], a["given"]) for a in fields["authors"]]
    for name in {"source_line"} | NOT_CARRIED[file_format]:
        fields.pop(name)
    return fields


def csv_mapping(text: str) -> dict[str, str]:
    from pontio.lib.formats.csv_format import csv_columns, guess_mapping

    return guess_mapping(csv_columns(text))


@pytest.mark.parametrize("file_format", sorted(NOT_CARRIED))
@pytest.mark.parametrize(
    "source", [sample_records, awkward_records], ids=["openalex-sample", "awkward"]
)
def test_it_reads_back_what_it_writes(
    file_format: str, source: Callable[[], list[ParsedRecord]]
) -> None:
    records = source()
    text = write(file_format, records)
    mapping = csv_mapping(text) if file_format == "csv" else None
    result = parse(file_format, text.encode("utf-8"), csv_mapping=mapping)
    assert result.problems == []
    assert len(result.records) == len(records)
    for written, read in zip(records, result.records, strict=True):
        assert carried(read, file_format) == carried(written, file_format)


def test_the_sample_round_trip_is_not_trivial() -> None:
    records = sample_records()
    assert len(records) == 200
    for name in ("abstract", "doi", "volume", "issue", "pages", "keywords", "pmid", "oa_status"):
        assert sum(bool(getattr(r, name)) for r in records) > 20, name
    assert sum(len(r.authors) for r in records) > 500


def test_rispy_reads_what_pontio_writes() -> None:
    records = sample_records() + awkward_records()
    entries = rispy.loads(write("ris", records))
    assert len(entries) == len(records)
    for record, entry in zip(records, entries, strict=True):
        assert entry["title"] == record.title
        assert entry.get("authors", []) == [
            f"{a.family}, {a.given}" if a.given else a.family for a in record.authors
        ]
        assert entry.get("year") == (str(record.year) if record.year else None)
        assert entry.get("doi", "") == record.doi


def decode(parts: list[str]) -> str:
    return LatexNodes2Text().latex_to_text(" ".join(parts))


def test_bibtexparser_reads_what_pontio_writes() -> None:
    # Abstracts are left out: bibtexparser's LaTeX decoding is slow on long text, and they are
    # not what this test is about. Its decoder (pylatexenc) turns \textasciicircum into "ˆ".
    records = [
        dataclasses.replace(r, abstract="", title=r.title.replace(" ^", ""))
        for r in sample_records()[:100] + awkward_records()
    ]
    library = bibtexparser.parse_string(
        write("bibtex", records),
        # Names are split before decoding, so that a braced organisation stays one name.
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    assert library.failed_blocks == []
    assert len(library.entries) == len(records)
    assert len({entry.key for entry in library.entries}) == len(records)
    for record, entry in zip(records, library.entries, strict=True):
        fields = {field.key: field.value for field in entry.fields}
        names = [(decode(n.von + n.last), decode(n.first + n.jr)) for n in fields.get("author", [])]
        assert fields["title"] == record.title
        assert names == [(a.family, a.given) for a in record.authors]
        assert fields.get("year") == (str(record.year) if record.year else None)
        assert fields.get("doi", "") == record.doi
