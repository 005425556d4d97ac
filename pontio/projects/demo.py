"""The demo's research projects: fifteen and more, of every kind and status, across the demo
council's teams and Caerwen University, with the project the steering group commissioned in the
demo meeting. Loading twice changes nothing (a project is found by its English title)."""

import zlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from pontio.accounts.models import Person
from pontio.organisations.models import Organisation, Team
from pontio.taxonomy.models import Topic

from . import services
from .models import Kind, Part, Project, Status


@dataclass(frozen=True)
class DemoProject:
    title_en: str
    title_cy: str
    kind: str
    status: str
    owner: str  # organisation name
    lead: str  # email
    starts: int  # months from now (negative: in the past)
    months: int
    summary: str
    topics: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    others: tuple[tuple[str, str], ...] = ()  # (email, part)
    stopped_reason: str = ""
    ethics: str = "not_needed"


COUNCIL, UNIVERSITY = "Caerwen Council", "Caerwen University"
SIAN, DAFYDD, ALYS = "sian@caerwen.example", "dafydd@caerwen.example", "alys@caerwen.example"
TOMOS, MAIR, HUW = "tomos@caerwen-uni.example", "mair@caerwen-uni.example", "huw@caerwen.example"

PROJECTS = [
    DemoProject(
        "Pre-birth assessments: what parents say helps",
        "Asesiadau cyn geni: beth sy'n helpu yn ôl rhieni",
        Kind.STUDENT,
        Status.IN_PROGRESS,
        COUNCIL,
        SIAN,
        -4,
        10,
        "Interviews with parents who went through a pre-birth assessment, for a master's degree.",
        ("pre-birth",),
        ("Intake and Assessment",),
        (UNIVERSITY,),
        ((MAIR, Part.SUPERVISOR), (SIAN, Part.STUDENT)),
        ethics="approved",
    ),
    DemoProject(
        "School stability for children looked after",
        "Sefydlogrwydd ysgol i blant sy'n derbyn gofal",
        Kind.COUNCIL,
        Status.REPORTING,
        COUNCIL,
        DAFYDD,
        -11,
        12,
        "How often children looked after change school, and what kept them in the same one.",
        ("cla-education", "cla-outcomes"),
        ("Children Looked After",),
        others=((TOMOS, Part.EMBEDDED),),
        ethics="approved",
    ),
    DemoProject(
        "Contextual safeguarding in Caerwen: a pilot evaluation",
        "Diogelu cyd-destunol yng Nghaerwen: gwerthusiad peilot",
        Kind.EVALUATION,
        Status.IN_PROGRESS,
        COUNCIL,
        ALYS,
        -6,
        18,
        "Does assessing places and peer groups, not only families, change what the hub does?",
        ("contextual-harm", "criminal-exploitation"),
        ("Safeguarding Hub",),
        (UNIVERSITY,),
        ((TOMOS, Part.EMBEDDED), (MAIR, Part.ACADEMIC)),
        ethics="submitted",
    ),
    DemoProject(
        "Kinship care evaluation",
        "Gwerthusiad o ofal gan berthnasau",
        Kind.EVALUATION,
        Status.COMPLETE,
        COUNCIL,
        DAFYDD,
        -24,
        18,
        "What support kinship carers used, and what they would have wanted sooner.",
        ("family-support",),
        ("Children Looked After",),
        (UNIVERSITY,),
        ((MAIR, Part.ACADEMIC), (TOMOS, Part.EMBEDDED)),
        ethics="approved",
    ),
    DemoProject(
        "Early help: who comes back, and why",
        "Cymorth cynnar: pwy sy'n dod yn ôl, a pham",
        Kind.COUNCIL,
        Status.APPROVED,
        COUNCIL,
        HUW,
        1,
        9,
        "Families who return to early help within a year: their stories and the records.",
        ("family-support",),
        ("Early Help",),
        ethics="not_yet",
    ),
    DemoProject(
        "Substance use and parenting: a co-produced evidence synthesis",
        "Camddefnyddio sylweddau a magu plant: synthesis tystiolaeth wedi'i gydgynhyrchu",
        Kind.SYNTHESIS,
        Status.IN_PROGRESS,
        UNIVERSITY,
        TOMOS,
        -3,
        8,
        "Practitioners and parents with lived experience choose the questions and read the "
        "evidence.",
        ("substance-use",),
        ("Intake and Assessment",),
        (COUNCIL,),
        ((SIAN, Part.PRACTICE),),
    ),
    DemoProject(
        "Adverse childhood experiences and school attendance",
        "Profiadau niweidiol yn ystod plentyndod a phresenoldeb ysgol",
        Kind.UNIVERSITY,
        Status.PROPOSED,
        UNIVERSITY,
        MAIR,
        3,
        24,
        "Linked health and education records, if data access is agreed.",
        ("aces", "health-outcomes"),
        partners=(COUNCIL, "Caerwen Health Board"),
        ethics="not_yet",
    ),
    DemoProject(
        "Domestic abuse referrals at the front door",
        "Atgyfeiriadau cam-drin domestig wrth y drws ffrynt",
        Kind.UNIVERSITY,
        Status.COMPLETE,
        UNIVERSITY,
        TOMOS,
        -30,
        12,
        "What happened to domestic abuse referrals in their first month.",
        ("domestic-sexual-violence",),
        ("Intake and Assessment",),
        (COUNCIL,),
        ((SIAN, Part.PRACTICE),),
        ethics="approved",
    ),
    DemoProject(
        "Supervision that helps social workers stay",
        "Goruchwyliaeth sy'n helpu gweithwyr cymdeithasol i aros",
        Kind.COUNCIL,
        Status.IDEA,
        COUNCIL,
        HUW,
        6,
        6,
        "An idea from the team managers' forum: what supervision do those who stay value?",
        ("evidence-informed-practice",),
        ("Intake and Assessment",),
    ),
    DemoProject(
        "Mental health of parents in child protection",
        "Iechyd meddwl rhieni mewn amddiffyn plant",
        Kind.STUDENT,
        Status.STOPPED,
        COUNCIL,
        SIAN,
        -14,
        10,
        "A dissertation on parental mental health in child protection conferences.",
        ("mental-health",),
        ("Intake and Assessment",),
        (UNIVERSITY,),
        ((MAIR, Part.SUPERVISOR),),
        stopped_reason="The student moved to another council before the fieldwork.",
    ),
    DemoProject(
        "Reunification after care: a rapid review",
        "Ailuno ar ôl gofal: adolygiad cyflym",
        Kind.SYNTHESIS,
        Status.REPORTING,
        COUNCIL,
        ALYS,
        -5,
        6,
        "What the research says about children going home from care, for the reunification panel.",
        ("cla-outcomes",),
        ("Children Looked After",),
        (UNIVERSITY,),
        ((MAIR, Part.ACADEMIC),),
    ),
    DemoProject(
        "Family group conferences: an evaluation",
        "Cynadleddau grŵp teulu: gwerthusiad",
        Kind.EVALUATION,
        Status.PROPOSED,
        COUNCIL,
        ALYS,
        2,
        12,
        "Do family group conferences keep more children safely at home in Caerwen?",
        ("family-support",),
        ("Early Help", "Intake and Assessment"),
        ("Children First Cymru",),
    ),
    DemoProject(
        "Criminal exploitation: young people's own accounts",
        "Camfanteisio troseddol: hanesion pobl ifanc eu hunain",
        Kind.STUDENT,
        Status.APPROVED,
        UNIVERSITY,
        MAIR,
        1,
        12,
        "A doctoral study with young people who were criminally exploited.",
        ("criminal-exploitation",),
        ("Safeguarding Hub",),
        (COUNCIL,),
        ((MAIR, Part.SUPERVISOR), (ALYS, Part.PRACTICE)),
        ethics="submitted",
    ),
    DemoProject(
        "Health assessments for children entering care",
        "Asesiadau iechyd i blant sy'n dod i ofal",
        Kind.COMMISSIONED,
        Status.STOPPED,
        COUNCIL,
        ALYS,
        -8,
        6,
        "Why initial health assessments are late, commissioned with the health board.",
        ("health-outcomes",),
        ("Children Looked After",),
        ("Caerwen Health Board",),
        stopped_reason="The health board's own review answered the question first.",
    ),
    DemoProject(
        "Welsh-language assessments: a council audit",
        "Asesiadau Cymraeg: archwiliad gan y cyngor",
        Kind.COUNCIL,
        Status.IDEA,
        COUNCIL,
        DAFYDD,
        4,
        4,
        "How often families are offered, and get, an assessment in Welsh.",
        ("evidence-informed-practice",),
        ("Children Looked After",),
    ),
]


