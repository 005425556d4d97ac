"""The file formats research comes in and goes out in: which one a file is, and one entry point
to read any of them. Each format's own module has its parser and, where there is one, writer."""

import gzip
import io
import re
from collections.abc import Callable

from pontio.lib.formats.bibtex import parse_bibtex, write_bibtex
from pontio.lib.formats.csl_json import parse_csl_json, write_csl_json
from pontio.lib.formats.csv_format import csv_columns, guess_mapping, parse_csv, write_csv
from pontio.lib.formats.encoding import FormatError, decode
from pontio.lib.formats.openalex import parse_openalex, record_from_openalex_work
from pontio.lib.formats.pubmed import parse_nbib, parse_pubmed_xml
from pontio.lib.formats.ris import parse_ris, write_ris
from pontio.lib.messages import _
from pontio.lib.records import ParsedRecord, ParseResult

__all__ = [
    "FORMATS",
    "WRITERS",
    "FormatError",
    "csv_columns",
    "decode",
    "detect_format",
    "guess_mapping",
    "maybe_gunzip",
    "parse",
    "record_from_openalex_work",
    "write",
]

FORMATS = ("ris", "bibtex", "csv", "openalex", "nbib", "pubmed-xml", "csl-json", "pdf")
WRITERS: dict[str, Callable[[list[ParsedRecord]], str]] = {
    "ris": write_ris,
    "bibtex": write_bibtex,
    "csv": write_csv,
    "csl-json": write_csl_json,
}
_TEXT_PARSERS: dict[str, Callable[[str], ParseResult]] = {
    "ris": parse_ris,
    "bibtex": parse_bibtex,
    "openalex": parse_openalex,
    "nbib": parse_nbib,
    "pubmed-xml": parse_pubmed_xml,
    "csl-json": parse_csl_json,
}
_EXTENSIONS = {
    ".ris": "ris",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".nbib": "nbib",
    ".medline": "nbib",
    ".jsonl": "openalex",
    ".ndjson": "openalex",
    ".pdf": "pdf",
}
# No upload is this big once unpacked; a small .gz that claims more is a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def maybe_gunzip(data: bytes) -> bytes:
    """The unpacked bytes if `data` is gzip (as the OpenAlex snapshot is), else `data` itself."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            unpacked = packed.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError) as error:
        raise FormatError(
            _("This compressed (.gz) file is damaged and cannot be unpacked.")
        ) from error
    if len(unpacked) > MAX_UNPACKED_BYTES:
        raise FormatError(_("This compressed file is too large once unpacked (over 200 MB)."))
    return unpacked


def detect_format(filename: str, data: bytes) -> str:
    """One of FORMATS, from the file's extension where that is certain, else from its content."""
    data = maybe_gunzip(data)
    if not data.strip():
        raise FormatError(_("The file is empty."))
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    name = filename.lower().removesuffix(".gz")
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension in _EXTENSIONS:
        return _EXTENSIONS[extension]
    text = decode(data[: 64 * 1024])[0]
    found = _sniff(text)
    if found:
        return found
    raise FormatError(
        _(
            "Pontio cannot tell what kind of file this is. It reads RIS, BibTeX, CSV, PubMed "
            "(MEDLINE or XML), OpenAlex JSON, CSL-JSON and PDF files."
        )
    )


def _sniff(text: str) -> str:
    """The format a text's opening looks like, or "" if none."""
    head = text.lstrip()
    if re.search(r"^\s*TY {1,2}- ", text, re.MULTILINE):
        return "ris"
    if re.search(r"^PMID- ", text, re.MULTILINE):
        return "nbib"
    if head.startswith("<") and re.search(r"<Pubmed(?:Book)?ArticleSet|<PubmedArticle", text):
        return "pubmed-xml"
    if head.startswith(("{", "[")):
        return _sniff_json(text)
    if re.search(r"^\s*@\s*[A-Za-z]+\s*[{(]", text, re.MULTILINE):
        return "bibtex"
    first_line = head.split("\n", 1)[0]
    if any(delimiter in first_line for delimiter in (",", ";", "\t")):
        return "csv"
    return ""


def _sniff_json(text: str) -> str:
    openalex = sum(
        marker in text
        for marker in ('"authorships"', '"abstract_inverted_index"', "openalex.org/W", '"biblio"')
    )
    csl = sum(
        marker in text
        for marker in ('"container-title"', '"date-parts"', '"issued"', '"article-journal"')
    )
    return "openalex" if openalex > csl else "csl-json"


def parse(
    format: str, text_or_bytes: str | bytes, *, csv_mapping: dict[str, str] | None = None
) -> ParseResult:
    """Read a whole file in a format from FORMATS. Bytes are unpacked and decoded here; raises
    FormatError when nothing in the file can be read."""
    if format == "pdf":
        if isinstance(text_or_bytes, str):
            raise TypeError("A PDF must be given as bytes.")
        # pypdf takes half a second to import; only PDF uploads should pay for it.
        from pontio.lib.formats.pdf import parse_pdf

        return parse_pdf(maybe_gunzip(text_or_bytes))
    text = (
        decode(maybe_gunzip(text_or_bytes))[0]
        if isinstance(text_or_bytes, bytes)
        else text_or_bytes
    )
    if format == "csv":
        mapping = csv_mapping if csv_mapping is not None else guess_mapping(csv_columns(text))
        return parse_csv(text, mapping)
    parser = _TEXT_PARSERS.get(format)
    if parser is None:
        raise ValueError(f"Unknown format {format!r}; expected one of {', '.join(FORMATS)}.")
    return parser(text)


def write(format: str, records: list[ParsedRecord]) -> str:
    writer = WRITERS.get(format)
    if writer is None:
        raise ValueError(f"Pontio cannot write {format!r}; it writes {', '.join(WRITERS)}.")
    return writer(records)
