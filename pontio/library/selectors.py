"""Reads of the library: search with filters, counts for each filter, sorting and paging; and
who may see a record, a file or a collection."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from pontio.lib.records import RecordType
from pontio.search.services import keyword_search

from .models import Collection, CollectionKind, Record, RecordFile, Visibility

# Beyond this many keyword matches, filters and counts are worked out over the best matches
# only: nobody pages past them, and it keeps a very broad query as fast as a narrow one.
MAX_MATCHES = 20_000
SORTS = ("relevance", "newest", "oldest", "used")


@dataclass
class Filters:
    topics: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    open_access: bool = False
    has_file: bool = False
    collection: int | None = None
    organisation: int | None = None

    @classmethod
    def from_query(cls, data: QueryDict) -> "Filters":
        def number(name: str) -> int | None:
            value = data.get(name, "").strip()
            return int(value) if value.isdigit() else None

        return cls(
            topics=[int(v) for v in data.getlist("topic") if v.isdigit()],
            types=[v for v in data.getlist("type") if v],
            year_from=number("from"),
            year_to=number("to"),
            open_access=data.get("oa") == "1",
            has_file=data.get("file") == "1",
            collection=number("collection"),
            organisation=number("organisation"),
        )

    @property
    def active(self) -> bool:
        return bool(
            self.topics
            or self.types
            or self.year_from
            or self.year_to
            or self.open_access
            or self.has_file
            or self.collection
            or self.organisation
        )

    def apply(self, records: QuerySet[Record]) -> QuerySet[Record]:
        if self.topics:
            records = records.filter(topics__in=self.topics)
        if self.types:
            records = records.filter(record_type__in=self.types)
        if self.year_from:
            records = records.filter(year__gte=self.year_from)
        if self.year_to:
            records = records.filter(year__lte=self.year_to)
        if self.open_access:
            records = records.exclude(oa_url="")
        if self.has_file:
            records = records.filter(files__isnull=False)
        if self.collection:
            records = records.filter(collection_items__collection=self.collection)
        if self.organisation:
            records = records.filter(organisation=self.organisation)
        return records.distinct() if (self.topics or self.has_file) else records


@dataclass
class SearchResults:
    records: list[Record]
    total: int
    facets: dict[str, list[tuple[Any, str, int]]]
    scores: dict[int, float]


def records_visible(person: Any) -> QuerySet[Record]:
    return Record.objects.current().visible_to(person)


def record_for(person: Any, pk: int) -> Record | None:
    """A record the person may see; a merged record resolves to the one it was merged into."""
    record = Record.objects.filter(pk=pk).first()
    hops = 0
    while record is not None and record.merged_into_id and hops < 10:
        record = record.merged_into
        hops += 1
    if record is None or not records_visible(person).filter(pk=record.pk).exists():
        return None
    return record


def records_search(
    *, person: Any, query: str, filters: Filters, sort: str, offset: int, limit: int
) -> SearchResults:
    base = filters.apply(records_visible(person))
    scores: dict[int, float] = {}
    if query.strip():
        hits = keyword_search("record", query, limit=MAX_MATCHES)
        scores = {hit.id: hit.score for hit in hits}
        base = base.filter(pk__in=list(scores))
    facets = _facets(base)
    if query.strip() and sort == "relevance":
        matching = set(base.values_list("pk", flat=True))
        ranked = [pk for pk in scores if pk in matching]
        total = len(ranked)
        page_ids = ranked[offset : offset + limit]
        by_id = base.model.objects.in_bulk(page_ids)
        records = [by_id[pk] for pk in page_ids if pk in by_id]
    else:
        order = {
            "newest": ["-year", "-created_at"],
            "oldest": ["year", "created_at"],
            "used": ["-use_count", "-created_at"],
        }.get(sort, ["-created_at"])
        total = base.count()
        records = list(base.order_by(*order)[offset : offset + limit])
    return SearchResults(records=records, total=total, facets=facets, scores=scores)


def _facets(records: QuerySet[Record]) -> dict[str, list[tuple[Any, str, int]]]:
    from pontio.organisations.models import Organisation
    from pontio.taxonomy.models import Topic

    from .models import RECORD_TYPE_LABELS

    ids = records.values("pk")
    plain = Record.objects.filter(pk__in=ids)
    types = plain.values("record_type").annotate(n=Count("pk")).order_by("-n")
    topic_counts = (
        Topic.objects.filter(records__in=ids).annotate(n=Count("records")).order_by("-n")[:15]
    )
    organisations = (
        Organisation.objects.filter(records__in=ids)
        .annotate(n=Count("records"))
        .order_by("-n")[:10]
    )
    decades = plain.exclude(year=None).values("year").annotate(n=Count("pk")).order_by("-year")
    return {
        "type": [
            (
                t["record_type"],
                str(RECORD_TYPE_LABELS.get(RecordType(t["record_type"]), t["record_type"])),
                t["n"],
            )
            for t in types
        ],
        "topic": [(t.pk, t.name, t.n) for t in topic_counts],  # type: ignore[attr-defined]
        "organisation": [(o.pk, o.name, o.n) for o in organisations],  # type: ignore[attr-defined]
        "year": [(y["year"], str(y["year"]), y["n"]) for y in decades[:30]],
        "open_access": [(1, "", plain.exclude(oa_url="").count())],
        "has_file": [(1, "", plain.filter(files__isnull=False).distinct().count())],
    }


def file_visible(person: Any, attached: RecordFile) -> bool:
    """Files without an open licence stay within the organisation that uploaded them."""
    if attached.openly_licensed:
        return True
    return bool(person.memberships.filter(organisation=attached.organisation_id).exists())


def collections_visible(person: Any) -> QuerySet[Collection]:
    organisations = person.memberships.values("organisation")
    return Collection.objects.filter(
        Q(owner=person)
        | Q(kind=CollectionKind.TEAM_SHELF, organisation__in=organisations)
        | Q(kind=CollectionKind.NAMED, visibility__in=[Visibility.PARTNERSHIP, Visibility.PUBLIC])
        | Q(
            kind=CollectionKind.NAMED,
            visibility=Visibility.ORGANISATION,
            organisation__in=organisations,
        )
    ).distinct()


def collection_editable(person: Any, collection: Collection) -> bool:
    if collection.owner_id == person.pk:
        return True
    if collection.kind == CollectionKind.TEAM_SHELF:
        return bool(person.memberships.filter(team=collection.team_id).exists())
    return False


def collections_to_add_to(person: Any) -> list[Collection]:
    """Where the person can put a record: their team shelves, reading list, own collections."""
    order = {CollectionKind.TEAM_SHELF: 0, CollectionKind.READING_LIST: 1, CollectionKind.NAMED: 2}
    editable = [
        c
        for c in collections_visible(person).select_related("team")
        if collection_editable(person, c)
    ]
    return sorted(editable, key=lambda c: (order[CollectionKind(c.kind)], c.name))
