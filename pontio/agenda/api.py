"""The agenda's API: the questions a person may see, with their state and support counted by
group, and one question. The same permission rules as the pages; who supports a question is
never given, only how many."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pontio.core.paging import ApiPage
from pontio.core.permissions import person_of

from . import selectors
from .models import Question

router = Router(tags=["questions"])
PAGE = 25


class QuestionOut(Schema):
    id: int
    organisation: str
    team: str | None
    text_en: str
    text_cy: str
    why_en: str
    why_cy: str
    language: str
    affects: list[str]
    topics: list[str]
    priority: str | None
    state: str
    closed_reason: str
    merged_into: int | None
    answered_by: list[int]
    support_count: int
    supports_by_group: dict[str, int]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organisation(obj: Question) -> str:
        return obj.organisation.name_en

    @staticmethod
    def resolve_team(obj: Question) -> str | None:
        return obj.team.name_en if obj.team else None

    @staticmethod
    def resolve_topics(obj: Question) -> list[str]:
        return [t.slug for t in obj.topics.all()]

    @staticmethod
    def resolve_priority(obj: Question) -> str | None:
        return obj.priority.name_en if obj.priority else None

    @staticmethod
    def resolve_merged_into(obj: Question) -> int | None:
        return obj.merged_into_id

    @staticmethod
    def resolve_answered_by(obj: Question) -> list[int]:
        # Only the records the caller may see (set by the endpoint).
        return list(vars(obj).get("visible_answers", []))

    @staticmethod
    def resolve_supports_by_group(obj: Question) -> dict[str, int]:
        return dict(vars(obj).get("by_group", {}))

    @staticmethod
    def resolve_support_count(obj: Question) -> int:
        return sum(vars(obj).get("by_group", {}).values())


class QuestionPage(Schema):
    count: int
    page: int
    results: list[QuestionOut]


class QuestionFilters(Schema):
    state: str = ""
    topic: int | None = None
    team: int | None = None
    sort: str = "newest"
    page: ApiPage = 1


def _with_counts(person: Any, questions: list[Question]) -> list[Question]:
    """Support counts by group and the visible answering records, kept on each instance for
    the schema's resolvers."""
    from pontio.library.selectors import records_visible

    ids = [q.pk for q in questions]
    by_group = selectors.supports_by_group(ids)
    answers: dict[int, list[int]] = {}
    through = Question.answered_by.through.objects.filter(
        question_id__in=ids, record_id__in=records_visible(person).values("pk")
    )
    for question_id, record_id in through.values_list("question_id", "record_id"):
        answers.setdefault(question_id, []).append(record_id)
    for question in questions:
        vars(question)["by_group"] = by_group.get(question.pk, {})
        vars(question)["visible_answers"] = sorted(answers.get(question.pk, []))
    return questions


@router.get("", response=QuestionPage)
def questions_list(request: HttpRequest, filters: Query[QuestionFilters]) -> dict[str, Any]:
    person = person_of(request)
    chosen = selectors.QuestionFilters(state=filters.state, topic=filters.topic, team=filters.team)
    sort = filters.sort if filters.sort in selectors.SORTS else "newest"
    questions = selectors.questions_list(person, chosen, sort).select_related(
        "organisation", "priority"
    )
    page = filters.page
    found = list(questions[(page - 1) * PAGE : page * PAGE])
    return {"count": questions.count(), "page": page, "results": _with_counts(person, found)}


@router.get("/{int:question_id}", response=QuestionOut)
def question_read(request: HttpRequest, question_id: int) -> Question:
    person = person_of(request)
    question = selectors.question_for(person, question_id)
    if question is None:
        raise HttpError(404, "No question with this id, or you may not see it.")
    return _with_counts(person, [question])[0]
