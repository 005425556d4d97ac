"""Reads of the agenda: who may see which question, the agenda's list with filters and sorting,
support counted by group, what is similar to a new question, notices and the triage queue."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.http import QueryDict

from pontio.search.services import hybrid_search

from .models import (
    OPEN_STATES,
    Notice,
    Question,
    QuestionQuerySet,
    State,
    Support,
    SupporterGroup,
)

SORTS = {"newest": ("-created_at", "-pk"), "supported": ("-support_count", "-created_at", "-pk")}


def questions_visible(person: Any) -> QuestionQuerySet:
    return Question.objects.visible_to(person)


def question_for(person: Any, pk: int) -> Question | None:
    return (
        questions_visible(person)
        .select_related("organisation", "team", "priority", "merged_into")
        .filter(pk=pk)
        .first()
    )


@dataclass
class QuestionFilters:
    state: str = ""
    topic: int | None = None
    team: int | None = None

    @classmethod
    def from_query(cls, data: QueryDict) -> "QuestionFilters":
        def number(name: str) -> int | None:
            value = data.get(name, "").strip()
            return int(value) if value.isdecimal() else None

        state = data.get("state", "")
        return cls(
            state=state if state in State.values or state == "open" else "",
            topic=number("topic"),
            team=number("team"),
        )

    @property
    def active(self) -> bool:
        return bool(self.state or self.topic or self.team)

    def apply(self, questions: QuerySet[Question]) -> QuerySet[Question]:
        if self.state == "open":
            questions = questions.filter(state__in=OPEN_STATES)
        elif self.state:
            questions = questions.filter(state=self.state)
        if self.topic:
            questions = questions.filter(topics=self.topic)
        if self.team:
            questions = questions.filter(team=self.team)
        return questions


def questions_list(person: Any, filters: QuestionFilters, sort: str) -> QuerySet[Question]:
    """The agenda as the person sees it: current questions (not merged ones) with their support
    counted, filtered and sorted."""
    questions = filters.apply(questions_visible(person).current())
    return (
        questions.annotate(support_count=Count("supports", distinct=True))
        .select_related("team", "organisation")
        .prefetch_related("topics")
        .order_by(*SORTS.get(sort, SORTS["newest"]))
    )


def support_counts(question: Question) -> list[tuple[str, int]]:
    """Support for a question by group, in a fixed order. Lived experience is listed only when
    someone is counted in it (where an organisation records it)."""
    counts = dict(
        Support.objects.filter(question=question)
        .values_list("group")
        .annotate(n=Count("pk"))
        .values_list("group", "n")
    )
    return [
        (str(group.label), counts.get(group, 0))
        for group in SupporterGroup
        if group != SupporterGroup.LIVED_EXPERIENCE or counts.get(group)
    ]


def support_reasons(question: Question) -> list[str]:
    """The reasons supporters gave, without their names, for brokers and the steering group."""
    return list(
        Support.objects.filter(question=question)
        .exclude(reason="")
        .values_list("reason", flat=True)
    )


def supports_by_group(question_ids: list[int]) -> dict[int, dict[str, int]]:
    """Support counts by group for many questions at once (the API's list)."""
    rows = (
        Support.objects.filter(question__in=question_ids)
        .values_list("question", "group")
        .annotate(n=Count("pk"))
    )
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for question_id, group, n in rows:
        found[question_id][group] = n
    return found


def similar_questions(
    person: Any, text: str, *, limit: int = 5, exclude: int | None = None
) -> list[Question]:
    """Questions on the agenda the person may see that ask something like the text, by its words
    and its meaning, best first. Merged questions are left out; closed ones are not, as
    knowing a question was answered or ruled out is worth as much."""
    visible = questions_visible(person).current()
    if exclude is not None:
        visible = visible.exclude(pk=exclude)
    ids = list(visible.values_list("pk", flat=True))
    if not text.strip() or not ids:
        return []
    found = hybrid_search("question", text, limit=limit, within=ids)
    by_id = (
        visible.select_related("team")
        .annotate(support_count=Count("supports"))
        .in_bulk([hit.id for hit in found])
    )
    return [by_id[hit.id] for hit in found if hit.id in by_id]


def records_that_may_answer(person: Any, text: str, *, limit: int = 5) -> list[Any]:
    """Records in the library the person may see that may already answer the text."""
    from pontio.library.selectors import records_visible

    if not text.strip():
        return []
    found = hybrid_search("record", text, limit=limit * 4)
    visible = records_visible(person).in_bulk([hit.id for hit in found])
    return [visible[hit.id] for hit in found if hit.id in visible][:limit]


def records_answering(person: Any, question: Question) -> list[Any]:
    """The records that answer the question, those the person may see."""
    from pontio.library.selectors import records_visible

    return list(records_visible(person).filter(questions_answered=question))


def briefs_answering(person: Any, question: Question) -> list[Any]:
    """The published evidence briefs that answer the question, those the person may read."""
    from pontio.briefs.models import Brief

    return list(Brief.objects.readable_by(person).filter(answers=question, state="published"))


def notices_for(person: Any) -> QuerySet[Notice]:
    """The person's notices about questions they may still see, newest first."""
    return Notice.objects.filter(
        person=person, question__in=questions_visible(person).values("pk")
    ).select_related("question")


def unread_notices(person: Any) -> int:
    return notices_for(person).filter(read_at__isnull=True).count()


def triage_queue(person: Any) -> dict[str, QuerySet[Question]]:
    """What waits for a broker in their organisations: new questions, oldest first, and those
    sent back to their authors to clarify."""
    organisations = person.memberships.values("organisation")
    waiting = (
        Question.objects.current()
        .filter(organisation__in=organisations, state=State.SUBMITTED)
        .select_related("team")
        .annotate(support_count=Count("supports"))
        .order_by("created_at", "pk")
    )
    return {
        "new": waiting.filter(clarification_asked=False),
        "clarifying": waiting.filter(clarification_asked=True),
    }


def teams_with_questions(person: Any) -> list[Any]:
    from pontio.organisations.models import Team

    asked = questions_visible(person).current().exclude(team=None).values("team")
    return list(Team.objects.filter(pk__in=asked).select_related("organisation"))


def topics_with_questions(person: Any) -> list[Any]:
    from pontio.taxonomy.models import Topic

    asked = questions_visible(person).current().values("topics")
    return list(Topic.objects.filter(pk__in=asked).order_by("name_en"))
