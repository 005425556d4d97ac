"""The agenda's models: questions and what happens to them (questions.py), prioritisation
rounds (rounds.py) and the steering group's meetings (meetings.py)."""

from .meetings import AgendaItem, Decision, FollowUp, ItemKind, Meeting, Outcome
from .questions import (
    AGENDA_STATES,
    OPEN_STATES,
    Action,
    Affected,
    ClosedReason,
    Notice,
    Question,
    QuestionQuerySet,
    State,
    Support,
    SupporterGroup,
    TriageAction,
)
from .rounds import AgreedPlace, Ballot, BallotChoice, Round, RoundQuerySet

__all__ = [
    "AGENDA_STATES",
    "OPEN_STATES",
    "Action",
    "Affected",
    "AgendaItem",
    "AgreedPlace",
    "Ballot",
    "BallotChoice",
    "ClosedReason",
    "Decision",
    "FollowUp",
    "ItemKind",
    "Meeting",
    "Notice",
    "Outcome",
    "Question",
    "QuestionQuerySet",
    "Round",
    "RoundQuerySet",
    "State",
    "Support",
    "SupporterGroup",
    "TriageAction",
]
