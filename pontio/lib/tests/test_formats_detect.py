import gzip
import json
from pathlib import Path

import pytest

from pontio.lib.formats import FORMATS, detect_format, maybe_gunzip, parse, write
from pontio.lib.formats.encoding import FormatError
from pontio.lib.records import ParsedRecord

FIXTURES = Path(__file__).parent / "fixtures"
RIS = b"TY  - JOUR\nTI  - A\nER  - \n"
NBIB = b"PMID- 1\nTI  - A\n"
OPENALEX = json.dumps({"id": "https://openalex.org/W1", "title": "A", "authorships": []}).encode()
CSL = json.dumps(
    [{"type": "article-journal", "title": "A", "issued": {"date-parts": [[2020]]}}]
).encode()
XML = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>'
)


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("export.ris", RIS, "ris"),
        ("library.bib", b"@article{a, title={A}}", "bibtex"),
        ("scopus.csv", b"Title,Year\nA,2020\n", "csv"),
        ("wos.tsv", b"TI\tPY\nA\t2020\n", "csv"),
        ("pubmed-set.nbib", NBIB, "nbib"),
        ("works.jsonl", OPENALEX + b"\n" + OPENALEX, "openalex"),
        ("paper.PDF", b"%PDF-1.7\n...", "pdf"),
        # The extension cannot tell: the content does.
        ("pubmed-export.txt", NBIB, "nbib"),
        ("citations.txt", RIS, "ris"),
        ("citations.txt", b"@book{b, title={B}}", "bibtex"),
        ("work.json", OPENALEX, "openalex"),
        ("zotero.json", CSL, "csl-json"),
        ("efetch.xml", XML, "pubmed-xml"),
        ("download", b"Title;Authors\nA;B\n", "csv"),
        ("works.jsonl.gz", gzip.compress(OPENALEX, mtime=0), "openalex"),
        ("zotero.json.gz", gzip.compress(CSL, mtime=0), "csl-json"),
    ],
)
def test_it_detects_the_format(filename: str, data: bytes, expected: str) -> None:
    assert detect_format(filename, data) == expected
    assert expected in FORMATS


def test_it_refuses_an_empty_or_unknown_file() -> None:
    with pytest.raises(FormatError, match="The file is empty"):
        detect_format("empty.ris", b"  \n")
    with pytest.raises(FormatError, match="cannot tell what kind of file"):
        detect_format("notes.txt", b"Dear colleague")


def test_it_unpacks_gzip_only_when_it_is_gzip() -> None:
    assert maybe_gunzip(gzip.compress(b"hello", mtime=0)) == b"hello"
    assert maybe_gunzip(b"hello") == b"hello"
    with pytest.raises(FormatError, match="damaged"):
        maybe_gunzip(gzip.compress(b"hello", mtime=0)[:12])


def test_it_refuses_a_zip_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pontio.lib.formats.MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(FormatError, match="too large"):
        maybe_gunzip(gzip.compress(b"0" * 2000, mtime=0))


def test_it_parses_every_fixture_through_one_entry_point() -> None:
    for name, count in [
        ("zotero.ris", 3),
        ("endnote.ris", 3),
        ("zotero.bib", 5),
        ("scopus.csv", 3),
        ("pubmed.nbib", 2),
        ("zotero-csl.json", 3),
    ]:
        data = (FIXTURES / name).read_bytes()
        assert len(parse(detect_format(name, data), data).records) == count, name


def test_it_parses_gzipped_bytes_and_plain_text() -> None:
    assert parse("openalex", gzip.compress(OPENALEX, mtime=0)).records[0].openalex_id == "W1"
    assert parse("ris", RIS.decode()).records[0].title == "A"


def test_it_names_unknown_formats() -> None:
    with pytest.raises(ValueError, match="Unknown format 'docx'"):
        parse("docx", b"x")
    with pytest.raises(ValueError, match="cannot write 'pdf'"):
        write("pdf", [])
    assert write("ris", [ParsedRecord(title="A")]).startswith("TY  - JOUR")
