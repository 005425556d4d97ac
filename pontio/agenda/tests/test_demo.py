"""The demo agenda: questions in every state triage reaches, loaded twice without change."""

from typing import Any

from pontio.accounts.models import Role
from pontio.agenda.demo import QUESTIONS, demo_agenda_load
from pontio.agenda.models import Question, State, Support
from pontio.conftest import make_person
from pontio.lib.records import ParsedRecord, RecordType
from pontio.library import services as library
from pontio.library.models import Source
from pontio.organisations.models import Organisation, Team


def test_the_demo_agenda_loads_once(council: Organisation, team: Team, seeded_topics: Any) -> None:
    people = {}
    for email in {q.author for q in QUESTIONS} | {s for q in QUESTIONS for s in q.supporters}:
        roles = (Role.BROKER,) if email.startswith("alys") else ()
        people[email] = make_person(email, email.split("@")[0], team=team, roles=roles)
    broker = people["alys@caerwen.example"]
    library.record_create(
        person=broker,
        organisation=council,
        parsed=ParsedRecord(
            title="Making the Most of Research: Final Report", record_type=RecordType.REPORT
        ),
        source=Source.MANUAL,
    )
    assert demo_agenda_load(organisation=council, broker=broker) == len(QUESTIONS)
    assert demo_agenda_load(organisation=council, broker=broker) == 0
    assert Question.objects.count() == len(QUESTIONS)
    states = set(Question.objects.values_list("state", flat=True))
    assert states == {
        State.SUBMITTED,
        State.TRIAGED,
        State.SHORTLISTED,
        State.PRIORITISED,
        State.COMMISSIONED,
        State.ANSWERED,
        State.CLOSED,
    }
    assert Question.objects.filter(merged_into__isnull=False).count() == 1
    assert Question.objects.filter(clarification_asked=True).count() == 1
    assert Support.objects.count() > 10
