import codecs

import pytest

from pontio.lib.formats import parse
from pontio.lib.formats.encoding import FormatError, decode
from pontio.lib.formats.ris import parse_ris

# Curly quotes and "é" exist in Windows-1252; Latin-1 has "é" but no curly quotes.
CURLY = (
    "TY  - JOUR\r\nTI  - \u201cCaf\u00e9 culture\u201d and the carer\u2019s day\r\n"
    "AU  - Lef\u00e8vre, Ren\u00e9e\r\nPY  - 2020\r\nER  - \r\n"
)
PLAIN = "TY  - JOUR\nTI  - Caf\u00e9 culture and carers\nAU  - Lef\u00e8vre, Ren\u00e9e\nER  - \n"


def test_it_reads_utf8_with_and_without_a_bom() -> None:
    assert decode(CURLY.encode("utf-8")) == (CURLY.replace("\r\n", "\n"), "utf-8")
    text, encoding = decode(codecs.BOM_UTF8 + CURLY.encode("utf-8"))
    assert encoding == "utf-8-sig" and text.startswith("TY  - JOUR\n")


def test_it_reads_utf16_with_a_bom() -> None:
    text, encoding = decode(CURLY.encode("utf-16"))
    assert encoding == "utf-16" and text == CURLY.replace("\r\n", "\n")


def test_it_reads_utf16_without_a_bom() -> None:
    assert decode(PLAIN.encode("utf-16-le")) == (PLAIN, "utf-16-le")


def test_it_falls_back_to_windows_1252_then_latin_1() -> None:
    assert decode(CURLY.encode("windows-1252"))[1] == "windows-1252"
    # 0x81 is not a Windows-1252 character; only Latin-1 reads every byte.
    assert decode(b"caf\xe9 \x81") == ("caf\u00e9 \x81", "latin-1")


def test_it_normalises_old_mac_and_windows_line_ends() -> None:
    assert decode(b"a\r\nb\rc\n")[0] == "a\nb\nc\n"


def test_it_never_raises_on_any_bytes() -> None:
    for data in (b"", b"\xff", b"\xfe\xff\x00", bytes(range(256))):
        assert isinstance(decode(data)[0], str)


def test_it_reads_the_same_ris_records_whatever_the_encoding() -> None:
    expected = parse_ris(CURLY).records
    assert expected[0].title == "\u201cCaf\u00e9 culture\u201d and the carer\u2019s day"
    for data in (
        codecs.BOM_UTF8 + CURLY.encode("utf-8"),
        CURLY.encode("windows-1252"),
        CURLY.encode("utf-16"),
    ):
        assert parse("ris", data).records == expected
    latin = parse_ris(PLAIN).records
    assert parse("ris", PLAIN.encode("latin-1")).records == latin
    assert latin[0].authors[0].given == "Ren\u00e9e"


@pytest.mark.parametrize(
    "fmt", ["ris", "bibtex", "csv", "openalex", "nbib", "pubmed-xml", "csl-json"]
)
def test_it_refuses_an_empty_file_in_every_format(fmt: str) -> None:
    for data in (b"", b"  \r\n\n ", codecs.BOM_UTF8):
        with pytest.raises(FormatError, match="The file is empty"):
            parse(fmt, data)


def test_it_refuses_an_empty_pdf() -> None:
    with pytest.raises(FormatError, match="The file is empty"):
        parse("pdf", b"")


def test_it_says_what_an_error_means_in_plain_english() -> None:
    error = FormatError("The file is empty.")
    assert str(error) == error.message == "The file is empty."
