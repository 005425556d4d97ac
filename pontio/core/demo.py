"""The demo organisation that `pontio demo` loads: a fictional Welsh council and its partners,
with one person for each role. Loading twice changes nothing."""

from dataclasses import dataclass

from pontio.accounts.models import Person, Role
from pontio.accounts.services import email_mark_verified, role_give
from pontio.organisations.models import Organisation, OrganisationKind, Team
from pontio.organisations.services import membership_add
from pontio.taxonomy.models import Priority, Topic

DEMO_PASSWORD = "demo-pontio-2026"  # noqa: S105  (printed by `pontio demo`; demo only)

ORGANISATIONS = [
    (
        "Caerwen Council",
        "Cyngor Caerwen",
        OrganisationKind.COUNCIL,
        [
            ("Intake and Assessment", "Derbyn ac Asesu"),
            ("Children Looked After", "Plant sy'n Derbyn Gofal"),
            ("Safeguarding Hub", "Hwb Diogelu"),
            ("Early Help", "Cymorth Cynnar"),
        ],
    ),
    (
        "Caerwen University",
        "Prifysgol Caerwen",
        OrganisationKind.UNIVERSITY,
        [
            ("School of Social Sciences", "Ysgol y Gwyddorau Cymdeithasol"),
        ],
    ),
    (
        "Caerwen Health Board",
        "Bwrdd Iechyd Caerwen",
        OrganisationKind.HEALTH,
        [
            ("Public Health Team", "Tîm Iechyd y Cyhoedd"),
        ],
    ),
    ("Children First Cymru", "Plant yn Gyntaf Cymru", OrganisationKind.THIRD_SECTOR, []),
    (
        "National Social Care Body",
        "Corff Cenedlaethol Gofal Cymdeithasol",
        OrganisationKind.NATIONAL,
        [],
    ),
]

PRIORITIES = [
    ("Keeping families together safely", "Cadw teuluoedd gyda'i gilydd yn ddiogel"),
    ("Better outcomes for children looked after", "Canlyniadau gwell i blant sy'n derbyn gofal"),
    ("Early help and prevention", "Cymorth cynnar ac atal"),
    ("A stable, skilled workforce", "Gweithlu sefydlog a medrus"),
]


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    what: str
    organisation: str
    team: str | None
    roles: tuple[str, ...]
    language: str
    topics: tuple[str, ...]


PEOPLE = [
    DemoPerson(
        "sian@caerwen.example",
        "Siân Morgan",
        "Social worker",
        "Caerwen Council",
        "Intake and Assessment",
        (),
        "en",
        ("pre-birth", "mental-health"),
    ),
    DemoPerson(
        "dafydd@caerwen.example",
        "Dafydd Rees",
        "Research champion",
        "Caerwen Council",
        "Children Looked After",
        (Role.CHAMPION,),
        "cy",
        ("cla-outcomes", "cla-education"),
    ),
    DemoPerson(
        "alys@caerwen.example",
        "Alys Jenkins",
        "Knowledge broker",
        "Caerwen Council",
        "Safeguarding Hub",
        (Role.BROKER,),
        "en",
        ("contextual-harm", "criminal-exploitation", "evidence-informed-practice"),
    ),
    DemoPerson(
        "tomos@caerwen-uni.example",
        "Dr Tomos Price",
        "Embedded researcher",
        "Caerwen University",
        "School of Social Sciences",
        (Role.EMBEDDED, Role.ACADEMIC),
        "en",
        ("domestic-sexual-violence", "substance-use"),
    ),
    DemoPerson(
        "gwen@caerwen.example",
        "Gwen Lloyd",
        "Steering group member",
        "Caerwen Council",
        None,
        (Role.STEERING,),
        "cy",
        (),
    ),
    DemoPerson(
        "rhodri@caerwen.example",
        "Rhodri Evans",
        "Senior leader",
        "Caerwen Council",
        None,
        (Role.LEADER, Role.STEERING),
        "en",
        (),
    ),
    DemoPerson(
        "huw@caerwen.example",
        "Huw Davies",
        "Team manager",
        "Caerwen Council",
        "Intake and Assessment",
        (Role.LEADER,),
        "en",
        ("family-support",),
    ),
    DemoPerson(
        "mair@caerwen-uni.example",
        "Professor Mair Thomas",
        "Academic",
        "Caerwen University",
        "School of Social Sciences",
        (Role.ACADEMIC,),
        "cy",
        ("aces", "health-outcomes"),
    ),
    DemoPerson(
        "admin@caerwen.example",
        "Owain Hughes",
        "Administrator",
        "Caerwen Council",
        None,
        (Role.ADMIN,),
        "en",
        (),
    ),
]


def demo_load() -> list[DemoPerson]:
    organisations: dict[str, Organisation] = {}
    teams: dict[tuple[str, str], Team] = {}
    for name_en, name_cy, kind, team_names in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name_en=name_en, defaults={"name_cy": name_cy, "kind": kind}
        )
        organisations[name_en] = organisation
        for team_en, team_cy in team_names:
            teams[(name_en, team_en)], _ = Team.objects.get_or_create(
                organisation=organisation, name_en=team_en, defaults={"name_cy": team_cy}
            )
    council = organisations["Caerwen Council"]
    for name_en, name_cy in PRIORITIES:
        Priority.objects.get_or_create(
            organisation=council, name_en=name_en, defaults={"name_cy": name_cy}
        )
    for demo in PEOPLE:
        person = Person.objects.filter(email=demo.email).first()
        if person is None:
            person = Person.objects.create_user(
                email=demo.email, password=DEMO_PASSWORD, name=demo.name, language=demo.language
            )
            person.topics.set(Topic.objects.filter(slug__in=demo.topics))
            email_mark_verified(person=person)
        team = teams[(demo.organisation, demo.team)] if demo.team else None
        membership_add(
            actor=None, person=person, organisation=organisations[demo.organisation], team=team
        )
        for role in demo.roles:
            role_give(actor=None, person=person, role=role)
    from pontio.library.demo import demo_library_load

    broker = Person.objects.get(email="alys@caerwen.example")
    demo_library_load(person=broker, organisation=council)
    from pontio.agenda.demo import demo_agenda_load

    demo_agenda_load(organisation=council, broker=broker)
    from pontio.briefs.demo import demo_briefs_load

    demo_briefs_load(organisation=council, broker=broker)
    from pontio.people.demo import demo_people_load

    demo_people_load(organisation=council)
    from pontio.projects.demo import demo_projects_load

    demo_projects_load(organisation=council)
    from pontio.events.demo import demo_events_load

    demo_events_load(organisation=council)
    return PEOPLE
