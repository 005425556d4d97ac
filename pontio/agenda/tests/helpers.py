"""Questions for the agenda's tests, raised through the agenda's own service."""

import secrets
from typing import Any

from pontio.agenda import services
from pontio.agenda.models import Question


def make_question(
    person: Any,
    text: str = "What helps children looked after stay in the same school?",
    *,
    organisation: Any = None,
    **fields: Any,
) -> Question:
    """A question raised by the person in their first organisation (or the one given)."""
    if organisation is None:
        organisation = person.memberships.first().organisation
    question, _created = services.question_raise(
        person=person,
        organisation=organisation,
        submission_key=secrets.token_urlsafe(8),
        text=text,
        **fields,
    )
    return question
