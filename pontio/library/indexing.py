"""Keeping the search index in step with the library: the library hands its records to the
search app as plain documents, in the same transaction as the records themselves."""

from collections.abc import Iterable

from pontio.search.services import IndexDoc, keyword_index_documents, keyword_remove

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
