"""The demo's prioritisation and steering: a closed round with ballots from practitioners and
managers and the order its final workshop agreed, an open round, and a steering meeting that
took decisions and agreed actions, with another to come. Loaded with the demo questions."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from pontio.accounts.models import Person

from . import rounds, steering, workshop
from .models import Question, Round, State, SupporterGroup

CLOSED_ROUND = [
    "demo-trigger-trio-engage",
    "demo-poverty",
    "demo-conference-voice",
    "demo-leaving-care",
    "demo-pre-birth-learning",
    "demo-reunification",
    "demo-exclusion",
    "demo-residential-moves",
    "demo-welsh-language",
    "demo-aces-attendance",
    "demo-health-assessments",
    "demo-youth-justice",
]
OPEN_ROUND = ["demo-school-moves", "demo-kinship-trauma", "demo-supervision"]
# Each voter's ballot: positions in CLOSED_ROUND, first choice first (ten of the twelve).
BALLOTS = {
    "sian@caerwen.example": [0, 4, 1, 2, 6, 3, 5, 9, 8, 7],
    "dafydd@caerwen.example": [3, 8, 0, 5, 2, 1, 7, 4, 10, 6],
    "alys@caerwen.example": [6, 2, 0, 1, 11, 3, 4, 5, 9, 8],
    "admin@caerwen.example": [5, 0, 1, 3, 2, 4, 6, 7, 8, 9],
    "gwen@caerwen.example": [1, 8, 0, 3, 5, 2, 4, 10, 9, 6],
    "rhodri@caerwen.example": [1, 0, 2, 11, 5, 3, 6, 4, 7, 8],
    "huw@caerwen.example": [1, 4, 0, 5, 2, 3, 9, 6, 7, 8],
}


def _person(email: str) -> Person:
    return Person.objects.get(email=email)


def _closed_round(organisation: Any, chair: Person, shortlist: list[Question]) -> Round:
    now = timezone.now()
    round = rounds.round_open(
        person=chair,
        organisation=organisation,
        title_en="Caerwen's research priorities 2026",
        title_cy="Blaenoriaethau ymchwil Caerwen 2026",
        shortlist=shortlist,
        groups=[SupporterGroup.PRACTITIONER, SupporterGroup.MANAGER],
        opens_at=now - timedelta(days=45),
        closes_at=now + timedelta(hours=1),
    )
    for email, order in BALLOTS.items():
        ids = [shortlist[i].pk for i in order]
        rounds.ballot_cast(person=_person(email), round=round, question_ids=ids)
    # Ballots are cast while a round is open; the demo's round closed a month ago.
    Round.objects.filter(pk=round.pk).update(closes_at=now - timedelta(days=30))
    round.refresh_from_db()
    return round


def _agree(round: Round, chair: Person) -> None:
    """The workshop keeps the ballots' order but one swap, made for a reason."""
    order = workshop.proposed_order(round)
    order[2], order[3] = order[3], order[2]
    places = {q.pk: place for place, q in enumerate(order, 1)}
    reason = "Moved after the workshop heard from care-experienced young people."
    workshop.workshop_agree(
        person=chair,
        round=round,
        places=places,
        reasons={order[2].pk: reason, order[3].pk: reason},
    )


def _meetings(organisation: Any, chair: Person, questions: dict[str, Question]) -> None:
    now = timezone.now()
    top = list(Question.objects.filter(organisation=organisation, state=State.PRIORITISED))
    top.sort(key=lambda q: q.agenda_place or 99)
    held = steering.meeting_save(
        person=chair,
        organisation=organisation,
        title_en="Steering group: the top ten",
        title_cy="Grŵp llywio: y deg uchaf",
        starts_at=now - timedelta(days=20),
        place="Council Chamber, Caerwen",
    )
    for question in top[:3]:
        steering.item_add(person=chair, meeting=held, kind="question", question=question)
    steering.item_add(
        person=chair,
        meeting=held,
        kind="project",
        title="Kinship care evaluation with Caerwen University",
        note="Progress report from the embedded researcher.",
    )
    steering.decision_record(
        person=chair,
        meeting=held,
        outcome="commission",
        questions=[top[0]],
        commissions="A rapid evidence review with Caerwen University",
    )
    steering.decision_record(
        person=chair,
        meeting=held,
        outcome="defer",
        questions=[top[1]],
        reason="Wait for the national review of child protection, due in the spring.",
    )
    steering.decision_record(
        person=chair,
        meeting=held,
        outcome="reject",
        questions=[questions["demo-missing"]],
        reason="The regional exploitation strategy already funds this work.",
    )
    broker, leader = _person("alys@caerwen.example"), _person("rhodri@caerwen.example")
    steering.follow_up_add(
        person=chair,
        meeting=held,
        text="Draft the commissioning brief for the evidence review with the university.",
        owner=broker,
        due_on=(now + timedelta(days=10)).date(),
    )
    shared = steering.follow_up_add(
        person=chair,
        meeting=held,
        text="Share the top ten with the Regional Partnership Board.",
        owner=leader,
        due_on=(now - timedelta(days=5)).date(),
    )
    steering.follow_up_mark(person=leader, follow_up=shared, done=True)
    coming = steering.meeting_save(
        person=chair,
        organisation=organisation,
        title_en="Steering group: winter",
        title_cy="Grŵp llywio: y gaeaf",
        starts_at=now + timedelta(days=14),
        place="Room 2, Civic Centre",
    )
    for question in top[3:5]:
        steering.item_add(person=chair, meeting=coming, kind="question", question=question)


def demo_steering_load(*, organisation: Any, questions: dict[str, Question]) -> None:
    chair = _person("gwen@caerwen.example")
    closed = _closed_round(organisation, chair, [questions[key] for key in CLOSED_ROUND])
    _agree(closed, chair)
    left_out = list(closed.shortlist.filter(state=State.SHORTLISTED))
    now = timezone.now()
    open_round = rounds.round_open(
        person=chair,
        organisation=organisation,
        title_en="Questions for 2027",
        title_cy="Cwestiynau ar gyfer 2027",
        shortlist=left_out + [questions[key] for key in OPEN_ROUND],
        groups=[SupporterGroup.PRACTITIONER, SupporterGroup.MANAGER, SupporterGroup.PARTNER],
        picks=3,
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=12),
    )
    first = open_round.shortlist.order_by("pk")[0]
    rounds.ballot_cast(
        person=_person("huw@caerwen.example"), round=open_round, question_ids=[first.pk]
    )
    _meetings(organisation, chair, questions)
