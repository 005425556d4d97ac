"""The demo expert directory: published profiles for the demo's academics and practitioners,
local experts with stated expertise, unclaimed draft profiles for the authors of the briefing's
references and of the OpenAlex sample (when it was loaded), and requests in every state.
Loading twice changes nothing."""

from dataclasses import dataclass

from django.db import transaction

from pontio.accounts.models import Person
from pontio.library.models import Record
from pontio.organisations.models import Organisation
from pontio.taxonomy.models import Topic

from . import requests
from .indexing import index_profiles
from .models import ExpertRequest, Profile, ProfileState


@dataclass(frozen=True)
class DemoProfile:
    name: str
    organisation: str
    job_title: str
    interests: str
    topics: tuple[str, ...] = ()
    email: str = ""  # a demo person's, for a claimed profile
    welsh: bool = False
    availability: tuple[str, ...] = ("briefing",)
    works: tuple[str, ...] = ()  # starts of library record titles
    state: str = ProfileState.PUBLISHED


UNI, COUNCIL = "Caerwen University", "Caerwen Council"

PROFILES = [
    DemoProfile(
        "Dr Tomos Price",
        UNI,
        "Embedded researcher",
        "Domestic abuse, substance use and how families get help; researching inside "
        "children's services teams.",
        ("domestic-sexual-violence", "substance-use", "evidence-informed-practice"),
        email="tomos@caerwen-uni.example",
        availability=("briefing", "roundtable", "review"),
        works=("Challenges and enablers of the embedded researcher model",),
    ),
    DemoProfile(
        "Professor Mair Thomas",
        UNI,
        "Professor of Social Work",
        "Adverse childhood experiences and health outcomes for children looked after; "
        "how research is used in practice.",
        ("aces", "health-outcomes", "cla-outcomes"),
        email="mair@caerwen-uni.example",
        welsh=True,
        availability=("briefing", "roundtable", "review", "advice"),
        works=("Making the Most of Research", "The Science of Using Science"),
    ),
    DemoProfile(
        "Alys Jenkins",
        COUNCIL,
        "Knowledge broker",
        "Contextual safeguarding and criminal exploitation; turning research into practice "
        "guidance for social work teams.",
        ("contextual-harm", "criminal-exploitation"),
        email="alys@caerwen.example",
        availability=("briefing",),
    ),
    DemoProfile(
        "Dafydd Rees",
        COUNCIL,
        "Research champion",
        "Education of children looked after and keeping them in one school.",
        ("cla-education", "cla-outcomes"),
        email="dafydd@caerwen.example",
        welsh=True,
    ),
    DemoProfile(
        "Dr Nia Pritchard",
        UNI,
        "Senior Lecturer in Child Protection",
        "Pre-birth assessment, infants in care proceedings and parents with learning disabilities.",
        ("pre-birth", "infants-parenting", "child-protection"),
        welsh=True,
        availability=("briefing", "roundtable"),
    ),
    DemoProfile(
        "Rhys Morgan",
        COUNCIL,
        "Performance and data analyst",
        "Local indicators for children's services, comparing councils and reading "
        "administrative data well.",
        ("health-social-care-integration",),
        availability=("advice",),
    ),
    DemoProfile(
        "Catrin Owen",
        "Caerwen Health Board",
        "Consultant in public health",
        "Health outcomes for care-experienced young people and adverse childhood experiences.",
        ("health-outcomes", "aces"),
        welsh=True,
        availability=("roundtable",),
    ),
    DemoProfile(
        "Bethan Ellis",
        "Children First Cymru",
        "Service manager, family support charity",
        "Family support for families in poverty and what keeps children out of care.",
        ("family-support",),
        availability=("roundtable", "briefing"),
    ),
]


def _organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(name_en=name).first()


def _profile(demo: DemoProfile) -> tuple[Profile, bool]:
    person = Person.objects.filter(email=demo.email).first() if demo.email else None
    found = Profile.objects.filter(name=demo.name).first()
    if found:
        return found, False
    profile = Profile.objects.create(
        person=person,
        name=demo.name,
        organisation=_organisation(demo.organisation),
        job_title=demo.job_title,
        interests_en=demo.interests,
        welsh_speaker=demo.welsh,
        availability=list(demo.availability),
        visibility="partnership",
        state=demo.state,
    )
    profile.topics.set(Topic.objects.filter(slug__in=demo.topics))
    for start in demo.works:
        profile.works.add(*Record.objects.current().filter(title__startswith=start)[:1])
    return profile, True


def _drafts_from_authors(limit: int) -> list[Profile]:
    """Unclaimed drafts for authors of records in the library (the briefing's references and
    the OpenAlex sample), most prolific first: what an institution import would make."""
    made = []
    by_name: dict[str, list[Record]] = {}
    for record in Record.objects.current().exclude(authors=[]).order_by("pk")[:3000]:
        for author in record.authors[:3]:
            family, given = author.get("family", ""), author.get("given", "")
            if family and given:
                by_name.setdefault(f"{given} {family}", []).append(record)
    ranked = sorted(by_name.items(), key=lambda item: (-len(item[1]), item[0]))
    for name, records in ranked[:limit]:
        if Profile.objects.filter(name=name).exists():
            continue
        profile = Profile.objects.create(name=name, state=ProfileState.DRAFT)
        profile.works.add(*records[:20])
        made.append(profile)
    return made


def _requests(organisation: Organisation) -> None:
    if ExpertRequest.objects.exists():
        return
    asker = Person.objects.get(email="sian@caerwen.example")
    broker = Person.objects.get(email="alys@caerwen.example")
    mair = Profile.objects.get(name="Professor Mair Thomas")
    tomos = Profile.objects.get(name="Dr Tomos Price")
    ask = requests.request_make
    ask(person=asker, expert=mair, kind="briefing", about="Health checks for children in care.")
    approached = ask(
        person=asker, expert=tomos, kind="roundtable", about="The trigger trio and early help."
    )
    requests.request_approach(person=broker, request=approached, note="Could you join us?")
    accepted = ask(
        person=broker, expert=mair, kind="roundtable", about="Our top ten research questions."
    )
    requests.request_approach(person=broker, request=accepted)
    requests.request_answer(
        person=mair.person, request=accepted, accept=True, times="Tuesday 3 March, 10:00"
    )
    declined = ask(person=asker, expert=tomos, kind="briefing", about="Pre-birth assessment.")
    requests.request_approach(person=broker, request=declined)
    requests.request_answer(
        person=tomos.person, request=declined, accept=False, reply="Dr Nia Pritchard knows more."
    )
    withdrawn = ask(person=asker, expert=mair, kind="briefing", about="Kinship care.")
    requests.request_withdraw(person=asker, request=withdrawn)


@transaction.atomic
def demo_people_load(*, organisation: Organisation) -> int:
    """Returns how many profiles were new."""
    made = [profile for profile, created in map(_profile, PROFILES) if created]
    made += _drafts_from_authors(limit=max(0, 24 - Profile.objects.count()))
    index_profiles(made)
    _requests(organisation)
    return len(made)
