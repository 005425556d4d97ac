"""Spreadsheets (CSV or tab-separated) from Scopus, Web of Science, Excel or Pontio itself:
guessing which column holds what, reading rows into ParsedRecords, and writing them back."""

import csv
import io
import re
from collections.abc import Iterator

from pontio.lib.formats.encoding import FormatError, check_not_empty
from pontio.lib.formats.fields import (
    clean,
    join_pages,
    language_code,
    normalise_pages,
    parse_date,
    record_type_from_label,
    unique,
)
from pontio.lib.formats.names import authors_from_cell, family_first
from pontio.lib.messages import _
from pontio.lib.normalise import normalise_doi
from pontio.lib.records import ParsedRecord, ParseProblem, ParseResult, RecordType

# Field names a mapping may use: ParsedRecord's own, plus the two halves of a page range.
TEXT_FIELDS = (
    "title",
    "abstract",
    "container",
    "publisher",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "openalex_id",
    "isbn",
    "url",
    "language",
    "oa_status",
    "oa_url",
    "oa_licence",
    "date",
)
FIELDS = (*TEXT_FIELDS, "authors", "year", "record_type", "keywords", "concepts")
PAGE_START, PAGE_END = "page_start", "page_end"

# Headers as databases write them, simplified (lower case, letters and digits only), best first:
# where two columns mean the same field, the one earlier here wins.
_HEADERS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("articletitle", "title"),
    ("documenttitle", "title"),
    ("primarytitle", "title"),
    ("ti", "title"),
    ("abstract", "abstract"),
    ("abstractnote", "abstract"),
    ("ab", "abstract"),
    ("authorfullnames", "authors"),
    ("af", "authors"),
    ("authors", "authors"),
    ("author", "authors"),
    ("au", "authors"),
    ("publicationyear", "year"),
    ("year", "year"),
    ("py", "year"),
    ("date", "date"),
    ("publicationdate", "date"),
    ("doi", "doi"),
    ("di", "doi"),
    ("sourcetitle", "container"),
    ("journal", "container"),
    ("journaltitle", "container"),
    ("publicationtitle", "container"),
    ("journalbook", "container"),
    ("so", "container"),
    ("volume", "volume"),
    ("vl", "volume"),
    ("issue", "issue"),
    ("number", "issue"),
    ("is", "issue"),
    ("pages", "pages"),
    ("page", "pages"),
    ("pagestart", PAGE_START),
    ("startpage", PAGE_START),
    ("bp", PAGE_START),
    ("pageend", PAGE_END),
    ("endpage", PAGE_END),
    ("ep", PAGE_END),
    ("authorkeywords", "keywords"),
    ("keywords", "keywords"),
    ("manualtags", "keywords"),
    ("de", "keywords"),
    ("indexkeywords", "concepts"),
    ("concepts", "concepts"),
    ("meshterms", "concepts"),
    ("url", "url"),
    ("link", "url"),
    ("pubmedid", "pmid"),
    ("pmid", "pmid"),
    ("pm", "pmid"),
    ("pmcid", "pmcid"),
    ("openalexid", "openalex_id"),
    ("openalex", "openalex_id"),
    ("isbn", "isbn"),
    ("type", "record_type"),
    ("documenttype", "record_type"),
    ("itemtype", "record_type"),
    ("publicationtype", "record_type"),
    ("dt", "record_type"),
    ("language", "language"),
    ("languageoforiginaldocument", "language"),
    ("la", "language"),
    ("publisher", "publisher"),
    ("pu", "publisher"),
    ("openaccessstatus", "oa_status"),
    ("openaccessurl", "oa_url"),
    ("licence", "oa_licence"),
    ("license", "oa_licence"),
)
_RANK = {header: rank for rank, (header, _) in enumerate(_HEADERS)}
_FIELD_OF = dict(_HEADERS)

