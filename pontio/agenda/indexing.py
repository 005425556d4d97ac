"""Keeping the search index in step with the agenda, as the library does for records: questions
are handed to the search app as plain documents in the same transaction; their embeddings
follow in a background job. Merged questions leave the index."""

from collections.abc import Iterable, Sequence

from pontio.search.services import (
    IndexDoc,
    Source,
    embedding_text,
    keyword_index_documents,
    keyword_remove,
    semantic_queue,
)

from .models import Question

KIND = "question"


def _title_and_abstract(question: Question) -> tuple[str, str]:
    # The model that embeds reads the title and abstract and knows English, so those hold the
    # English where there is one; the Welsh is searchable by its words.
    return question.text_en or question.text_cy, question.why_en or question.why_cy


def question_text(question: Question) -> str:
    """What the model reads of a question: the same text its stored vector was made from."""
    title, abstract = _title_and_abstract(question)
    return embedding_text(IndexDoc(id=question.pk, title=title, abstract=abstract))


def question_document(question: Question) -> IndexDoc:
    title, abstract = _title_and_abstract(question)
    others = [
        text
        for text in (question.text_cy, question.why_cy)
        if text and text not in (title, abstract)
    ]
    topics = [name for topic in question.topics.all() for name in (topic.name_en, topic.name_cy)]
    return IndexDoc(
        id=question.pk,
        title=title,
        abstract=abstract,
        keywords=" ".join([*others, *topics]),
    )


def index_questions(questions: Iterable[Question]) -> None:
    questions = list(questions)
    current = [q for q in questions if q.merged_into_id is None]
    gone = [q.pk for q in questions if q.merged_into_id is not None]
    if current:
        keyword_index_documents(KIND, [question_document(q) for q in current])
    if gone:
        keyword_remove(KIND, gone)
    semantic_queue(KIND, [q.pk for q in questions])


def _current_documents(ids: Sequence[int]) -> list[IndexDoc]:
    found = Question.objects.current().filter(pk__in=ids).prefetch_related("topics")
    return [question_document(q) for q in found]


def _all_ids() -> Iterable[int]:
    return Question.objects.current().order_by("pk").values_list("pk", flat=True).iterator()


# What the search app reads when it embeds questions, or rebuilds their vectors.
QUESTION_SOURCE = Source(documents=_current_documents, all_ids=_all_ids)
