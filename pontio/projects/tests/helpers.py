"""Projects, decisions and profiles for the projects' tests, made through their own services."""

from typing import Any

from django.utils import timezone

from pontio.agenda import steering
from pontio.agenda.models import Decision, Question
from pontio.agenda.services import question_move
from pontio.agenda.tests.helpers import make_question
from pontio.projects import services
from pontio.projects.models import Project

TITLE = "Family group conferences in Caerwen"


def make_project(person: Any, title: str = TITLE, **data: Any) -> Project:
    """A project recorded by the person in their first organisation; they are its lead."""
    organisation = person.memberships.first().organisation
    return services.project_save(
        person=person,
        organisation=organisation,
        data={"title_en": title, "kind": "council", **data},
    )


def make_decision(
    chair: Any, broker: Any, author: Any, questions: list[Question] | None = None
) -> Decision:
    """A steering decision to commission research on a triaged question."""
    if questions is None:
        questions = [make_question(author)]
    for question in questions:
        question_move(person=broker, question=question, state="triaged")
    meeting = steering.meeting_save(
        person=chair,
        organisation=chair.memberships.first().organisation,
        title_en="Steering group",
        starts_at=timezone.now(),
    )
    return steering.decision_record(
        person=chair,
        meeting=meeting,
        outcome="commission",
        questions=questions,
        commissions="A rapid evidence review of school moves",
    )
