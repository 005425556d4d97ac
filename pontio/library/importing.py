"""Bringing files into the library: checked on upload, run as a job in batches, ending with a
report of what was imported, merged or rejected (with the line or row and the reason).

Each batch is saved in its own transaction together with its search index entries, so a crash
half-way leaves whole records only; running the same file again merges what is already there
instead of importing it twice."""

import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pontio.lib.formats import FormatError, detect_format, maybe_gunzip, parse
from pontio.lib.records import ParsedRecord, ParseResult
from pontio.search.services import keyword_optimize

from . import bulk
from .dedupe import Keys, Matcher, fill_blanks, keys_for
from .indexing import KIND, index_records
from .models import (
    DuplicateCandidate,
    Import,
    ImportRow,
    ImportStatus,
    Outcome,
    Record,
    Source,
)

logger = logging.getLogger(__name__)

BATCH = 1000
OPTIMIZE_AFTER = 5000  # records imported at once, after which the search index is compacted
FORMAT_NAMES = {
    "ris": "RIS",
    "bibtex": "BibTeX",
    "csv": "CSV",
    "openalex": "OpenAlex JSON",
    "nbib": "PubMed (MEDLINE)",
    "pubmed-xml": "PubMed XML",
    "csl-json": "CSL-JSON",
    "pdf": "PDF",
}


class ImportRefused(Exception):
    """A file that cannot be imported, with a message the person can act on."""


def import_check(*, filename: str, data: bytes) -> str:
    """The file's format, or ImportRefused with the reason. Nothing is saved."""
    limit = settings.LIBRARY_MAX_IMPORT_MB * 1024 * 1024
    if len(data) > limit:
        raise ImportRefused(
            _(
                "The file is larger than %(limit)s MB. Split it into smaller files and import "
                "each one."
            )
            % {"limit": settings.LIBRARY_MAX_IMPORT_MB}
        )
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    try:
        return detect_format(filename, data)
    except FormatError as error:
        raise ImportRefused(str(error)) from None


def import_prepare(
    *, person: Any, organisation: Any, filename: str, data: bytes, visibility: str
) -> Import:
    """Check and keep the upload. A CSV file then needs its columns mapped before it runs."""
    file_format = import_check(filename=filename, data=data)
    job = Import(
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        format=file_format,
        organisation=organisation,
        visibility=visibility,
        created_by=person,
    )
    job.file.save(filename[-100:], ContentFile(data), save=False)
    job.save()
    return job


def import_queue(job: Import, *, csv_mapping: dict[str, str] | None = None) -> None:
    """Start the import job once the transaction that asked for it has committed."""
    from .tasks import run_import

    if csv_mapping is not None:
        job.csv_mapping = csv_mapping
        job.save(update_fields=["csv_mapping"])
    transaction.on_commit(lambda: run_import.enqueue(job.pk))


def import_csv_columns(job: Import) -> tuple[list[str], dict[str, str]]:
    """The CSV file's column names and Pontio's guess of which field each holds."""
    from pontio.lib.formats.csv_format import csv_columns, guess_mapping
    from pontio.lib.formats.encoding import decode

    with job.file.open("rb") as f:
        text, _encoding = decode(f.read())
    columns = csv_columns(text)
    return columns, guess_mapping(columns)


def _parse(job: Import) -> ParseResult:
    with job.file.open("rb") as f:
        data = maybe_gunzip(f.read())
    return parse(job.format, data, csv_mapping=job.csv_mapping or None)


def import_run(import_id: int) -> Import:
    """Run an import from the start. Safe to run again after a crash: records saved by the
    first run are found as duplicates and merged, not imported twice."""
    job = Import.objects.get(pk=import_id)
    job.status = ImportStatus.RUNNING
    job.processed = job.imported = job.merged = job.rejected = 0
    job.error = ""
    job.save()
    job.rows.all().delete()
    try:
        result = _parse(job)
    except FormatError as error:
        return _fail(job, error.template, error.params)
    if job.format == "pdf":
        result = _pdf_looked_up(result)
    job.total = len(result.records) + len(result.problems)
    ImportRow.objects.bulk_create(
        ImportRow(
            job=job,
            line=p.line,
            outcome=Outcome.REJECTED,
            message=p.template[:500],
            params=p.params,
        )
        for p in result.problems
    )
    job.rejected = job.processed = len(result.problems)
    job.save(update_fields=["total", "rejected", "processed"])
    try:
        import_parsed(job, result.records)
    except Exception as error:
        logger.exception("Import %s failed", job.pk)
        _fail(
            job,
            gettext_noop(
                "The import stopped part-way (%(error)s). Records imported before this "
                "are kept; run the import again to continue, and nothing will be imported "
                "twice."
            ),
            {"error": error.__class__.__name__},
        )
        raise
    if job.format == "pdf":
        _pdf_attach(job)
    if job.imported >= OPTIMIZE_AFTER:
        keyword_optimize(KIND)
    job.status = ImportStatus.FINISHED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job


def import_parsed(job: Import, records: Sequence[ParsedRecord]) -> None:
    """Save parsed records in batches: deduplicated, indexed, reported."""
    for start in range(0, len(records), BATCH):
        _import_batch(job, records[start : start + BATCH])


