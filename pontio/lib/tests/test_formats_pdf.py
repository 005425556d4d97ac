import io

import pytest
from pypdf import PdfReader, PdfWriter

from pontio.lib.formats import detect_format, parse
from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.pdf import parse_pdf
from pontio.lib.records import Author, RecordType


def make_pdf(
    lines: list[str], metadata: dict[str, str] | None = None, password: str | None = None
) -> bytes:
    """A one-page PDF with text in Helvetica, built by hand, then given metadata by pypdf."""

    def escaped(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 14 TL 50 800 Td " + " ".join(f"({escaped(x)}) Tj T*" for x in lines)
    stream = (content + " ET").encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    if metadata is None and password is None:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    if metadata:
        writer.add_metadata(metadata)
    if password is not None:
        writer.encrypt(password, owner_password="owner", algorithm="RC4-128")
    finished = io.BytesIO()
    writer.write(finished)
    return finished.getvalue()


PAGE = [
    "Child Abuse Review Vol. 27: 99-110 (2018)",
    "Child neglect and the family court: a review of reviews",
    "Lauren Firmin and Carys Jones",
    "Abstract",
    "Neglect is the most common reason for a child protection plan in Wales.",
    "This review brings together what reviews have found.",
    "Keywords: neglect; family court",
    "https://doi.org/10.1002/car.2520.",
]


def test_it_reads_the_document_information() -> None:
    data = make_pdf(
        ["Some text without a DOI"],
        metadata={
            "/Title": "Gofal plant yn y cartref",
            "/Author": "Siân Wiliams; Gwŷnfor ap Dafydd",
            "/Subject": "Gofal Cymdeithasol Cymru 12(3), doi:10.1234/GCC.2021.007",
            "/Keywords": "gofal plant, teuluoedd",
            "/CreationDate": "D:20210315120000+00'00'",
        },
    )
    [record] = parse_pdf(data).records
    assert record.title == "Gofal plant yn y cartref"
    assert record.authors == [Author("Wiliams", "Siân"), Author("ap Dafydd", "Gwŷnfor")]
    assert record.doi == "10.1234/gcc.2021.007"
    assert record.keywords == ["gofal plant", "teuluoedd"]
    assert record.year == 2021
    assert record.record_type is RecordType.GREY


def test_it_finds_the_doi_and_guesses_the_title_from_page_one() -> None:
    result = parse_pdf(make_pdf(PAGE, metadata={"/Title": "Microsoft Word - draft3.docx"}))
    assert result.problems == []
    [record] = result.records
    assert record.doi == "10.1002/car.2520"  # the full stop after it belongs to the sentence
    assert record.title == "Child neglect and the family court: a review of reviews"
    assert record.abstract.startswith("Neglect is the most common reason")
    assert record.abstract.endswith("what reviews have found.")


def test_it_keeps_a_record_with_only_a_doi_for_the_look_up() -> None:
    result = parse_pdf(make_pdf(["doi: 10.1000/xyz123", "12", "3"]))
    [record] = result.records
    assert (record.title, record.doi) == ("", "10.1000/xyz123")
    assert "will come from the DOI" in result.problems[0].message


def test_it_says_when_nothing_can_be_found() -> None:
    result = parse_pdf(make_pdf([]))
    assert result.records == []
    assert "scanned image" in result.problems[0].message


def test_it_refuses_a_password_protected_pdf() -> None:
    data = make_pdf(PAGE, password="secret")
    with pytest.raises(FormatError, match="protected by a password"):
        parse_pdf(data)


def test_it_reads_a_pdf_locked_only_against_editing() -> None:
    # An owner password with an empty user password opens for anyone, as in any PDF viewer.
    data = make_pdf(PAGE, password="")
    assert PdfReader(io.BytesIO(data)).is_encrypted
    assert parse_pdf(data).records[0].doi == "10.1002/car.2520"


def test_it_refuses_a_damaged_or_foreign_file() -> None:
    with pytest.raises(FormatError, match="may be damaged"):
        parse_pdf(b"%PDF-1.4\n1 0 obj << /Type /Catal")
    with pytest.raises(FormatError, match="not a PDF"):
        parse_pdf(b"TY  - JOUR\n")
    with pytest.raises(FormatError, match="The file is empty"):
        parse_pdf(b"")


def test_it_is_found_and_parsed_through_the_front_door() -> None:
    data = make_pdf(PAGE)
    assert detect_format("paper.bin", data) == "pdf"
    assert parse("pdf", data).records[0].doi == "10.1002/car.2520"
    with pytest.raises(TypeError):
        parse("pdf", "text")
