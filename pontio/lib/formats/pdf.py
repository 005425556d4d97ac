"""What a PDF says about itself: its document information and the text of its first pages, so
that the importer finds the DOI (and looks the rest up) or at least has a title to show."""

import io
import re
from datetime import datetime
from typing import Any

from pypdf import PdfReader

from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.fields import clean, split_keywords
from pontio.lib.formats.names import authors_from_cell
from pontio.lib.messages import _
from pontio.lib.normalise import DOI_IN_TEXT, normalise_doi
from pontio.lib.records import ParsedRecord, ParseProblem, ParseResult, RecordType

PAGES_READ = 2
# Titles that word processors and PDF printers put in for you.
_MADE_UP_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint)|untitled|title|document\d*|slide \d+)\b"
    r"|\.(?:docx?|pdf|tex|dvi|indd|qxd|rtf|odt)$",
    re.IGNORECASE,
)
# Lines of a running header or footer, which often come before the title.
_NOT_A_TITLE = re.compile(
    r"doi|https?:|www\.|©|copyright|issn|\bvol(?:ume)?\.?\s*\d|\bpp?\.\s*\d|\bjournal of\b|"
    r"received:?\s|accepted:?\s|licen[cs]ed under|downloaded from|available online|"
    r"elsevier|springer|wiley",
    re.IGNORECASE,
)
# Only an abstract that visibly ends (at the keywords or the introduction) is taken: without an
# end, the guess would run on into the body of the paper.
_ABSTRACT = re.compile(
    r"\babstract\b[:.\s]*(.{50,4000}?)"
    r"(?=\n\s*(?:key ?words|introduction|1\.?\s+introduction|background)\b)",
    re.IGNORECASE | re.DOTALL,
)
_NO_AUTHOR = frozenset(
    {"user", "admin", "administrator", "owner", "author", "unknown", "anonymous"}
)


def parse_pdf(data: bytes) -> ParseResult:
    if not data.strip():
        raise FormatError(_("The file is empty."))
    reader = _open(data)
    info = _document_info(reader)
    text = _first_pages_text(reader)
    doi = _find_doi(" ".join(info.values())) or _find_doi(text)
    title = clean(info.get("title", ""))
    if not title or _MADE_UP_TITLE.search(title) or " " not in title:
        title = _title_from_text(text)
    result = ParseResult()
    if not title and not doi:
        result.problems.append(
            ParseProblem(
                None,
                _(
                    "No title or DOI could be found in this PDF; it may be a scanned image. "
                    "Please add its details by hand."
                ),
            )
        )
        return result
    if not title:
        result.problems.append(
            ParseProblem(None, _("No title was found in this PDF; it will come from the DOI."))
        )
    created = info.get("created", "")
    abstract = _ABSTRACT.search(text)
    result.records.append(
        ParsedRecord(
            title=title,
            record_type=RecordType.GREY,  # until the DOI look-up says what it is
            abstract=clean(abstract.group(1)) if abstract else "",
            authors=[
                a
                for a in authors_from_cell(info.get("author"))
                if a.family.lower() not in _NO_AUTHOR
            ],
            # The year the file was made: often the year of publication; a DOI look-up corrects it.
            year=int(created[:4]) if created else None,
            doi=doi,
            keywords=split_keywords(info.get("keywords", "")),
            source_line=None,
        )
    )
    return result


def _open(data: bytes) -> PdfReader:
    # pypdf reports a damaged file through many exception types, so anything it raises here
    # means "cannot be read".
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FormatError(_("This is not a PDF file."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError(
                _(
                    "This PDF is protected by a password, so its details cannot be read. "
                    "Save an unprotected copy and upload that."
                )
            )
        len(reader.pages)
    except FormatError:
        raise
    except Exception as error:
        if "crypt" in str(error).lower() or "password" in str(error).lower():
            raise FormatError(
                _(
                    "This PDF is protected by a password, so its details cannot be read. "
                    "Save an unprotected copy and upload that."
                )
            ) from error
        raise FormatError(_("This PDF could not be read: it may be damaged.")) from error
    return reader


def _document_info(reader: PdfReader) -> dict[str, str]:
    """The document information dictionary as plain strings, whatever odd values it holds."""
    try:
        metadata = reader.metadata
        if metadata is None:
            return {}
        info = {
            str(key).lstrip("/").lower(): clean(str(value))
            for key, value in metadata.items()
            if isinstance(value, str)
        }
        created: Any = metadata.creation_date
    except Exception:  # a malformed date or a broken object: the rest of the file may be fine
        return {}
    if isinstance(created, datetime):
        info["created"] = created.date().isoformat()
    else:
        info.pop("creationdate", None)
    return info


def _first_pages_text(reader: PdfReader) -> str:
    texts = []
    for page in reader.pages[:PAGES_READ]:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: S112 - one unreadable page should not lose the others
            continue
    return "\n".join(texts)


def _find_doi(text: str) -> str:
    for found in DOI_IN_TEXT.finditer(text):
        doi = found.group(1)
        # "(doi:10.1000/xyz)": a closing bracket the DOI never opened is the sentence's.
        while doi[-1:] in ")]" and doi.count(doi[-1]) > doi.count("(" if doi[-1] == ")" else "["):
            doi = doi[:-1]
        normalised = normalise_doi(doi)
        if normalised:
            return normalised
    return ""


def _title_from_text(text: str) -> str:
    """The first line of page one that reads like a title rather than a running header."""
    for line in text.split("\n")[:40]:
        line = clean(line)
        words = line.split(" ")
        letters = sum(ch.isalpha() for ch in line)
        if len(words) >= 3 and letters >= 15 and not _NOT_A_TITLE.search(line):
            return line[:300]
    return ""
