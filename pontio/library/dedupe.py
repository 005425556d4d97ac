"""Finding duplicates. Identifiers decide first (DOI, PubMed ID, OpenAlex ID); then the
normalised title with the year and the first author's family name. Anything less certain (the
same title with a different year or first author) is left to a knowledge broker to review."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from pontio.lib.normalise import normalise_doi, normalise_name, normalise_title
from pontio.lib.records import ParsedRecord

from .models import Record

# Fields an incoming duplicate may fill in on the record it matched, when they are empty there.
FILLABLE = [
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
]


@dataclass(frozen=True)
class Keys:
    doi: str
    pmid: str
    openalex_id: str
    title: str
    year: int | None
    first_author: str


def keys_for(parsed: ParsedRecord) -> Keys:
    first = parsed.authors[0].family if parsed.authors else ""
    return Keys(
        doi=normalise_doi(parsed.doi),
        pmid=parsed.pmid.strip(),
        openalex_id=parsed.openalex_id.strip().upper(),
        title=normalise_title(parsed.title)[:300],
        year=parsed.year,
        first_author=normalise_name(first)[:100],
    )


@dataclass
class Match:
    record: Record
    certain: bool
    reason: str


class Matcher:
    """Matches a batch of incoming records against the library with one query per key kind,
    and against each other (a file may hold the same work twice)."""

    def __init__(self, keys: Iterable[Keys]) -> None:
        keys = list(keys)
        # Merged records are skipped in Python, not in SQL: a "merged_into IS NULL" condition
        # tempts SQLite to scan that index (every row) instead of the identifier's.
        current = Record.objects.only(
            "id",
            "doi",
            "pmid",
            "openalex_id",
            "title_key",
            "year",
            "first_author_key",
            "merged_into",
            *FILLABLE,
        )
        self.by_doi: dict[str, Record] = {}
        self.by_pmid: dict[str, Record] = {}
        self.by_openalex: dict[str, Record] = {}
        self.by_title: dict[str, list[Record]] = {}
        dois = {k.doi for k in keys if k.doi}
        pmids = {k.pmid for k in keys if k.pmid}
        openalex = {k.openalex_id for k in keys if k.openalex_id}
        titles = {k.title for k in keys if k.title}
        for chunk in _chunks(dois):
            for r in current.filter(doi__in=chunk):
                if r.merged_into_id is None:
                    self.by_doi.setdefault(r.doi, r)
        for chunk in _chunks(pmids):
            for r in current.filter(pmid__in=chunk):
                if r.merged_into_id is None:
                    self.by_pmid.setdefault(r.pmid, r)
        for chunk in _chunks(openalex):
            for r in current.filter(openalex_id__in=chunk):
                if r.merged_into_id is None:
                    self.by_openalex.setdefault(r.openalex_id, r)
        for chunk in _chunks(titles):
            for r in current.filter(title_key__in=chunk):
                if r.merged_into_id is None:
                    self.by_title.setdefault(r.title_key, []).append(r)

    def find(self, keys: Keys) -> Match | None:
        for value, index, reason in (
            (keys.doi, self.by_doi, gettext_noop("same DOI")),
            (keys.pmid, self.by_pmid, gettext_noop("same PubMed ID")),
            (keys.openalex_id, self.by_openalex, gettext_noop("same OpenAlex ID")),
        ):
            if value and value in index:
                return Match(index[value], True, reason)
        candidates = self.by_title.get(keys.title, []) if keys.title else []
        for record in candidates:
            if record.year == keys.year and record.first_author_key == keys.first_author:
                return Match(record, True, gettext_noop("same title, year and first author"))
        for record in candidates:
            if _conflicting_ids(record, keys):
                continue
            return Match(record, False, gettext_noop("same title; year or first author differ"))
        return None

    def remember(self, record: Record) -> None:
        """Make a record saved in this batch findable by the rest of the batch."""
        if record.doi:
            self.by_doi.setdefault(record.doi, record)
        if record.pmid:
            self.by_pmid.setdefault(record.pmid, record)
        if record.openalex_id:
            self.by_openalex.setdefault(record.openalex_id, record)
        if record.title_key:
            self.by_title.setdefault(record.title_key, []).append(record)


def _conflicting_ids(record: Record, keys: Keys) -> bool:
    """Two different DOIs mean two different works, whatever their titles say."""
    return bool(record.doi and keys.doi and record.doi != keys.doi)


def fill_blanks(record: Record, parsed: ParsedRecord) -> list[str]:
    """Fill the record's empty fields from an incoming duplicate. Returns the fields changed."""
    changed = []
    for name in FILLABLE:
        incoming = getattr(parsed, name, "")
        if name == "doi":
            incoming = normalise_doi(incoming)
        if incoming and not getattr(record, name):
            setattr(record, name, incoming)
            changed.append(name)
    return changed


def _chunks(values: set[str], size: int = 500) -> Iterable[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def duplicates_scan() -> int:
    """Look through the whole library for records that may be the same work (same DOI, or the
    same normalised title) and put each new pair on the review page. Returns the new pairs."""
    from django.db.models import Count

    from .models import DuplicateCandidate

    current = Record.objects.current()
    found: list[tuple[int, int, str]] = []
    for field, reason in (
        ("doi", gettext_noop("same DOI")),
        ("title_key", gettext_noop("same title")),
    ):
        shared = (
            current.exclude(**{field: ""})
            .values(field)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list(field, flat=True)
        )
        for value in shared.iterator():
            ids = sorted(current.filter(**{field: value}).values_list("pk", flat=True))[:20]
            found += [(a, b, reason) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    created = DuplicateCandidate.objects.bulk_create(
        [
            DuplicateCandidate(
                record_id=a, other_id=b, reason=why, score=0.9 if "DOI" in why else 0.7
            )
            for a, b, why in found
        ],
        ignore_conflicts=True,
    )
    return len(created)