def _person(email: str) -> Person:
    return Person.objects.get(email=email)


def _make(demo: DemoProject, organisations: dict[str, Organisation], output: Any) -> Project:
    lead = _person(demo.lead)
    owner = organisations[demo.owner]
    today = timezone.localdate()
    starts = (today.replace(day=1) + timedelta(days=31 * demo.starts)).replace(day=1)
    ends = (starts + timedelta(days=31 * demo.months)).replace(day=1) - timedelta(days=1)
    project = services.project_save(
        person=lead,
        organisation=owner,
        data={
            "title_en": demo.title_en,
            "title_cy": demo.title_cy,
            "summary_en": demo.summary,
            "kind": demo.kind,
            "starts_on": starts,
            "ends_on": ends,
            "ethics_state": demo.ethics,
            "ethics_body": "Caerwen University Research Ethics Committee"
            if demo.ethics != "not_needed"
            else "",
            "ethics_reference": f"CU-REC-{zlib.crc32(demo.title_en.encode()) % 9000 + 1000}"
            if demo.ethics in ("submitted", "approved")
            else "",
            "data_access_agreed": demo.ethics == "approved",
            "topics": Topic.objects.filter(slug__in=demo.topics),
            "teams": Team.objects.filter(name_en__in=demo.teams),
            "partners": [organisations[name] for name in demo.partners],
        },
    )
    for email, part in demo.others:
        if not project.members.filter(person__email=email, part=part).exists():
            services.member_add(person=lead, project=project, member=_person(email), part=part)
    if demo.status == Status.COMPLETE and output is not None:
        project.records.add(output)
    if demo.status != project.status:
        services.status_change(
            person=lead, project=project, status=demo.status, reason=demo.stopped_reason
        )
    return project


