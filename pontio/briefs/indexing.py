"""Keeping the search index in step with briefs: only published briefs are in it (drafts are
never found by search), as plain documents in the same transaction; their embeddings follow in
a background job, so briefs are found by meaning as records are."""

from collections.abc import Iterable, Sequence

from pontio.search.services import (
    IndexDoc,
    Source,
    keyword_index_documents,
    keyword_remove,
    semantic_queue,
)

from .models import Brief, State

KIND = "brief"


def brief_document(brief: Brief) -> IndexDoc:
    # The embedding model knows English, so the title and abstract hold the English where there
    # is one; the Welsh is searchable by its words.
    title = brief.title_en or brief.title_cy
    abstract = "\n".join(t for t in (brief.question_en, brief.key_messages_en) if t)
    welsh = [brief.title_cy, brief.question_cy, brief.key_messages_cy]
    body = [brief.practice_en, brief.evidence_en, brief.practice_cy, brief.evidence_cy]
    topics = [name for topic in brief.topics.all() for name in (topic.name_en, topic.name_cy)]
    return IndexDoc(
        id=brief.pk,
        title=title,
        abstract=abstract or brief.question_cy or brief.key_messages_cy,
        keywords=" ".join(t for t in [*welsh, *body, *topics] if t and t != title),
    )


def index_briefs(briefs: Iterable[Brief]) -> None:
    briefs = list(briefs)
    published = [b for b in briefs if b.state == State.PUBLISHED]
    gone = [b.pk for b in briefs if b.state != State.PUBLISHED]
    if published:
        keyword_index_documents(KIND, [brief_document(b) for b in published])
    if gone:
        keyword_remove(KIND, gone)
    semantic_queue(KIND, [b.pk for b in briefs])


def _current_documents(ids: Sequence[int]) -> list[IndexDoc]:
    found = Brief.objects.filter(pk__in=ids, state=State.PUBLISHED).prefetch_related("topics")
    return [brief_document(b) for b in found]


def _all_ids() -> Iterable[int]:
    published = Brief.objects.filter(state=State.PUBLISHED).order_by("pk")
    return published.values_list("pk", flat=True).iterator()


# What the search app reads when it embeds briefs, or rebuilds their vectors.
BRIEF_SOURCE = Source(documents=_current_documents, all_ids=_all_ids)
