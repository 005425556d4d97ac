"""Reads of the library: search with filters, counts for each filter, sorting and paging; and
who may see a record, a file or a collection."""

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict

from pontio.lib.records import RecordType
from pontio.search.services import Found, hybrid_search, semantic_has, similar_to

from .models import Collection, CollectionItem, CollectionKind, Record, RecordFile, Visibility

# A search shows, filters and counts the best this-many matches: nobody pages past them, and it
# keeps a broad query ("children") on a large library as fast as a narrow one.
MAX_MATCHES = 1_000
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
            return int(value) if value.isdecimal() else None

        return cls(
            topics=[int(v) for v in data.getlist("topic") if v.isdecimal()],
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
    reasons: dict[int, Found] = field(default_factory=dict)  # why each was found
    capped: bool = False  # there were more matches than MAX_MATCHES


def records_visible(person: Any) -> QuerySet[Record]:
    return Record.objects.current().visible_to(person)


def record_current(record: Record | None) -> Record | None:
    """The record, or the one it was merged into (following a chain of merges, at most ten
    long); None stays None."""
    hops = 0
    while record is not None and record.merged_into_id and hops < 10:
        record = record.merged_into
        hops += 1
    return record


def record_for(person: Any, pk: int) -> Record | None:
    """A record the person may see; a merged record resolves to the one it was merged into."""
    record = record_current(Record.objects.filter(pk=pk).first())
    if record is None or not records_visible(person).filter(pk=record.pk).exists():
        return None
    return record


def id_set(ids: list[int]) -> RawSQL:
    """A set of ids as one SQL parameter. Django's `pk__in=[...]` prepares each of up to 20,000
    values in Python, for every query that uses them; this hands the database the list once."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def records_search(
    *, person: Any, query: str, filters: Filters, sort: str, offset: int, limit: int
) -> SearchResults:
    base = filters.apply(records_visible(person))
    scores: dict[int, float] = {}
    reasons: dict[int, Found] = {}
    if query.strip():
        # Words and meaning together; when nothing has every word (typical of a sentence
        # typed as a question), what has some of them.
        found = hybrid_search("record", query, limit=MAX_MATCHES)
        scores = {hit.id: hit.score for hit in found}
        reasons = {hit.id: hit for hit in found}
        base = base.filter(pk__in=id_set(list(scores)))
    # One pass over the matching records gives both the facet counts and, for relevance
    # order, the ids to rank; everything after works on that list, not the query again.
    rows = list(base.values_list("pk", "record_type", "year", "organisation", "oa_url"))
    ids = [row[0] for row in rows]
    facets = _facets(rows)
    if query.strip() and sort == "relevance":
        matching = set(ids)
        ranked = [pk for pk in scores if pk in matching]
        total = len(ranked)
        page_ids = ranked[offset : offset + limit]
        by_id = Record.objects.in_bulk(page_ids)
        records = [by_id[pk] for pk in page_ids if pk in by_id]
    else:
        order = {
            "newest": ["-year", "-created_at"],
            "oldest": ["year", "created_at"],
            "used": ["-use_count", "-created_at"],
        }.get(sort, ["-created_at"])
        total = len(ids)
        records = list(base.order_by(*order)[offset : offset + limit])
    _count_topics_and_files(facets, ids)
    return SearchResults(
        records=records,
        total=total,
        facets=facets,
        scores=scores,
        reasons=reasons,
        capped=len(scores) >= MAX_MATCHES,
    )


def _facets(rows: list[tuple[int, str, int | None, int, str]]) -> dict[str, list[Any]]:
    from pontio.organisations.models import Organisation

    from .models import RECORD_TYPE_LABELS

    types = Counter(row[1] for row in rows)
    years = Counter(row[2] for row in rows if row[2])
    organisations = Counter(row[3] for row in rows)
    names = Organisation.objects.in_bulk([pk for pk, _n in organisations.most_common(10)])
    return {
        "type": [
            (value, str(RECORD_TYPE_LABELS.get(RecordType(value), value)), n)
            for value, n in types.most_common()
        ],
        "year": [(year, str(year), years[year]) for year in sorted(years, reverse=True)[:30]],
        "organisation": [
            (pk, names[pk].name, n) for pk, n in organisations.most_common(10) if pk in names
        ],
        "open_access": [(1, "", sum(1 for row in rows if row[4]))],
    }


def _count_topics_and_files(facets: dict[str, list[Any]], ids: list[int]) -> None:
    from pontio.taxonomy.models import Topic

    tagged = Record.topics.through.objects.filter(record_id__in=id_set(ids))
    counts = Counter(
        {row["topic"]: row["n"] for row in tagged.values("topic").annotate(n=Count("pk"))}
    )
    topics = Topic.objects.in_bulk([pk for pk, _n in counts.most_common(15)])
    facets["topic"] = [(pk, topics[pk].name, n) for pk, n in counts.most_common(15) if pk in topics]
    in_collections = CollectionItem.objects.filter(record_id__in=id_set(ids))
    facets["collection"] = [
        (row["collection"], "", row["n"])
        for row in in_collections.values("collection").annotate(n=Count("pk"))
    ]
    with_files = RecordFile.objects.filter(record_id__in=id_set(ids)).values("record").distinct()
    facets["has_file"] = [(1, "", with_files.count())]


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


def records_similar(person: Any, record: Record, *, limit: int = 5) -> list[Record] | None:
    """Records the person may see that are most alike in meaning to this one, best first; None
    while this record has no embedding yet (it is made in the background after a save)."""
    if not semantic_has("record", record.pk):
        return None
    alike = similar_to("record", record.pk, kinds=["record"], limit=limit * 4)
    ids = [item_id for _kind, item_id, _cosine in alike]
    visible = records_visible(person).in_bulk(ids)
    return [visible[pk] for pk in ids if pk in visible][:limit]
