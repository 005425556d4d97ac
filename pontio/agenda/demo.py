"""The demo agenda: questions from the research areas the briefing names, raised by the demo
council's people, in every state triage can reach, with supports across teams. Loading twice
changes nothing (each question has a fixed submission key)."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from pontio.accounts.models import Person
from pontio.taxonomy.models import Topic

from . import services, triage
from .models import State


@dataclass(frozen=True)
class DemoQuestion:
    key: str
    author: str  # email of a demo person
    text: str
    language: str = "en"
    why: str = ""
    affects: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()
    state: str = State.SUBMITTED
    welsh: str = ""  # a broker's Welsh version, added by rephrasing
    clarify: str = ""
    out_of_scope: str = ""
    merge_into: str = ""  # key of the question it duplicates
    answered_by: str = ""  # start of a library record's title


SIAN, DAFYDD, ALYS = "sian@caerwen.example", "dafydd@caerwen.example", "alys@caerwen.example"
GWEN, RHODRI, TOMOS = "gwen@caerwen.example", "rhodri@caerwen.example", "tomos@caerwen-uni.example"
HUW, OWAIN = "huw@caerwen.example", "admin@caerwen.example"

QUESTIONS = [
    DemoQuestion(
        "demo-school-moves",
        DAFYDD,
        "Beth sy'n helpu plant sy'n derbyn gofal i aros yn yr un ysgol pan fydd eu lleoliad "
        "yn newid?",
        language="cy",
        why="Mae newid ysgol yn gallu gosod plentyn flwyddyn yn ôl.",
        affects=("care_experienced",),
        topics=("cla-education",),
        supporters=(SIAN, ALYS, GWEN, RHODRI),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-school-moves-again",
        GWEN,
        "Do children in care do better at school if they can stay at the same school?",
        topics=("cla-education",),
        supporters=(SIAN,),
        merge_into="demo-school-moves",
    ),
    DemoQuestion(
        "demo-pre-birth",
        SIAN,
        "What helps parents who use substances take part in pre-birth assessment?",
        why="Parents who miss appointments are more likely to lose their baby to care.",
        affects=("unborn", "parents"),
        topics=("pre-birth", "substance-use"),
        supporters=(DAFYDD,),
    ),
    DemoQuestion(
        "demo-missing",
        ALYS,
        "Which approaches reduce the risk of exploitation for teenagers who go missing?",
        affects=("children",),
        topics=("contextual-harm", "criminal-exploitation"),
        supporters=(SIAN, DAFYDD),
        state=State.TRIAGED,
        welsh="Pa ddulliau sy'n lleihau'r perygl o gamfanteisio ar bobl ifanc sy'n mynd ar goll?",
    ),
    DemoQuestion(
        "demo-safety-plans",
        SIAN,
        "How can we tell whether safety planning with young people at risk outside the home works?",
        affects=("children", "practitioners"),
        topics=("contextual-harm",),
        supporters=(ALYS, RHODRI, GWEN, TOMOS),
        state=State.PRIORITISED,
    ),
    DemoQuestion(
        "demo-kinship",
        DAFYDD,
        "Does kinship care give more stable placements than foster care for children under five?",
        affects=("care_experienced", "carers"),
        topics=("foster-kinship-care",),
        supporters=(SIAN, RHODRI),
        state=State.COMMISSIONED,
    ),
    DemoQuestion(
        "demo-trigger-trio",
        SIAN,
        "Why do some families not engage with early help?",
        affects=("parents",),
        topics=("domestic-sexual-violence", "substance-use", "mental-health"),
        clarify="Do you mean families where domestic abuse, substance use and mental ill health "
        "come together (the trigger trio)? Which early help services?",
    ),
    DemoQuestion(
        "demo-using-research",
        RHODRI,
        "How can a council make the most of research evidence in its everyday decisions?",
        affects=("practitioners",),
        supporters=(ALYS,),
        answered_by="Making the Most of Research",
    ),
    # The shortlist of the demo's closed round (see demo_steering.py), and two more shortlisted
    # questions for its open round.
    DemoQuestion(
        "demo-leaving-care",
        DAFYDD,
        "What helps young people leaving care keep a home in their first two years on their own?",
        affects=("care_experienced",),
        topics=("leaving-care",),
        supporters=(SIAN, HUW, GWEN),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-pre-birth-learning",
        SIAN,
        "Which pre-birth support helps parents with learning disabilities keep their babies "
        "safely at home?",
        affects=("unborn", "parents"),
        topics=("pre-birth", "infants-parenting"),
        supporters=(ALYS, HUW),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-conference-voice",
        ALYS,
        "How do children's views shape the decisions made at their child protection conferences?",
        affects=("children",),
        topics=("participation", "child-protection"),
        supporters=(SIAN, DAFYDD, RHODRI),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-residential-moves",
        HUW,
        "What reduces the number of moves for teenagers living in residential care?",
        affects=("care_experienced",),
        topics=("residential-care", "cla-outcomes"),
        supporters=(DAFYDD,),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-poverty",
        RHODRI,
        "Which family support services help families living in poverty avoid child protection "
        "plans?",
        affects=("parents", "children"),
        topics=("family-support", "child-protection"),
        supporters=(SIAN, HUW, GWEN, ALYS),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-exclusion",
        ALYS,
        "How can social workers spot criminal exploitation early in children excluded from school?",
        affects=("children", "practitioners"),
        topics=("criminal-exploitation", "contextual-harm"),
        supporters=(SIAN, OWAIN),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-trigger-trio-engage",
        SIAN,
        "What helps parents living with domestic abuse, substance use and mental ill health "
        "together (the trigger trio) to engage with services?",
        affects=("parents",),
        topics=("domestic-sexual-violence", "substance-use", "mental-health"),
        supporters=(DAFYDD, ALYS, HUW, RHODRI),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-health-assessments",
        GWEN,
        "Do health assessments for children looked after lead to better health later on?",
        affects=("care_experienced",),
        topics=("health-outcomes", "cla-outcomes"),
        supporters=(TOMOS,),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-welsh-language",
        DAFYDD,
        "Beth sy'n helpu teuluoedd i ddefnyddio'r Gymraeg wrth weithio gyda'r gwasanaethau "
        "cymdeithasol?",
        language="cy",
        why="Mae pobl yn siarad yn fwy agored yn eu hiaith eu hunain.",
        affects=("parents", "children"),
        topics=("participation",),
        supporters=(GWEN, SIAN),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-aces-attendance",
        HUW,
        "How do adverse childhood experiences affect school attendance for children in need?",
        affects=("children",),
        topics=("aces",),
        supporters=(TOMOS, SIAN),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-reunification",
        OWAIN,
        "What makes a child's return home from care last?",
        affects=("care_experienced", "parents"),
        topics=("cla-outcomes",),
        supporters=(DAFYDD, HUW, RHODRI),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-youth-justice",
        RHODRI,
        "How can youth justice and children's services share what they know to protect young "
        "people at risk outside the home?",
        affects=("children", "practitioners"),
        topics=("youth-justice", "contextual-harm"),
        supporters=(ALYS,),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-kinship-trauma",
        SIAN,
        "What helps kinship carers look after children who have lived through complex trauma?",
        affects=("carers", "children"),
        topics=("foster-kinship-care", "aces"),
        supporters=(DAFYDD,),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-supervision",
        ALYS,
        "Which ways of supervising social workers help them use research in their practice?",
        affects=("practitioners",),
        topics=("supervision", "evidence-informed-practice"),
        supporters=(GWEN, HUW),
        state=State.SHORTLISTED,
    ),
    DemoQuestion(
        "demo-teen-neglect",
        HUW,
        "How can practitioners recognise neglect of teenagers, which looks different from neglect "
        "of young children?",
        affects=("children", "practitioners"),
        topics=("child-protection",),
        supporters=(SIAN, ALYS),
        state=State.TRIAGED,
    ),
    DemoQuestion(
        "demo-software",
        RHODRI,
        "Which case management system do other councils use for children's services?",
        out_of_scope="Not a research question: the digital team keeps this list.",
    ),
]


def _team(person: Person, organisation: Any) -> Any:
    membership = person.memberships.filter(organisation=organisation, team__isnull=False).first()
    return membership.team if membership else None


def _people() -> dict[str, Person]:
    emails = {q.author for q in QUESTIONS} | {s for q in QUESTIONS for s in q.supporters}
    return {p.email: p for p in Person.objects.filter(email__in=emails)}


@transaction.atomic
def demo_agenda_load(*, organisation: Any, broker: Person) -> int:
    """Raise the demo questions on the organisation's agenda and triage them as the broker.
    Returns how many questions were new."""
    from pontio.library.models import Record

    people = _people()
    made: dict[str, Any] = {}
    created_count = 0
    for demo in QUESTIONS:
        author = people.get(demo.author)
        if author is None:
            continue
        question, created = services.question_raise(
            person=author,
            organisation=organisation,
            submission_key=demo.key,
            text=demo.text,
            why=demo.why,
            language=demo.language,
            affects=demo.affects,
            topics=Topic.objects.filter(slug__in=demo.topics),
            team=_team(author, organisation),
        )
        made[demo.key] = question
        if not created:
            continue
        created_count += 1
        for email in demo.supporters:
            if email in people:
                services.question_support(person=people[email], question=question)
        if demo.welsh:
            triage.question_rephrase(
                person=broker,
                question=question,
                text_en=question.text_en,
                text_cy=demo.welsh,
                why_en=question.why_en,
                why_cy="",
                reason="Added the Welsh version.",
            )
        if demo.clarify:
            triage.question_ask_clarification(person=broker, question=question, reason=demo.clarify)
        if demo.out_of_scope:
            triage.question_close_out_of_scope(
                person=broker, question=question, reason=demo.out_of_scope
            )
        if demo.merge_into and demo.merge_into in made:
            triage.questions_merge(person=broker, merged=question, into=made[demo.merge_into])
        if demo.answered_by:
            records = Record.objects.current().filter(title__startswith=demo.answered_by)[:1]
            if records:
                triage.question_mark_answered(person=broker, question=question, records=records)
        # Through each step to the one it has reached, as its history would show.
        steps = [State.TRIAGED, State.SHORTLISTED, State.PRIORITISED, State.COMMISSIONED]
        if demo.state in steps:
            for step in steps[: steps.index(State(demo.state)) + 1]:
                services.question_move(person=broker, question=question, state=step)
    if created_count:
        from .demo_steering import demo_steering_load

        demo_steering_load(organisation=organisation, questions=made)
    return created_count
