"""Keeping the search index in step with the library: the library hands its records to the
search app as plain documents, in the same transaction as the records themselves; their
embeddings follow in a background job."""

from collections.abc import Iterable, Sequence

from pontio.search.services import (
    IndexDoc,
    Source,
    keyword_index_documents,
    keyword_remove,
    semantic_queue,
)

from .models import Record

KIND = "record"


def record_document(record: Record) -> IndexDoc:
    return IndexDoc(
        id=record.pk,
        title=record.title,
        abstract=record.abstract,
        authors=" ".join(record.author_names),
        keywords=" ".join([*record.keywords, *record.concepts]),
        container=record.container,
    )


def index_records(records: Iterable[Record]) -> None:
    current = [r for r in records if r.merged_into_id is None]
    gone = [r.pk for r in records if r.merged_into_id is not None]
    if current:
        keyword_index_documents(KIND, [record_document(r) for r in current])
    if gone:
        keyword_remove(KIND, gone)
    semantic_queue(KIND, [r.pk for r in records])


def _current_documents(ids: Sequence[int]) -> list[IndexDoc]:
    return [record_document(r) for r in Record.objects.current().filter(pk__in=ids)]


def _all_ids() -> Iterable[int]:
    return Record.objects.current().order_by("pk").values_list("pk", flat=True).iterator()


# What the search app reads when it embeds records, or rebuilds their vectors.
RECORD_SOURCE = Source(documents=_current_documents, all_ids=_all_ids)