# The header write_csv uses; guess_mapping maps every one of these back.
_WRITE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Title", "title"),
    ("Authors", "authors"),
    ("Year", "year"),
    ("Date", "date"),
    ("Type", "record_type"),
    ("Source title", "container"),
    ("Publisher", "publisher"),
    ("Volume", "volume"),
    ("Issue", "issue"),
    ("Pages", "pages"),
    ("DOI", "doi"),
    ("PMID", "pmid"),
    ("PMCID", "pmcid"),
    ("OpenAlex ID", "openalex_id"),
    ("ISBN", "isbn"),
    ("URL", "url"),
    ("Language", "language"),
    ("Keywords", "keywords"),
    ("Concepts", "concepts"),
    ("Open access status", "oa_status"),
    ("Open access URL", "oa_url"),
    ("Licence", "oa_licence"),
    ("Abstract", "abstract"),
)
# A spreadsheet runs a cell that starts like a formula; the quote stops it and is removed on read.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _simplify(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _reader(text: str) -> Iterator[list[str]]:
    first_line = text.split("\n", 1)[0]
    counts = {d: _count_outside_quotes(first_line, d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    return csv.reader(io.StringIO(text), delimiter=delimiter)


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return re.sub(r'"[^"]*"', "", line).count(delimiter)


def csv_columns(text: str) -> list[str]:
    """The column headers (the first row), for the importer to show and map."""
    check_not_empty(text)
    header = next(_reader(text), [])
    return [clean(column) for column in header]


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Column name -> field name for every column Pontio recognises; the user may correct it."""
    best: dict[str, tuple[int, str]] = {}
    for column in columns:
        simple = _simplify(column)
        field = _FIELD_OF.get(simple)
        if field and (field not in best or _RANK[simple] < best[field][0]):
            best[field] = (_RANK[simple], column)
    return {column: field for field, (_, column) in best.items()}


def parse_csv(text: str, mapping: dict[str, str]) -> ParseResult:
    check_not_empty(text)
    unknown = sorted(set(mapping.values()) - {*FIELDS, PAGE_START, PAGE_END})
    if unknown:
        raise ValueError(f"Not fields a column can fill: {', '.join(unknown)}")
    if "title" not in mapping.values():
        raise FormatError(_("No column holds the title, so no record can be read."))
    rows = _reader(text)
    header = [clean(column) for column in next(rows, [])]
    positions = {index: mapping[column] for index, column in enumerate(header) if column in mapping}
    result = ParseResult()
    # Spreadsheets number rows from 1 and the header is row 1, whatever line breaks cells hold.
    for row_number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, str] = {}
        for index, field in positions.items():
            if index < len(row) and row[index].strip():
                values[field] = _unguard(row[index].strip())
        record = _record(values, row_number)
        if record is None:
            result.problems.append(
                ParseProblem(row_number, _("This row has no title, so it was skipped."))
            )
        else:
            result.records.append(record)
    return result


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in _FORMULA_START else cell


def _record(values: dict[str, str], row_number: int) -> ParsedRecord | None:
    title = clean(values.get("title"))
    if not title:
        return None
    year, date = parse_date(values.get("date"))
    year_in_column, iso = parse_date(values.get("year"))
    if year_in_column is not None and year_in_column != year:
        year, date = year_in_column, iso
    record = ParsedRecord(
        title=title,
        record_type=record_type_from_label(values.get("record_type")) or RecordType.ARTICLE,
        abstract=values.get("abstract", "").strip(),
        authors=authors_from_cell(values.get("authors")),
        year=year,
        date=date,
        keywords=unique(values.get("keywords", "").split(";")),
        concepts=unique(values.get("concepts", "").split(";")),
        source_line=row_number,
    )
    for field in TEXT_FIELDS:
        if field not in ("title", "abstract", "date") and field in values:
            setattr(record, field, clean(values[field]))
    record.pages = normalise_pages(record.pages) or join_pages(
        values.get(PAGE_START), values.get(PAGE_END)
    )
    record.doi = normalise_doi(record.doi)
    record.language = language_code(record.language)
    record.openalex_id = record.openalex_id.rsplit("/", 1)[-1]
    record.pmid = record.pmid.rsplit("/", 1)[-1]
    return record


def write_csv(records: list[ParsedRecord]) -> str:
    """Every field, one column each; only authors' ORCIDs and OpenAlex ids are left out. Lists
    are joined with "; " and authors written "Family, Given"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for header, _ in _WRITE_COLUMNS])
    for record in records:
        writer.writerow([_guard(_cell(record, field)) for _, field in _WRITE_COLUMNS])
    return out.getvalue()


def _cell(record: ParsedRecord, field: str) -> str:
    if field == "authors":
        # An organisation keeps a trailing comma so that it is not split into given and family.
        return "; ".join(
            family_first(author) if author.given else f"{author.family},"
            for author in record.authors
        )
    if field in ("keywords", "concepts"):
        return "; ".join(getattr(record, field))
    if field == "year":
        return str(record.year) if record.year else ""
    value = getattr(record, field)
    return str(value)


def _guard(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