def _commissioned(organisation: Organisation, university: Organisation) -> Project | None:
    """The project the demo steering group commissioned, with its scope, deliverables (one
    overdue), budget, an expert's invitation and the lead's progress."""
    from pontio.agenda.models import Decision, Outcome
    from pontio.people.models import Profile

    decision = Decision.objects.filter(
        meeting__organisation=organisation, outcome=Outcome.COMMISSION
    ).first()
    if decision is None:
        return None
    chair, broker = _person("gwen@caerwen.example"), _person(ALYS)
    # The decision put a stub in the register; the demo fills it in once.
    project = services.project_from_decision(decision=decision, person=chair)
    if project.scope:
        return project
    today = timezone.localdate()
    services.project_save(
        person=broker,
        project=project,
        data={
            "title_en": project.title_en,
            "title_cy": "Adolygiad cyflym o'r dystiolaeth gyda Phrifysgol Caerwen",
            "kind": Kind.COMMISSIONED,
            "summary_en": "A rapid review of the evidence on the question the steering group "
            "put first, with Caerwen University.",
            "starts_on": today - timedelta(days=14),
            "ends_on": today + timedelta(days=120),
            "scope": "Studies from the UK and comparable countries since 2010; a plain-language "
            "summary and a briefing for the steering group.",
            "deadline": today + timedelta(days=120),
            "budget": Decimal("18500.00"),
            "funding": "Caerwen Council research fund",
            "partners": [university],
        },
    )
    tomos = _person(TOMOS)
    services.member_add(person=broker, project=project, member=tomos, part=Part.LEAD)
    services.status_change(person=broker, project=project, status=Status.IN_PROGRESS)
    services.deliverable_add(
        person=broker, project=project, text="Search strategy agreed", due_on=today - timedelta(7)
    )
    done = services.deliverable_add(
        person=broker, project=project, text="Protocol", due_on=today - timedelta(days=10)
    )
    services.deliverable_mark(person=broker, deliverable=done, done=True)
    services.deliverable_add(
        person=broker, project=project, text="Draft review", due_on=today + timedelta(days=90)
    )
    services.progress_add(
        person=tomos,
        project=project,
        text="The protocol is agreed; searching starts once the librarian has checked the terms.",
    )
    mair = _person(MAIR)
    # The expert directory has no demo of its own yet: Mair's profile is made here if missing.
    profile = Profile.objects.filter(person=mair).first() or Profile.objects.create(
        person=mair,
        name=mair.name,
        organisation=university,
        state="published",
        visibility="partnership",
    )
    invitation = services.invitation_send(
        person=broker,
        project=project,
        profile=profile,
        message="Would you advise on the review's method and read the draft?",
    )
    services.invitation_answer(
        person=mair, invitation=invitation, accept=True, reply="Happy to help."
    )
    return project


def demo_projects_load(*, organisation: Organisation) -> int:
    """Load the demo projects for the organisation. Returns how many were new."""
    from pontio.library.models import Record

    organisations = {o.name_en: o for o in Organisation.objects.all()}
    organisations.setdefault(COUNCIL, organisation)
    university = organisations[UNIVERSITY]
    output = Record.objects.filter(organisation=organisation).order_by("pk").first()
    before = Project.objects.count()
    for demo in PROJECTS:
        if not Project.objects.filter(title_en=demo.title_en).exists():
            _make(demo, organisations, output)
    _commissioned(organisation, university)
    kinship = Project.objects.filter(title_en="Kinship care evaluation").first()
    if kinship is not None and kinship.outputs_accepted_at is None and kinship.has_outputs:
        services.outputs_accept(person=_person("gwen@caerwen.example"), project=kinship)
    return Project.objects.count() - before
