"""Writing records out as RIS, BibTeX, CSV or CSL-JSON (for Zotero, EndNote, Mendeley ...)."""

from collections.abc import Iterable

from pontio.lib.records import Author, ParsedRecord, RecordType

from .models import Record

EXPORT_LIMIT = 10_000
FORMATS = {
    "ris": ("application/x-research-info-systems", "ris"),
    "bibtex": ("application/x-bibtex", "bib"),
    "csv": ("text/csv", "csv"),
    "csl-json": ("application/vnd.citationstyles.csl+json", "json"),
}


def record_to_parsed(record: Record) -> ParsedRecord:
    return ParsedRecord(
        title=record.title,
        record_type=RecordType(record.record_type),
        abstract=record.abstract,
        authors=[
            Author(
                family=a.get("family", ""),
                given=a.get("given", ""),
                orcid=a.get("orcid", ""),
                openalex_id=a.get("openalex_id", ""),
            )
            for a in record.authors
        ],
        year=record.year,
        date=record.date,
        container=record.container,
        publisher=record.publisher,
        volume=record.volume,
        issue=record.issue,
        pages=record.pages,
        doi=record.doi,
        pmid=record.pmid,
        pmcid=record.pmcid,
        openalex_id=record.openalex_id,
        isbn=record.isbn,
        url=record.url,
        language=record.language,
        keywords=list(record.keywords),
        concepts=list(record.concepts),
        oa_status=record.oa_status,
        oa_url=record.oa_url,
        oa_licence=record.oa_licence,
    )


def export(records: Iterable[Record], file_format: str) -> str:
    from pontio.lib.formats.bibtex import write_bibtex
    from pontio.lib.formats.csl_json import write_csl_json
    from pontio.lib.formats.csv_format import write_csv
    from pontio.lib.formats.ris import write_ris

    writers = {
        "ris": write_ris,
        "bibtex": write_bibtex,
        "csv": write_csv,
        "csl-json": write_csl_json,
    }
    return writers[file_format]([record_to_parsed(r) for r in records])
