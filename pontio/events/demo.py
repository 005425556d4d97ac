"""The demo's events: journal clubs, training and seminars coming up, a findings seminar the
kinship care evaluation held (one of its outputs), a held briefing that began as a request for an
expert, and a cancelled workshop. Loading twice changes nothing (found by English title)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.organisations.models import Organisation
from pontio.people import requests
from pontio.people.models import Profile
from pontio.projects.models import Project

from . import services
from .models import Event, Kind

SIAN, DAFYDD, ALYS = "sian@caerwen.example", "dafydd@caerwen.example", "alys@caerwen.example"
GWEN, HUW, TOMOS = "gwen@caerwen.example", "huw@caerwen.example", "tomos@caerwen-uni.example"
HOURS_2 = timedelta(hours=2)


@dataclass(frozen=True)
class DemoEvent:
    title_en: str
    title_cy: str
    kind: str
    days: int  # from today; negative: in the past
    organiser: str
    description_en: str
    description_cy: str
    place: str = "Ystafell 2, Neuadd y Sir / Room 2, County Hall"
    online: bool = False
    capacity: int | None = None
    visibility: str = "organisation"
    going: tuple[str, ...] = ()
    came: tuple[str, ...] | None = None  # recorded after the event: held
    notes_en: str = ""
    notes_cy: str = ""
    cancelled: str = ""
    project: str = ""  # English title of the project it belongs to
    speakers: tuple[str, ...] = ()  # profile names


EVENTS = [
    DemoEvent(
        "Journal club: family group conferences",
        "Clwb cyfnodolion: cynadleddau grŵp teulu",
        Kind.JOURNAL_CLUB,
        6,
        DAFYDD,
        "We read one short paper on family group conferences and talk about what it means for "
        "our practice. Read the brief beforehand if you can.",
        "Byddwn yn darllen un papur byr am gynadleddau grŵp teulu ac yn trafod beth mae'n ei "
        "olygu i'n hymarfer. Darllenwch y crynodeb ymlaen llaw os gallwch.",
        online=True,
        capacity=16,
        going=(SIAN, ALYS, GWEN),
    ),
    DemoEvent(
        "Training: finding and reading research",
        "Hyfforddiant: dod o hyd i ymchwil a'i ddarllen",
        Kind.TRAINING,
        13,
        ALYS,
        "A morning on searching the library, judging the strength of evidence and writing a "
        "question for the research agenda.",
        "Bore ar chwilio'r llyfrgell, barnu cryfder tystiolaeth ac ysgrifennu cwestiwn i'r "
        "agenda ymchwil.",
        capacity=12,
        going=(SIAN,),
    ),
    DemoEvent(
        "Seminar: contextual safeguarding with Caerwen University",
        "Seminar: diogelu cyd-destunol gyda Phrifysgol Caerwen",
        Kind.SEMINAR,
        27,
        TOMOS,
        "Researchers and practitioners share what is known about harm outside the home.",
        "Ymchwilwyr ac ymarferwyr yn rhannu'r hyn sy'n hysbys am niwed y tu allan i'r cartref.",
        visibility="partnership",
        online=True,
        speakers=("Dr Tomos Price",),
    ),
    DemoEvent(
        "Kinship care evaluation: findings seminar",
        "Gwerthusiad gofal gan berthnasau: seminar canfyddiadau",
        Kind.SEMINAR,
        -40,
        DAFYDD,
        "The evaluation team present what they found and what it means for kinship carers.",
        "Tîm y gwerthusiad yn cyflwyno'r hyn a ganfuwyd a'r hyn y mae'n ei olygu i ofalwyr.",
        going=(SIAN, ALYS, HUW, GWEN),
        came=(SIAN, ALYS, GWEN),
        notes_en="Carers value a named worker; the team will test a support group next year.",
        notes_cy="Mae gofalwyr yn gwerthfawrogi gweithiwr penodol; bydd y tîm yn treialu grŵp "
        "cymorth y flwyddyn nesaf.",
        project="Kinship care evaluation",
    ),
    DemoEvent(
        "Workshop: writing plain-language briefs",
        "Gweithdy: ysgrifennu crynodebau iaith glir",
        Kind.WORKSHOP,
        20,
        ALYS,
        "How to write a brief social workers will read in five minutes.",
        "Sut i ysgrifennu crynodeb y bydd gweithwyr cymdeithasol yn ei ddarllen mewn pum munud.",
        going=(DAFYDD,),
        cancelled="The trainer is unwell; we will arrange a new date.",
    ),
]


def _person(email: str) -> Person:
    return Person.objects.get(email=email)


def _event(demo: DemoEvent, organisation: Organisation) -> Event | None:
    if Event.objects.filter(title_en=demo.title_en).exists():
        return None
    organiser = _person(demo.organiser)
    project = Project.objects.filter(title_en=demo.project).first() if demo.project else None
    starts = (timezone.now() + timedelta(days=demo.days)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    arranged_for = starts if demo.days > 0 else timezone.now() + timedelta(days=1)
    data: dict[str, Any] = {
        "kind": demo.kind,
        "title_en": demo.title_en,
        "title_cy": demo.title_cy,
        "description_en": demo.description_en,
        "description_cy": demo.description_cy,
        "starts_at": arranged_for,
        "ends_at": arranged_for + HOURS_2,
        "place": "" if demo.online else demo.place,
        "online_link": "https://teams.example.org/caerwen-research" if demo.online else "",
        "capacity": demo.capacity,
        "visibility": demo.visibility,
    }
    home = organiser.memberships.get().organisation
    event = services.event_save(
        person=organiser,
        data=data,
        organisation=home,
        project=project,
        speakers=Profile.objects.filter(name__in=demo.speakers),
    )
    for email in demo.going:
        services.attendance_join(person=_person(email), event=event)
    if demo.days < 0:  # people signed up while it was still to come; then it took place
        Event.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + HOURS_2)
    if demo.came is not None:
        came = [_person(email).pk for email in demo.came]
        services.event_record(
            person=organiser, event=event, came=came, notes_en=demo.notes_en, notes_cy=demo.notes_cy
        )
    if demo.cancelled:
        services.event_cancel(person=organiser, event=event, reason=demo.cancelled)
    return event


def _briefing_from_a_request(organisation: Organisation) -> None:
    """A request for an expert that a broker arranged as a briefing, held last week."""
    if Event.objects.filter(expert_request__isnull=False).exists():
        return
    broker, asker = _person(ALYS), _person(SIAN)
    tomos = Profile.objects.filter(name="Dr Tomos Price").first()
    if tomos is None or tomos.person is None:
        return
    made = requests.request_make(
        person=asker, expert=tomos, kind="briefing", about="Neglect and school attendance."
    )
    requests.request_approach(person=broker, request=made)
    requests.request_answer(
        person=tomos.person, request=made, accept=True, times="Monday 9:30 or Friday 14:00"
    )
    data = {
        **services.from_request(made),
        "starts_at": timezone.now() + timedelta(days=1),
        "ends_at": timezone.now() + timedelta(days=1, hours=1),
        "place": "Ystafell 4 / Room 4",
    }
    event = services.event_save(person=broker, data=data, expert_request=made, speakers=[tomos])
    services.attendance_join(person=asker, event=event)
    starts = timezone.now() - timedelta(days=7)
    Event.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=1))
    services.event_record(
        person=broker,
        event=event,
        came=[asker.pk],
        notes_en="Attendance is an early sign; Tomos sent two papers, now in the library.",
    )


@transaction.atomic
def demo_events_load(*, organisation: Organisation) -> int:
    """Returns how many events were new."""
    made = [event for demo in EVENTS if (event := _event(demo, organisation))]
    _briefing_from_a_request(organisation)
    return len(made)