def _pdf_looked_up(result: ParseResult) -> ParseResult:
    """A PDF's own metadata is thin: where its text names a DOI, use what Crossref and OpenAlex
    know instead (a failed look-up keeps what the PDF said)."""
    from .lookup import LookupFailed, lookup

    records = []
    for parsed in result.records:
        if parsed.doi:
            try:
                found = lookup(parsed.doi)
            except LookupFailed:
                found = None
            if found is not None:
                found.source_line = parsed.source_line
                parsed = found
        records.append(parsed)
    titled = any(r.title for r in records)
    problems = [p for p in result.problems if not titled or p.line is not None]
    return ParseResult(records=records, problems=problems)


def _pdf_attach(job: Import) -> None:
    """Attach the imported PDF to its record. Its licence is unknown, so it stays within the
    organisation that imported it."""
    row = job.rows.filter(record__isnull=False).select_related("record").first()
    if row is None or row.record is None or row.record.files.filter(sha256=job.sha256).exists():
        return
    from .models import RecordFile

    with job.file.open("rb") as f:
        attached = RecordFile(
            record=row.record,
            filename=job.filename,
            sha256=job.sha256,
            content_type="application/pdf",
            size=job.file.size,
            organisation=job.organisation,
            uploaded_by=job.created_by,
        )
        attached.file.save(job.filename, f, save=False)
        attached.save()


def _fail(job: Import, template: str, params: dict[str, Any] | None = None) -> Import:
    job.status = ImportStatus.FAILED
    job.error, job.error_params = template, params or {}
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "error_params", "finished_at"])
    return job


def rejection_reason(parsed: ParsedRecord) -> tuple[str, dict[str, Any]] | None:
    """Why a parsed record cannot be saved (untranslated, with its values), or None."""
    if not parsed.title.strip():
        return gettext_noop("It has no title."), {}
    if parsed.year is not None and not 1000 <= parsed.year <= timezone.now().year + 2:
        return gettext_noop("Its year (%(year)s) is not a plausible year."), {"year": parsed.year}
    return None


def record_from_parsed(parsed: ParsedRecord, keys: Keys | None = None, **fields: Any) -> Record:
    keys = keys or keys_for(parsed)
    return Record(
        record_type=parsed.record_type,
        title=parsed.title.strip()[:5000],
        abstract=parsed.abstract.strip(),
        authors=[
            {"family": a.family, "given": a.given, "orcid": a.orcid, "openalex_id": a.openalex_id}
            for a in parsed.authors
        ],
        year=parsed.year,
        date=parsed.date[:10],
        container=parsed.container[:500],
        publisher=parsed.publisher[:300],
        volume=parsed.volume[:40],
        issue=parsed.issue[:40],
        pages=parsed.pages[:40],
        doi=keys.doi,
        pmid=keys.pmid,
        pmcid=parsed.pmcid[:20],
        openalex_id=keys.openalex_id,
        isbn=parsed.isbn[:40],
        url=parsed.url[:1000],
        language=parsed.language[:10],
        keywords=parsed.keywords,
        concepts=parsed.concepts,
        oa_status=parsed.oa_status[:10],
        oa_url=parsed.oa_url[:1000],
        oa_licence=parsed.oa_licence[:60],
        title_key=keys.title,
        first_author_key=keys.first_author,
        **fields,
    )


def _import_batch(job: Import, batch: Sequence[ParsedRecord]) -> None:
    keys = [keys_for(parsed) for parsed in batch]
    rows: list[ImportRow] = []
    with transaction.atomic():
        matcher = Matcher(keys)
        new: list[Record] = []
        updated: dict[int, Record] = {}
        candidates: list[tuple[Record, Record, str]] = []
        for parsed, key in zip(batch, keys, strict=True):
            line = parsed.source_line
            if reason := rejection_reason(parsed):
                rows.append(
                    ImportRow(
                        job=job,
                        line=line,
                        outcome=Outcome.REJECTED,
                        message=reason[0],
                        params=reason[1],
                    )
                )
                continue
            match = matcher.find(key)
            if match is not None and match.certain:
                if fill_blanks(match.record, parsed) and match.record.pk:
                    updated[match.record.pk] = match.record
                rows.append(
                    ImportRow(
                        job=job,
                        line=line,
                        outcome=Outcome.MERGED,
                        message=match.reason,
                        record=match.record,
                    )
                )
                continue
            record = record_from_parsed(
                parsed,
                key,
                source=Source.IMPORT,
                added_by=job.created_by,
                organisation=job.organisation,
                visibility=job.visibility,
            )
            new.append(record)
            matcher.remember(record)
            rows.append(ImportRow(job=job, line=line, outcome=Outcome.IMPORTED, record=record))
            if match is not None:
                candidates.append((record, match.record, match.reason))
        bulk.insert(new, returning_ids=True)
        if updated:
            from .dedupe import FILLABLE

            Record.objects.bulk_update(list(updated.values()), FILLABLE, batch_size=500)
        DuplicateCandidate.objects.bulk_create(
            [
                DuplicateCandidate(record=a, other=b, reason=why, score=0.8)
                for a, b, why in candidates
                if b.pk
            ],
            ignore_conflicts=True,
        )
        index_records([*new, *updated.values()])
        for row in rows:
            row.record_id = row.record.pk if row.record is not None else None
        bulk.insert(rows, returning_ids=False)
        job.processed += len(batch)
        job.imported += sum(1 for r in rows if r.outcome == Outcome.IMPORTED)
        job.merged += sum(1 for r in rows if r.outcome == Outcome.MERGED)
        job.rejected += sum(1 for r in rows if r.outcome == Outcome.REJECTED)
        job.save(update_fields=["processed", "imported", "merged", "rejected"])
