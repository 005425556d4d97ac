"""The demo's evidence briefs: six briefs on the briefing's own themes (embedded researchers,
knowledge brokers, research champions, research in supervision, the trigger trio and the "two
communities"), in English and Welsh, citing the briefing's references in the demo library. They
are taken through the workflow as people would: written, sent for review, approved or sent back,
published, and one published again as a new version, so every state a reader or a broker meets
can be seen. Loading twice changes nothing (each brief is known by its English title).

In Welsh, "trigger trio" is "y triawd sbarduno", as in the topic taxonomy."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.agenda.models import Question
from pontio.library.models import Record, Visibility
from pontio.taxonomy.models import Topic

from . import services
from .models import Audience, Brief, Format, State, Strength, StudyKind

ALYS, DAFYDD = "alys@caerwen.example", "dafydd@caerwen.example"
TOMOS, MAIR = "tomos@caerwen-uni.example", "mair@caerwen-uni.example"

# The demo library's records, by the start of their titles (see pontio/library/demo.py).
ALLEN = "Making the Most of Research"
CAPLAN = "The two-communities theory"
COATES = "Challenges and enablers of the embedded researcher model"
LANGER = "The Science of Using Science"
BOWEN = "Improving Decision-making and Practice in Public Health and Social Care"


@dataclass(frozen=True)
class NextVersion:
    """A newer version of a published brief: the texts that changed, the records it adds."""

    texts: dict[str, str]
    strength: str
    study_kinds: tuple[str, ...]
    cites: tuple[str, ...]
    reviewer: str
    published_days_ago: int


@dataclass(frozen=True)
class DemoBrief:
    texts: dict[str, str]  # every written field, "<field>_en" and "<field>_cy"
    strength: str
    study_kinds: tuple[str, ...]
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    cites: tuple[str, ...]
    state: str  # how far it gets: draft, in_review, changes or published
    writer: str = ALYS  # email of the person who starts it
    welsh_by: str = ""  # email of a co-author who writes the Welsh (else the writer does)
    coauthors: tuple[str, ...] = ()
    reviewer: str = ""
    review_note: str = ""
    format: str = Format.TWO_MINUTE
    review_in_days: int = 365
    published_days_ago: int = 0
    answers: tuple[str, ...] = ()  # submission keys of the agenda questions it answers
    next_version: NextVersion | None = None


EMBEDDED = DemoBrief(
    texts={
        "title_en": "Embedded researchers: what the model is and what helps it work",
        "title_cy": "Ymchwilwyr sydd wedi'u lleoli mewn timau: beth yw'r model a beth sy'n ei "
        "helpu i weithio",
        "question_en": "What is an embedded researcher, and what helps the role work in a council "
        "team?",
        "question_cy": "Beth yw ymchwilydd sydd wedi'i leoli, a beth sy'n helpu'r rôl i weithio "
        "mewn tîm yn y cyngor?",
        "key_messages_en": (
            "An embedded researcher becomes a member of a practice team, so research starts from "
            "the team's own questions.\n"
            "Children's Services staff in one Welsh council saw promise in the model as a way to "
            "link practice and research.\n"
            "A survey of embedded researchers in Australian health services found supportive "
            "colleagues and senior leaders helped the role.\n"
            "The role was harder without money for research, a culture that values research, and "
            "support for working for two organisations at once.\n"
            "The evidence comes from health services; we do not yet know how well it applies to "
            "children's services."
        ),
        "key_messages_cy": (
            "Mae ymchwilydd sydd wedi'i leoli yn dod yn aelod o dîm ymarfer, fel bod ymchwil yn "
            "dechrau o gwestiynau'r tîm ei hun.\n"
            "Roedd staff Gwasanaethau Plant un cyngor yng Nghymru yn gweld potensial yn y model "
            "fel ffordd o gysylltu ymarfer ag ymchwil.\n"
            "Canfu arolwg o ymchwilwyr sydd wedi'u lleoli mewn gwasanaethau iechyd yn Awstralia "
            "fod cydweithwyr ac uwch arweinwyr cefnogol yn helpu'r rôl.\n"
            "Roedd y rôl yn anoddach heb arian ar gyfer ymchwil, diwylliant sy'n gwerthfawrogi "
            "ymchwil, a chefnogaeth i weithio i ddau sefydliad ar yr un pryd.\n"
            "Daw'r dystiolaeth o wasanaethau iechyd; nid ydym yn gwybod eto pa mor dda y mae'n "
            "berthnasol i wasanaethau plant."
        ),
        "practice_en": (
            "If Caerwen brings in an embedded researcher, these points from the studies are worth "
            "getting right from the start.\n\n"
            "- **Agree the role in writing.** Say who the researcher answers to in the council and "
            "in the university, and what each organisation expects.\n"
            "- **Make the researcher part of the team.** Invite them to team meetings and "
            "reflective sessions, with access only to the case information the work needs.\n"
            "- **Start from the team's questions.** Use the research agenda to choose one or two "
            "small projects the team cares about.\n"
            "- **Make sure a senior leader backs the role**, and helps when problems come up.\n"
            "- **Think about the researcher's career too.** Mentoring, time to write up findings "
            "and a link to a university research group all help.\n\n"
            "Teams can help by sharing their questions early, and by saying what would make the "
            "findings useful on the frontline."
        ),
        "practice_cy": (
            "Os bydd Caerwen yn penodi ymchwilydd sydd wedi'i leoli, mae'n werth cael y pwyntiau "
            "hyn o'r astudiaethau yn iawn o'r dechrau.\n\n"
            "- **Cytunwch ar y rôl yn ysgrifenedig.** Nodwch i bwy mae'r ymchwilydd yn atebol yn y "
            "cyngor ac yn y brifysgol, a beth mae'r ddau sefydliad yn ei ddisgwyl.\n"
            "- **Gwnewch yr ymchwilydd yn rhan o'r tîm.** Dylai ddod i gyfarfodydd tîm a sesiynau "
            "myfyriol, gyda mynediad at yr wybodaeth achos sydd ei hangen ar gyfer y gwaith yn "
            "unig.\n"
            "- **Dechreuwch o gwestiynau'r tîm.** Defnyddiwch yr agenda ymchwil i ddewis un neu "
            "ddau brosiect bach sy'n bwysig i'r tîm.\n"
            "- **Sicrhewch fod uwch arweinydd yn cefnogi'r rôl**, ac yn helpu pan fydd problemau'n "
            "codi.\n"
            "- **Meddyliwch am yrfa'r ymchwilydd hefyd.** Mae mentora, amser i ysgrifennu'r "
            "canfyddiadau a chysylltiad â grŵp ymchwil yn y brifysgol i gyd yn help.\n\n"
            "Gall timau helpu drwy rannu eu cwestiynau'n gynnar, a dweud beth fyddai'n gwneud y "
            "canfyddiadau'n ddefnyddiol ar y rheng flaen."
        ),
        "evidence_en": (
            "**What the model is.** In the embedded researcher model, a researcher works as a core "
            "member of the organisation rather than studying it from outside [@1]. The hope is "
            "that practice shapes the research, and the findings reach practice sooner.\n\n"
            "**What staff in Wales said.** The Wales Centre for Public Policy worked with Cardiff "
            "Council and Social Care Wales on a project to link the council's Children's Services "
            "with research. In workshops and a staff survey, participants saw the embedded "
            "researcher model as one way to put research into practice [@2].\n\n"
            "**What helps and what gets in the way.** Coates and Mickan surveyed 104 embedded "
            "researchers in Australian health services, and analysed what they wrote about the "
            "role. Barriers included little money or support for research in the host "
            "organisation, and a culture that did not value research. Researchers also lacked "
            "support from leaders, had few chances of mentoring or career progression, and faced "
            "problems from belonging to two organisations. What helped included supportive "
            "colleagues and senior leaders, and the researcher's own commitment to research and to "
            "working with others."
        ),
        "evidence_cy": (
            "**Beth yw'r model.** Ym model yr ymchwilydd sydd wedi'i leoli, mae ymchwilydd yn "
            "gweithio fel aelod craidd o'r sefydliad yn hytrach na'i astudio o'r tu allan [@1]. Y "
            "gobaith yw bod ymarfer yn llywio'r ymchwil, a bod y canfyddiadau'n cyrraedd ymarfer "
            "yn gynt.\n\n"
            "**Beth ddywedodd staff yng Nghymru.** Gweithiodd Canolfan Polisi Cyhoeddus Cymru gyda "
            "Chyngor Caerdydd a Gofal Cymdeithasol Cymru ar brosiect i gysylltu Gwasanaethau Plant "
            "y cyngor ag ymchwil. Mewn gweithdai ac arolwg o staff, roedd y cyfranogwyr yn gweld "
            "potensial ym model yr ymchwilydd sydd wedi'i leoli fel un ffordd o helpu i roi "
            "ymchwil ar waith [@2].\n\n"
            "**Beth sy'n helpu a beth sy'n rhwystro.** Gwnaeth Coates a Mickan arolwg o 104 o "
            "ymchwilwyr sydd wedi'u lleoli mewn gwasanaethau iechyd yn Awstralia, a dadansoddi'r "
            "hyn a ysgrifennon nhw am y rôl. Ymhlith y rhwystrau roedd prinder arian a chefnogaeth "
            "i ymchwil yn y sefydliad, a diwylliant nad oedd yn gwerthfawrogi ymchwil. Roedd yr "
            "ymchwilwyr hefyd heb gefnogaeth gan arweinwyr, heb fawr o gyfle i gael mentora na "
            "datblygu gyrfa, ac yn wynebu problemau o berthyn i ddau sefydliad. Ymhlith y pethau a "
            "oedd yn helpu roedd cydweithwyr ac uwch arweinwyr cefnogol, ac ymrwymiad yr "
            "ymchwilydd ei hun i ymchwil ac i gydweithio ag eraill."
        ),
        "strength_rationale_en": "One survey of embedded researchers in Australian health "
        "services, and workshops and a survey in one Welsh council. They agree, but neither tests "
        "whether the model improves practice.",
        "strength_rationale_cy": "Un arolwg o ymchwilwyr sydd wedi'u lleoli mewn gwasanaethau "
        "iechyd yn Awstralia, a gweithdai ac arolwg mewn un cyngor yng Nghymru. Maen nhw'n cytuno, "
        "ond nid yw'r naill na'r llall yn profi a yw'r model yn gwella ymarfer.",
        "limitations_en": (
            "- Both sources describe what people said about the role; neither measures its effect "
            "on children and families.\n"
            "- The survey heard from researchers only, not from the teams they worked in.\n"
            "- The survey was in Australian health services; councils in Wales are organised "
            "differently."
        ),
        "limitations_cy": (
            "- Mae'r ddwy ffynhonnell yn disgrifio'r hyn a ddywedodd pobl am y rôl; nid yw'r naill "
            "na'r llall yn mesur ei heffaith ar blant a theuluoedd.\n"
            "- Clywodd yr arolwg gan ymchwilwyr yn unig, nid gan y timau roedden nhw'n gweithio "
            "ynddyn nhw.\n"
            "- Roedd yr arolwg mewn gwasanaethau iechyd yn Awstralia; mae cynghorau yng Nghymru "
            "wedi'u trefnu'n wahanol."
        ),
        "discussion_en": (
            "Which of our team's questions would we most want an embedded researcher to help with?"
            "\n"
            "What would a researcher need from us to feel part of the team?\n"
            "Who in the council would back the role when problems come up?"
        ),
        "discussion_cy": (
            "Pa rai o gwestiynau ein tîm y bydden ni fwyaf eisiau i ymchwilydd sydd wedi'i leoli "
            "ein helpu gyda nhw?\n"
            "Beth fyddai ei angen ar ymchwilydd gennym ni i deimlo'n rhan o'r tîm?\n"
            "Pwy yn y cyngor fyddai'n cefnogi'r rôl pan fydd problemau'n codi?"
        ),
    },
    strength=Strength.LIMITED,
    study_kinds=(StudyKind.QUALITATIVE, StudyKind.PRACTICE),
    audience=(Audience.MANAGERS, Audience.LEADERS),
    topics=("evidence-informed-practice",),
    cites=(COATES, BOWEN),
    state=State.PUBLISHED,
    coauthors=(TOMOS,),
    reviewer=MAIR,
    review_note="Clear and fair to the evidence: the limits on a health-service survey are "
    "well put. Approved.",
    format=Format.PRACTICE_GUIDE,
    review_in_days=400,
    published_days_ago=75,
)


BROKERS_KEY_EN = (
    "Researchers and practitioners have been described as two communities, with different goals, "
    "rewards and language.\n"
    "Councils have been found to know little about university research, and to have a shrinking "
    "ability to make use of it.\n"
    "Children's Services staff in one Welsh council asked for help to 'translate' research, and "
    "said they had no time to read it at leisure.\n"
    "A knowledge broker works between the two communities: finding research, putting it into plain "
    "words and bringing people together."
)
BROKERS_KEY_CY = (
    "Mae ymchwilwyr ac ymarferwyr wedi cael eu disgrifio fel dwy gymuned, gyda nodau, gwobrau ac "
    "iaith wahanol.\n"
    "Canfuwyd mai ychydig y mae cynghorau'n ei wybod am ymchwil prifysgolion, a bod eu gallu i'w "
    "defnyddio yn lleihau.\n"
    "Gofynnodd staff Gwasanaethau Plant un cyngor yng Nghymru am help i 'gyfieithu' ymchwil, gan "
    "ddweud nad oedd ganddyn nhw amser i'w darllen wrth eu pwysau.\n"
    "Mae brocer gwybodaeth yn gweithio rhwng y ddwy gymuned: yn dod o hyd i ymchwil, yn ei rhoi "
    "mewn geiriau plaen ac yn dod â phobl at ei gilydd."
)
BROKERS_PRACTICE_EN = (
    "- **Start from the team's questions**, not from the latest journal. Ask at team meetings what "
    "people are stuck on.\n"
    "- **Keep it short.** A two-minute brief and a few questions for discussion fit into a team "
    "meeting.\n"
    "- **Bring people together.** A roundtable or a one-to-one briefing with an expert can do more "
    "than a written report.\n"
    "- **Close the loop.** Tell people what happened to their question, even when the answer is "
    "'we don't know yet'."
)
BROKERS_PRACTICE_CY = (
    "- **Dechreuwch o gwestiynau'r tîm**, nid o'r cyfnodolyn diweddaraf. Gofynnwch mewn "
    "cyfarfodydd tîm beth sy'n achosi penbleth i bobl.\n"
    "- **Cadwch bethau'n fyr.** Mae briff dwy funud ac ambell gwestiwn i'w drafod yn ffitio i "
    "gyfarfod tîm.\n"
    "- **Dewch â phobl at ei gilydd.** Gall trafodaeth bord gron neu sesiwn friffio un i un gydag "
    "arbenigwr wneud mwy nag adroddiad ysgrifenedig.\n"
    "- **Caewch y cylch.** Dywedwch wrth bobl beth ddigwyddodd i'w cwestiwn, hyd yn oed pan mai'r "
    "ateb yw 'dydyn ni ddim yn gwybod eto'."
)
BROKERS_EVIDENCE_EN = (
    "**Two communities.** Caplan (1979) [@1] described researchers and government decision-makers "
    "as two communities, with different values, rewards and ways of talking. This helps explain "
    "why useful research so often goes unused.\n\n"
    "**Local government and universities.** Allen and colleagues (2015) [@2] wrote a report for "
    "the Economic and Social Research Council and Solace. They found that local government had "
    "very little awareness of research by UK universities, and a dwindling capacity to engage with "
    "it.\n\n"
    "**What staff in Wales said.** In a project with Cardiff Council's Children's Services, staff "
    "wanted help to 'translate' research for practice, and said time was a major barrier. The "
    "project suggested that knowledge brokers could translate research for practice. This would "
    "not rely on academics changing how they write, or on social workers finding time to read. In "
    "the experience of the Wales Centre for Public Policy, officials value contact with experts "
    "more than reading documents. Roundtables and one-to-one briefings are examples [@3]."
)
BROKERS_EVIDENCE_CY = (
    "**Dwy gymuned.** Disgrifiodd Caplan (1979) [@1] ymchwilwyr a'r rhai sy'n gwneud "
    "penderfyniadau yn y llywodraeth fel dwy gymuned, gyda gwerthoedd, gwobrau a ffyrdd o siarad "
    "gwahanol. Mae hyn yn helpu i esbonio pam mae ymchwil ddefnyddiol mor aml heb ei defnyddio.\n\n"
    "**Llywodraeth leol a phrifysgolion.** Ysgrifennodd Allen a'i gydweithwyr (2015) [@2] "
    "adroddiad ar gyfer y Cyngor Ymchwil Economaidd a Chymdeithasol a Solace. Canfuon nhw mai "
    "ychydig iawn o ymwybyddiaeth oedd gan lywodraeth leol o ymchwil prifysgolion y DU, a bod ei "
    "gallu i ymwneud â'r ymchwil honno'n lleihau.\n\n"
    "**Beth ddywedodd staff yng Nghymru.** Mewn prosiect gyda Gwasanaethau Plant Cyngor Caerdydd, "
    "roedd staff eisiau help i 'gyfieithu' ymchwil ar gyfer ymarfer, a dywedon nhw fod amser yn "
    "rhwystr mawr. Awgrymodd y prosiect y gallai broceriaid gwybodaeth gyfieithu ymchwil ar gyfer "
    "ymarfer. Ni fyddai hyn yn dibynnu ar academyddion yn newid y ffordd maen nhw'n ysgrifennu, "
    "nac ar weithwyr cymdeithasol yn dod o hyd i amser i ddarllen. Ym mhrofiad Canolfan Polisi "
    "Cyhoeddus Cymru, mae swyddogion yn gwerthfawrogi cyswllt ag arbenigwyr yn fwy na darllen "
    "dogfennau. Mae trafodaethau bord gron a sesiynau briffio un i un yn enghreifftiau [@3]."
)
BROKERS_LIMITATIONS_EN = (
    "- None of these sources measures what knowledge brokers achieve for children and families.\n"
    "- Caplan wrote about government policy-makers in the United States in the 1970s; social work "
    "teams today may differ.\n"
    "- The Welsh project reports what staff said in workshops and a survey in one council."
)
BROKERS_LIMITATIONS_CY = (
    "- Nid yw'r un o'r ffynonellau hyn yn mesur beth mae broceriaid gwybodaeth yn ei gyflawni i "
    "blant a theuluoedd.\n"
    "- Ysgrifennodd Caplan am lunwyr polisi llywodraeth yn yr Unol Daleithiau yn y 1970au; gall "
    "timau gwaith cymdeithasol heddiw fod yn wahanol.\n"
    "- Mae'r prosiect yng Nghymru yn adrodd yr hyn a ddywedodd staff mewn gweithdai ac arolwg mewn "
    "un cyngor."
)

BROKERS = DemoBrief(
    texts={
        "title_en": "Knowledge brokers: getting research to busy teams",
        "title_cy": "Broceriaid gwybodaeth: cael ymchwil at dimau prysur",
        "question_en": "How can a knowledge broker help social workers use research when they have "
        "little time to read it?",
        "question_cy": "Sut gall brocer gwybodaeth helpu gweithwyr cymdeithasol i ddefnyddio "
        "ymchwil pan nad oes ganddyn nhw lawer o amser i'w darllen?",
        "key_messages_en": BROKERS_KEY_EN,
        "key_messages_cy": BROKERS_KEY_CY,
        "practice_en": BROKERS_PRACTICE_EN,
        "practice_cy": BROKERS_PRACTICE_CY,
        "evidence_en": BROKERS_EVIDENCE_EN,
        "evidence_cy": BROKERS_EVIDENCE_CY,
        "strength_rationale_en": "A classic theory paper, a national report on local government "
        "and one Welsh council project. They agree with each other, but none tests what knowledge "
        "brokers achieve.",
        "strength_rationale_cy": "Papur theori clasurol, adroddiad cenedlaethol ar lywodraeth leol "
        "ac un prosiect mewn cyngor yng Nghymru. Maen nhw'n cytuno, ond nid yw'r un ohonyn nhw'n "
        "profi beth mae broceriaid gwybodaeth yn ei gyflawni.",
        "limitations_en": BROKERS_LIMITATIONS_EN,
        "limitations_cy": BROKERS_LIMITATIONS_CY,
        "discussion_en": (
            "What questions come up in our work that research might help with?\n"
            "When could our team make ten minutes for a brief?\n"
            "Would we rather read a summary or talk to an expert, and why?"
        ),
        "discussion_cy": (
            "Pa gwestiynau sy'n codi yn ein gwaith y gallai ymchwil helpu gyda nhw?\n"
            "Pryd gallai ein tîm neilltuo deg munud i drafod briff?\n"
            "Fyddai'n well gennym ni ddarllen crynodeb neu siarad ag arbenigwr, a pham?"
        ),
    },
    strength=Strength.LIMITED,
    study_kinds=(StudyKind.EXPERT, StudyKind.PRACTICE),
    audience=(Audience.FRONTLINE, Audience.MANAGERS),
    topics=("evidence-informed-practice",),
    cites=(CAPLAN, ALLEN, BOWEN),
    state=State.PUBLISHED,
    reviewer=TOMOS,
    review_note="Reads well for a team meeting. Approved.",
    review_in_days=180,
    published_days_ago=240,
    # The second version adds what a review of reviews found about what helps research get used.
    next_version=NextVersion(
        texts={
            "key_messages_en": BROKERS_KEY_EN + "\n"
            "A review of reviews found that making research easy to reach helped only when people "
            "also had the motivation and the chance to use it.",
            "key_messages_cy": BROKERS_KEY_CY + "\n"
            "Canfu adolygiad o adolygiadau fod gwneud ymchwil yn hawdd ei chyrraedd yn helpu dim "
            "ond pan oedd gan bobl hefyd y cymhelliant a'r cyfle i'w defnyddio.",
            "practice_en": BROKERS_PRACTICE_EN + "\n"
            "- **Build it into routines.** The review of reviews suggests that structured contact, "
            "built into usual ways of working, helps more than occasional informal contact. A "
            "standing slot at team meetings is one way to do this.",
            "practice_cy": BROKERS_PRACTICE_CY + "\n"
            "- **Gwnewch hyn yn rhan o'r drefn arferol.** Mae'r adolygiad o adolygiadau yn awgrymu "
            "bod cyswllt strwythuredig, sy'n rhan o'r ffordd arferol o weithio, yn helpu mwy na "
            "chyswllt anffurfiol achlysurol. Mae slot sefydlog mewn cyfarfodydd tîm yn un ffordd o "
            "wneud hyn.",
            "evidence_en": BROKERS_EVIDENCE_EN + "\n\n"
            "**What helps research get used.** Langer and colleagues (2016) [@4] brought together "
            "reviews of research use in decision-making. Making research easier to reach, through "
            "summaries or collections, increased its use only when people also gained the "
            "motivation and opportunity to use it. Unstructured contact between researchers and "
            "decision-makers showed little effect on its own. More structured contact, and "
            "building evidence use into an organisation's usual processes, looked more promising "
            "[@4].",
            "evidence_cy": BROKERS_EVIDENCE_CY + "\n\n"
            "**Beth sy'n helpu i ddefnyddio ymchwil.** Daeth Langer a'i gydweithwyr (2016) [@4] ag "
            "adolygiadau o'r defnydd o ymchwil wrth wneud penderfyniadau ynghyd. Roedd gwneud "
            "ymchwil yn haws ei chyrraedd, drwy grynodebau neu gasgliadau, yn cynyddu ei defnydd "
            "dim ond pan oedd pobl hefyd yn cael y cymhelliant a'r cyfle i'w defnyddio. Ychydig o "
            "effaith oedd i gyswllt anstrwythuredig rhwng ymchwilwyr a'r rhai sy'n gwneud "
            "penderfyniadau ar ei ben ei hun. Roedd cyswllt mwy strwythuredig, a chynnwys y "
            "defnydd o dystiolaeth ym mhrosesau arferol sefydliad, yn edrych yn fwy addawol [@4].",
            "strength_rationale_en": "Adds a review of reviews on what helps research get used. It "
            "supports the approach, but it looks at research use in general, not at knowledge "
            "brokers in children's services.",
            "strength_rationale_cy": "Mae'n ychwanegu adolygiad o adolygiadau ar beth sy'n helpu i "
            "ddefnyddio ymchwil. Mae'n cefnogi'r dull, ond mae'n edrych ar ddefnyddio ymchwil yn "
            "gyffredinol, nid ar froceriaid gwybodaeth mewn gwasanaethau plant.",
            "limitations_en": BROKERS_LIMITATIONS_EN + "\n"
            "- The review of reviews looked at research use across many fields, so its findings "
            "are general.",
            "limitations_cy": BROKERS_LIMITATIONS_CY + "\n"
            "- Edrychodd yr adolygiad o adolygiadau ar ddefnyddio ymchwil mewn sawl maes, felly "
            "mae ei ganfyddiadau'n gyffredinol.",
        },
        strength=Strength.EMERGING,
        study_kinds=(StudyKind.SYSTEMATIC_REVIEW, StudyKind.EXPERT, StudyKind.PRACTICE),
        cites=(LANGER,),
        reviewer=MAIR,
        published_days_ago=20,
    ),
)


CHAMPIONS = DemoBrief(
    texts={
        "title_en": "Research champions in social work teams",
        "title_cy": "Hyrwyddwyr ymchwil mewn timau gwaith cymdeithasol",
        "question_en": "What does a research champion do in a social work team, and what do they "
        "need to do it well?",
        "question_cy": "Beth mae hyrwyddwr ymchwil yn ei wneud mewn tîm gwaith cymdeithasol, a "
        "beth sydd ei angen i wneud y gwaith yn dda?",
        "key_messages_en": (
            "A research champion is a member of the team who shares research with colleagues and "
            "helps the team discuss it.\n"
            "Staff in one Welsh council thought principal and consultant social workers were best "
            "suited to the role.\n"
            "Those staff are often pulled into complex case work, which leaves little time for the "
            "role.\n"
            "One participant suggested protected time, such as half a day a month, to read "
            "research and bring it back to the team.\n"
            "A review of reviews found that building skills helped people use research when it "
            "also built their motivation to use it."
        ),
        "key_messages_cy": (
            "Aelod o'r tîm yw hyrwyddwr ymchwil, sy'n rhannu ymchwil â chydweithwyr ac yn helpu'r "
            "tîm i'w thrafod.\n"
            "Roedd staff mewn un cyngor yng Nghymru o'r farn mai prif weithwyr cymdeithasol a "
            "gweithwyr cymdeithasol ymgynghorol oedd yn fwyaf addas i'r rôl.\n"
            "Mae'r staff hyn yn aml yn cael eu tynnu i mewn i waith achos cymhleth, sy'n gadael "
            "fawr o amser i'r rôl.\n"
            "Awgrymodd un cyfranogwr amser wedi'i neilltuo, fel hanner diwrnod y mis, i ddarllen "
            "ymchwil a dod â hi'n ôl i'r tîm.\n"
            "Canfu adolygiad o adolygiadau fod meithrin sgiliau yn helpu pobl i ddefnyddio ymchwil "
            "pan oedd hefyd yn meithrin eu cymhelliant i'w defnyddio."
        ),
        "practice_en": (
            "- **Name the champion**, and tell the team what the role involves. Make it part of "
            "the job description, not an extra.\n"
            "- **Protect their time.** Agree with the team manager how many hours a month go to "
            "the role, and keep to it when caseloads rise.\n"
            "- **Give the role a rhythm.** For example, one brief discussed at a team meeting each "
            "month, and a journal club each quarter.\n"
            "- **Connect champions.** Champions in different teams can share what works, with "
            "support from the knowledge broker and links to the university.\n"
            "- **Count it.** Reading and discussing research can go in your learning log as "
            "continuing professional development."
        ),
        "practice_cy": (
            "- **Enwch yr hyrwyddwr**, a dywedwch wrth y tîm beth yw'r rôl. Gwnewch hi'n rhan o'r "
            "disgrifiad swydd, nid yn waith ychwanegol.\n"
            "- **Diogelwch amser yr hyrwyddwr.** Cytunwch gyda rheolwr y tîm faint o oriau'r mis "
            "sy'n mynd i'r rôl, a chadwch at hynny pan fydd llwythi achosion yn codi.\n"
            "- **Rhowch rythm i'r rôl.** Er enghraifft, trafod un briff mewn cyfarfod tîm bob mis, "
            "a chynnal clwb cyfnodolion bob chwarter.\n"
            "- **Cysylltwch yr hyrwyddwyr.** Gall hyrwyddwyr mewn timau gwahanol rannu'r hyn sy'n "
            "gweithio, gyda chymorth y brocer gwybodaeth a chysylltiadau â'r brifysgol.\n"
            "- **Cofnodwch y gwaith.** Gall darllen a thrafod ymchwil fynd yn eich cofnod dysgu "
            "fel datblygiad proffesiynol parhaus."
        ),
        "evidence_en": (
            "**What staff in Wales said.** In workshops and a survey at Cardiff Council, "
            "Children's Services staff saw potential in research champions: staff responsible for "
            "promoting and sharing evidence. They thought principal and consultant social workers "
            "were best suited to the role, because sharing research is already part of their job "
            "descriptions. But the pressures of work meant these staff were increasingly pulled "
            "into complex case work, with little time left for promoting research. One participant "
            "suggested half a day a month for each practitioner to read, then share it at a team "
            "meeting [@1].\n\n"
            "**What reviews of research use say.** A review of reviews on using research in "
            "decision-making found that building skills helped people use research when the same "
            "effort also built their motivation. Making research easier to reach helped when "
            "people also had the opportunity and a reason to use it [@2]. A champion who brings "
            "research to a team meeting, and leads a discussion about a live question, may do "
            "several of these things at once."
        ),
        "evidence_cy": (
            "**Beth ddywedodd staff yng Nghymru.** Mewn gweithdai ac arolwg gyda staff "
            "Gwasanaethau Plant Cyngor Caerdydd, roedd y cyfranogwyr yn gweld potensial mewn "
            "hyrwyddwyr ymchwil: aelodau o staff sy'n gyfrifol am hyrwyddo a rhannu tystiolaeth. "
            "Roedden nhw o'r farn mai prif weithwyr cymdeithasol a gweithwyr cymdeithasol "
            "ymgynghorol oedd yn fwyaf addas i'r rôl, gan fod rhannu ymchwil eisoes yn rhan o'u "
            "disgrifiadau swydd. Ond oherwydd pwysau gwaith, roedd y staff hyn yn cael eu tynnu "
            "fwyfwy i mewn i waith achos cymhleth, heb fawr o amser ar ôl i hyrwyddo ymchwil. "
            "Awgrymodd un cyfranogwr hanner diwrnod y mis i bob ymarferydd ar gyfer darllen, ac "
            "yna mynd â'r hyn a ddarllenwyd yn ôl i gyfarfod tîm [@1].\n\n"
            "**Beth mae adolygiadau o ddefnyddio ymchwil yn ei ddweud.** Canfu adolygiad o "
            "adolygiadau ar ddefnyddio ymchwil wrth wneud penderfyniadau fod meithrin sgiliau pobl "
            "yn eu helpu i ddefnyddio ymchwil pan oedd yr un ymdrech hefyd yn meithrin eu "
            "cymhelliant. Roedd gwneud ymchwil yn haws ei chyrraedd yn helpu pan oedd gan bobl "
            "hefyd y cyfle a rheswm i'w defnyddio [@2]. Gall hyrwyddwr sy'n dod ag ymchwil i "
            "gyfarfod tîm, ac yn arwain trafodaeth am gwestiwn byw, wneud sawl un o'r pethau hyn "
            "ar yr un pryd."
        ),
        "strength_rationale_en": "A review of reviews on research use in general, applied here to "
        "champions, and one Welsh council project. No study in our library tests research "
        "champions in children's services.",
        "strength_rationale_cy": "Adolygiad o adolygiadau ar ddefnyddio ymchwil yn gyffredinol, "
        "wedi'i gymhwyso yma i hyrwyddwyr, ac un prosiect mewn cyngor yng Nghymru. Nid oes "
        "astudiaeth yn ein llyfrgell sy'n profi hyrwyddwyr ymchwil mewn gwasanaethau plant.",
        "limitations_en": (
            "- The Welsh project describes what staff hoped for, not what happened once champions "
            "were in place.\n"
            "- The review of reviews looked at research use in general, not at champions in social "
            "work.\n"
            "- We found no study in our library that measures the effect of research champions on "
            "children and families."
        ),
        "limitations_cy": (
            "- Mae'r prosiect yng Nghymru yn disgrifio'r hyn roedd staff yn gobeithio amdano, nid "
            "yr hyn a ddigwyddodd ar ôl penodi hyrwyddwyr.\n"
            "- Edrychodd yr adolygiad o adolygiadau ar ddefnyddio ymchwil yn gyffredinol, nid ar "
            "hyrwyddwyr mewn gwaith cymdeithasol.\n"
            "- Ni welsom unrhyw astudiaeth yn ein llyfrgell sy'n mesur effaith hyrwyddwyr ymchwil "
            "ar blant a theuluoedd."
        ),
        "discussion_en": (
            "Who could be our team's research champion, and what would they stop doing to make "
            "time?\n"
            "What would help you bring one piece of research to a team meeting each month?\n"
            "How would we know the role is making a difference?"
        ),
        "discussion_cy": (
            "Pwy allai fod yn hyrwyddwr ymchwil ein tîm, a beth fyddai'n rhaid iddyn nhw roi'r "
            "gorau iddo er mwyn cael amser?\n"
            "Beth fyddai'n eich helpu i ddod ag un darn o ymchwil i gyfarfod tîm bob mis?\n"
            "Sut bydden ni'n gwybod bod y rôl yn gwneud gwahaniaeth?"
        ),
    },
    strength=Strength.EMERGING,
    study_kinds=(StudyKind.SYSTEMATIC_REVIEW, StudyKind.PRACTICE),
    audience=(Audience.FRONTLINE, Audience.MANAGERS),
    topics=("evidence-informed-practice", "workforce-wellbeing"),
    cites=(BOWEN, LANGER),
    state=State.PUBLISHED,
    welsh_by=DAFYDD,
    coauthors=(DAFYDD,),
    reviewer=MAIR,
    review_note="Good, practical and honest about the gaps. Approved.",
    review_in_days=365,
    published_days_ago=130,
)


SUPERVISION = DemoBrief(
    texts={
        "title_en": "Using research in supervision",
        "title_cy": "Defnyddio ymchwil mewn goruchwyliaeth",
        "question_en": "How can supervision help social workers bring research into their "
        "decisions about children and families?",
        "question_cy": "Sut gall goruchwyliaeth helpu gweithwyr cymdeithasol i ddod ag ymchwil i'w "
        "penderfyniadau am blant a theuluoedd?",
        "key_messages_en": (
            "Supervision is already a regular space for reflection, so it is a natural place to "
            "talk about research.\n"
            "Staff in one Welsh council linked their reflective practice with using evidence, but "
            "said research use was patchy.\n"
            "Staff said they had no time to read research at leisure, so short summaries linked to "
            "live cases may fit better.\n"
            "A review of reviews found some evidence that building research into usual ways of "
            "working increases its use."
        ),
        "key_messages_cy": (
            "Mae goruchwyliaeth eisoes yn lle rheolaidd i fyfyrio, felly mae'n lle naturiol i "
            "siarad am ymchwil.\n"
            "Roedd staff mewn un cyngor yng Nghymru yn cysylltu eu hymarfer myfyriol â defnyddio "
            "tystiolaeth, ond yn dweud bod defnyddio ymchwil yn dameidiog.\n"
            "Dywedodd staff nad oedd ganddyn nhw amser i ddarllen ymchwil wrth eu pwysau, felly "
            "gallai crynodebau byr sy'n gysylltiedig ag achosion byw weithio'n well.\n"
            "Canfu adolygiad o adolygiadau rywfaint o dystiolaeth fod cynnwys ymchwil yn y ffyrdd "
            "arferol o weithio yn cynyddu'r defnydd ohoni."
        ),
        "practice_en": (
            "- **Ask one research question in each supervision.** For example: 'What do we know "
            "about what helps in situations like this?'\n"
            "- **Bring a two-minute brief** that matches a current case, and talk through what it "
            "might mean for this family.\n"
            "- **Be clear about the limits.** Research describes patterns across many families. "
            "Supervision is where it is weighed against what you know about this child.\n"
            "- **Record it.** Note the discussion in your learning log.\n"
            "- **Pass questions on.** If nobody knows the answer, raise the question on the "
            "research agenda."
        ),
        "practice_cy": (
            "- **Gofynnwch un cwestiwn ymchwil ym mhob sesiwn goruchwylio.** Er enghraifft: 'Beth "
            "rydyn ni'n ei wybod am beth sy'n helpu mewn sefyllfaoedd fel hyn?'\n"
            "- **Dewch â briff dwy funud** sy'n cyfateb i achos cyfredol, a thrafodwch beth allai "
            "ei olygu i'r teulu hwn.\n"
            "- **Byddwch yn glir am y cyfyngiadau.** Mae ymchwil yn disgrifio patrymau ar draws "
            "llawer o deuluoedd. Mewn goruchwyliaeth y caiff ei phwyso a'i mesur yn erbyn yr hyn "
            "rydych chi'n ei wybod am y plentyn hwn.\n"
            "- **Cofnodwch y drafodaeth** yn eich cofnod dysgu.\n"
            "- **Rhannwch gwestiynau.** Os nad oes neb yn gwybod yr ateb, codwch y cwestiwn ar yr "
            "agenda ymchwil."
        ),
        "evidence_en": (
            "**Reflective practice is a strength to build on.** In a project with Cardiff "
            "Council's Children's Services, participants reported a high level of reflective "
            "practice, linked to the Signs of Safety approach. They saw evidence-informed practice "
            "as central to it. Yet they described the use of research as patchy, relying on the "
            "interests of a few key staff. They wanted research to become part of practice in a "
            "supportive way, not an extra job. Time was a major barrier: people did not have time "
            "to read research at leisure [@1].\n\n"
            "**Building research into usual processes.** A review of reviews found some evidence "
            "that building evidence use into an organisation's existing structures and processes "
            "can increase it. Unstructured contact between researchers and decision-makers showed "
            "little effect on its own [@2]. Supervision is one such existing process, though the "
            "review did not look at supervision itself."
        ),
        "evidence_cy": (
            "**Mae ymarfer myfyriol yn gryfder i adeiladu arno.** Mewn prosiect gyda Gwasanaethau "
            "Plant Cyngor Caerdydd, dywedodd y cyfranogwyr fod lefel uchel o ymarfer myfyriol, yn "
            "gysylltiedig â dull Arwyddion Diogelwch (Signs of Safety). Roedden nhw'n gweld "
            "ymarfer wedi'i lywio gan dystiolaeth yn ganolog iddo. Er hynny, roedden nhw'n "
            "disgrifio'r defnydd o ymchwil fel rhywbeth tameidiog, a oedd yn dibynnu ar "
            "ddiddordebau ychydig o staff allweddol. Roedden nhw eisiau i ymchwil ddod yn rhan o "
            "ymarfer mewn ffordd gefnogol, nid fel gwaith ychwanegol. Roedd amser yn rhwystr mawr: "
            "nid oedd gan bobl amser i ddarllen ymchwil wrth eu pwysau [@1].\n\n"
            "**Cynnwys ymchwil mewn prosesau arferol.** Canfu adolygiad o adolygiadau ar "
            "ddefnyddio ymchwil wrth wneud penderfyniadau rywfaint o dystiolaeth y gall cynnwys y "
            "defnydd o dystiolaeth yn strwythurau a phrosesau presennol sefydliad ei gynyddu. "
            "Ychydig o effaith oedd i gyswllt anstrwythuredig rhwng ymchwilwyr a'r rhai sy'n "
            "gwneud penderfyniadau ar ei ben ei hun [@2]. Mae goruchwyliaeth yn un broses "
            "bresennol o'r fath, er nad edrychodd yr adolygiad ar oruchwyliaeth ei hun."
        ),
        "strength_rationale_en": "The review of reviews is about research use in general, and the "
        "Welsh project reports staff views. No study in our library tests research in supervision "
        "directly.",
        "strength_rationale_cy": "Mae'r adolygiad o adolygiadau yn ymwneud â defnyddio ymchwil yn "
        "gyffredinol, ac mae'r prosiect yng Nghymru yn adrodd barn staff. Nid oes astudiaeth yn "
        "ein llyfrgell sy'n profi ymchwil mewn goruchwyliaeth yn uniongyrchol.",
        "limitations_en": (
            "- No study in our library looks directly at using research in supervision.\n"
            "- The Welsh project reports what staff said; it did not test any change in "
            "supervision.\n"
            "- Supervision also has to cover workload, wellbeing and case decisions; research "
            "should support these, not crowd them out."
        ),
        "limitations_cy": (
            "- Nid oes astudiaeth yn ein llyfrgell sy'n edrych yn uniongyrchol ar ddefnyddio "
            "ymchwil mewn goruchwyliaeth.\n"
            "- Mae'r prosiect yng Nghymru yn adrodd yr hyn a ddywedodd staff; ni phrofodd unrhyw "
            "newid mewn goruchwyliaeth.\n"
            "- Mae'n rhaid i oruchwyliaeth hefyd roi sylw i lwyth gwaith, llesiant a "
            "phenderfyniadau achos; dylai ymchwil gefnogi'r rhain, nid eu gwthio o'r neilltu."
        ),
        "discussion_en": (
            "When did research last come up in your supervision, and what difference did it make?\n"
            "Which current case would benefit from asking 'what does research say?'\n"
            "What would make it easier for supervisors to bring research in?"
        ),
        "discussion_cy": (
            "Pryd y cododd ymchwil ddiwethaf yn eich goruchwyliaeth, a pha wahaniaeth a wnaeth?\n"
            "Pa achos cyfredol fyddai'n elwa o ofyn 'beth mae ymchwil yn ei ddweud?'\n"
            "Beth fyddai'n ei gwneud hi'n haws i oruchwylwyr ddod ag ymchwil i mewn?"
        ),
    },
    strength=Strength.LIMITED,
    study_kinds=(StudyKind.SYSTEMATIC_REVIEW, StudyKind.QUALITATIVE),
    audience=(Audience.FRONTLINE, Audience.MANAGERS),
    topics=("supervision", "evidence-informed-practice"),
    cites=(BOWEN, LANGER),
    state=State.IN_REVIEW,
    welsh_by=DAFYDD,
    coauthors=(DAFYDD,),
    reviewer=TOMOS,
    review_in_days=365,
    answers=("demo-supervision",),
)


TRIGGER_TRIO = DemoBrief(
    texts={
        "title_en": "The trigger trio: what we know and what we need to find out",
        "title_cy": "Y triawd sbarduno: beth rydyn ni'n ei wybod a beth sydd angen i ni ei "
        "ddarganfod",
        "question_en": "What is the 'trigger trio', and what local research would help us support "
        "families living with it?",
        "question_cy": "Beth yw'r 'triawd sbarduno', a pha ymchwil leol fyddai'n ein helpu i "
        "gefnogi teuluoedd sy'n byw gydag ef?",
        "key_messages_en": (
            "The 'trigger trio' means domestic and sexual violence, substance use and mental "
            "health problems in the same family.\n"
            "Practitioners in one Welsh council asked for local research that follows what happens "
            "to these families over time.\n"
            "They also wanted comparative data, so local work can be seen alongside other areas.\n"
            "Our library does not yet hold studies of the trigger trio itself; this brief will be "
            "updated when it does."
        ),
        "key_messages_cy": (
            "Ystyr y 'triawd sbarduno' yw trais domestig a thrais rhywiol, defnyddio sylweddau a "
            "phroblemau iechyd meddwl yn yr un teulu.\n"
            "Gofynnodd ymarferwyr mewn un cyngor yng Nghymru am ymchwil leol sy'n dilyn yr hyn "
            "sy'n digwydd i'r teuluoedd hyn dros amser.\n"
            "Roedden nhw hefyd eisiau data cymharol, fel bod modd gweld gwaith lleol ochr yn ochr "
            "ag ardaloedd eraill.\n"
            "Nid oes gan ein llyfrgell astudiaethau o'r triawd sbarduno ei hun eto; bydd y briff "
            "hwn yn cael ei ddiweddaru pan fydd ganddi."
        ),
        "practice_en": (
            "- **Think about all three together.** The term is a reminder to ask about each of the "
            "three difficulties, not only the one that led to the referral.\n"
            "- **Work with partners.** Domestic abuse services, substance use services and adult "
            "mental health teams each hold part of the picture.\n"
            "- **Raise your questions.** If you have a question about families living with the "
            "trigger trio, add it to the research agenda for the steering group to see."
        ),
        "practice_cy": (
            "- **Meddyliwch am y tri gyda'i gilydd.** Mae'r term yn ein hatgoffa i holi am bob un "
            "o'r tri anhawster, nid dim ond yr un a arweiniodd at yr atgyfeiriad.\n"
            "- **Gweithiwch gyda phartneriaid.** Mae gan wasanaethau cam-drin domestig, "
            "gwasanaethau camddefnyddio sylweddau a thimau iechyd meddwl oedolion i gyd ran o'r "
            "darlun.\n"
            "- **Codwch eich cwestiynau.** Os oes gennych gwestiwn am deuluoedd sy'n byw gyda'r "
            "triawd sbarduno, ychwanegwch ef at yr agenda ymchwil er mwyn i'r grŵp llywio weld yr "
            "angen."
        ),
        "evidence_en": (
            "**Why practitioners raised it.** In a project with Cardiff Council's Children's "
            "Services, practitioners called for local research that follows families over the long "
            "term. One example they gave was the impact of the 'trigger trio': domestic and sexual "
            "violence, substance use and mental health problems. They also asked for more "
            "comparative research and data, so that local work can be seen in a wider context [@1]."
            "\n\n"
            "**Why the council needs partners for this.** Local government has been found to have "
            "very little awareness of university research, and a dwindling capacity to engage with "
            "it [@2]. Following families over several years needs research skills and data that a "
            "council may not have on its own."
        ),
        "evidence_cy": (
            "**Pam y cododd ymarferwyr y mater.** Mewn prosiect gyda Gwasanaethau Plant Cyngor "
            "Caerdydd, galwodd ymarferwyr am ymchwil leol sy'n dilyn teuluoedd dros y tymor hir. "
            "Un enghraifft a roddon nhw oedd effaith y 'triawd sbarduno': trais domestig a thrais "
            "rhywiol, defnyddio sylweddau a phroblemau iechyd meddwl. Gofynnon nhw hefyd am fwy o "
            "ymchwil a data cymharol, fel bod modd gweld gwaith lleol mewn cyd-destun ehangach "
            "[@1].\n\n"
            "**Pam mae angen partneriaid ar y cyngor.** Canfuwyd mai ychydig iawn o ymwybyddiaeth "
            "sydd gan lywodraeth leol o ymchwil prifysgolion, a bod ei gallu i ymwneud â hi'n "
            "lleihau [@2]. Mae dilyn teuluoedd dros sawl blwyddyn yn gofyn am sgiliau ymchwil a "
            "data efallai nad oes gan gyngor ar ei ben ei hun."
        ),
        "strength_rationale_en": "The cited records show that practitioners want this research. "
        "They report no findings about families living with the trigger trio.",
        "strength_rationale_cy": "Mae'r cofnodion a ddyfynnir yn dangos bod ymarferwyr eisiau'r "
        "ymchwil hon. Nid ydynt yn adrodd unrhyw ganfyddiadau am deuluoedd sy'n byw gyda'r triawd "
        "sbarduno.",
        "limitations_en": (
            "- This draft rests on records about research use, not on studies of families living "
            "with the trigger trio.\n"
            "- Studies of the trigger trio need to be added to the library and summarised before "
            "this brief is published."
        ),
        "limitations_cy": (
            "- Mae'r drafft hwn yn seiliedig ar gofnodion am ddefnyddio ymchwil, nid ar "
            "astudiaethau o deuluoedd sy'n byw gyda'r triawd sbarduno.\n"
            "- Mae angen ychwanegu astudiaethau o'r triawd sbarduno at y llyfrgell a'u crynhoi cyn "
            "cyhoeddi'r briff hwn."
        ),
        "discussion_en": (
            "How often do we see two or three of these difficulties together in our work?\n"
            "Which partner services should we be talking to about these families?\n"
            "What would we most want local research on the trigger trio to tell us?"
        ),
        "discussion_cy": (
            "Pa mor aml rydyn ni'n gweld dau neu dri o'r anawsterau hyn gyda'i gilydd yn ein "
            "gwaith?\n"
            "Pa wasanaethau partner y dylen ni fod yn siarad â nhw am y teuluoedd hyn?\n"
            "Beth fydden ni fwyaf eisiau i ymchwil leol ar y triawd sbarduno ei ddweud wrthym?"
        ),
    },
    strength=Strength.LIMITED,
    study_kinds=(StudyKind.QUALITATIVE, StudyKind.EXPERT),
    audience=(Audience.FRONTLINE, Audience.MANAGERS),
    topics=("trigger-trio", "domestic-sexual-violence", "substance-use", "mental-health"),
    cites=(BOWEN, ALLEN),
    state=State.CHANGES,
    reviewer=MAIR,
    review_note="The cited records explain why practitioners want research on the trigger trio, "
    "but neither reports what is known about it. Please add studies of families living with all "
    "three difficulties, and check the key messages and practice points against them, before this "
    "goes forward.",
    review_in_days=180,
)


TWO_COMMUNITIES = DemoBrief(
    texts={
        "title_en": "Two communities: why research and practice often miss each other",
        "title_cy": "Dwy gymuned: pam mae ymchwil ac ymarfer yn aml yn methu â chyfarfod",
        "question_en": "Why does research so often fail to reach social work practice, and what "
        "can a team do about it?",
        "question_cy": "Pam mae ymchwil mor aml yn methu â chyrraedd ymarfer gwaith cymdeithasol, "
        "a beth all tîm ei wneud am hynny?",
        "key_messages_en": (
            "Researchers and decision-makers have been described as two communities, with "
            "different values, rewards and language.\n"
            "Councils have been found to know little about university research, and to have a "
            "shrinking ability to make use of it.\n"
            "In one Welsh project, officials were said to value contact with experts more than "
            "reading documents."
        ),
        "key_messages_cy": (
            "Mae ymchwilwyr a'r rhai sy'n gwneud penderfyniadau wedi cael eu disgrifio fel dwy "
            "gymuned, gyda gwerthoedd, gwobrau ac iaith wahanol.\n"
            "Canfuwyd mai ychydig y mae cynghorau'n ei wybod am ymchwil prifysgolion, a bod eu "
            "gallu i'w defnyddio yn lleihau.\n"
            "Mewn un prosiect yng Nghymru, dywedwyd bod swyddogion yn gwerthfawrogi cyswllt ag "
            "arbenigwyr yn fwy na darllen dogfennau."
        ),
        "practice_en": (
            "- **Invite a researcher to a team meeting** to talk about one question the team is "
            "working on.\n"
            "- **Ask for a one-to-one briefing** before a big decision, rather than waiting for a "
            "report.\n"
            "- **Share what practice knows.** Researchers learn from teams too; tell them what you "
            "see."
        ),
        "practice_cy": (
            "- **Gwahoddwch ymchwilydd i gyfarfod tîm** i siarad am un cwestiwn mae'r tîm yn "
            "gweithio arno.\n"
            "- **Gofynnwch am sesiwn friffio un i un** cyn penderfyniad mawr, yn hytrach nag aros "
            "am adroddiad.\n"
            "- **Rhannwch yr hyn mae ymarfer yn ei wybod.** Mae ymchwilwyr yn dysgu gan dimau "
            "hefyd; dywedwch wrthyn nhw beth rydych chi'n ei weld."
        ),
        "evidence_en": (
            "Caplan (1979) [@1] argued that researchers and government decision-makers live in two "
            "communities, with different values, rewards and language. This helps explain why "
            "research is underused. Allen and colleagues (2015) [@2] found that local government "
            "had very little awareness of research done by UK universities. The project with "
            "Cardiff Council found few links between Children's Services and the university. But "
            "it also found a real appetite to make the boundaries between the two communities "
            "easier to cross [@3]."
        ),
        "evidence_cy": (
            "Dadleuodd Caplan (1979) [@1] fod ymchwilwyr a'r rhai sy'n gwneud penderfyniadau yn y "
            "llywodraeth yn byw mewn dwy gymuned, gyda gwerthoedd, gwobrau ac iaith wahanol. Mae "
            "hyn yn helpu i esbonio pam nad yw ymchwil yn cael ei defnyddio ddigon. Canfu Allen "
            "a'i gydweithwyr (2015) [@2] mai ychydig iawn o ymwybyddiaeth oedd gan lywodraeth leol "
            "o ymchwil prifysgolion y DU. Canfu'r prosiect gyda Chyngor Caerdydd mai ychydig o "
            "gysylltiadau oedd rhwng y Gwasanaethau Plant a'r brifysgol. Ond canfu hefyd awydd "
            "gwirioneddol i wneud y ffiniau rhwng y ddwy gymuned yn haws eu croesi [@3]."
        ),
        "strength_rationale_en": "A theory paper, a national report and one Welsh council project; "
        "none tests ways of bringing the two communities together.",
        "strength_rationale_cy": "Papur theori, adroddiad cenedlaethol ac un prosiect mewn cyngor "
        "yng Nghymru; nid yw'r un ohonyn nhw'n profi ffyrdd o ddod â'r ddwy gymuned at ei gilydd.",
        "limitations_en": (
            "- Caplan wrote about government policy-makers in the United States in the 1970s.\n"
            "- The Welsh project reports the views of staff in one council."
        ),
        "limitations_cy": (
            "- Ysgrifennodd Caplan am lunwyr polisi llywodraeth yn yr Unol Daleithiau yn y 1970au."
            "\n"
            "- Mae'r prosiect yng Nghymru yn adrodd barn staff mewn un cyngor."
        ),
        "discussion_en": (
            "When did our team last speak to a researcher?\n"
            "What would we ask a researcher if we had half an hour?\n"
            "What do we know from practice that researchers should hear?"
        ),
        "discussion_cy": (
            "Pryd siaradodd ein tîm ag ymchwilydd ddiwethaf?\n"
            "Beth fydden ni'n ei ofyn i ymchwilydd pe bai gennym hanner awr?\n"
            "Beth rydyn ni'n ei wybod o ymarfer y dylai ymchwilwyr ei glywed?"
        ),
    },
    strength=Strength.LIMITED,
    study_kinds=(StudyKind.EXPERT, StudyKind.PRACTICE),
    audience=(Audience.FRONTLINE,),
    topics=("evidence-informed-practice",),
    cites=(CAPLAN, ALLEN, BOWEN),
    state=State.DRAFT,
    writer=DAFYDD,
    review_in_days=365,
)

BRIEFS = [EMBEDDED, BROKERS, CHAMPIONS, SUPERVISION, TRIGGER_TRIO, TWO_COMMUNITIES]


def _records(prefixes: tuple[str, ...]) -> list[Record]:
    found = []
    for prefix in prefixes:
        record = Record.objects.current().filter(title__startswith=prefix).order_by("pk").first()
        if record is not None:
            found.append(record)
    return found


def _write(
    person: Person, brief: Brief, texts: dict[str, str], language: str, **extra: Any
) -> Brief:
    chosen = {name: text for name, text in texts.items() if name.endswith(f"_{language}")}
    return services.brief_save(
        person=person, brief=brief, revision=brief.revision, texts=chosen, **extra
    )


def _publish(broker: Person, reviewer: Person, brief: Brief, note: str, days_ago: int) -> Brief:
    brief = services.review_request(person=broker, brief=brief, reviewer=reviewer)
    brief = services.review_decide(person=reviewer, brief=brief, approve=True, note=note)
    brief = services.brief_publish(person=broker, brief=brief)
    when = timezone.now() - timedelta(days=days_ago)
    Brief.objects.filter(pk=brief.pk).update(published_at=when)
    return brief


def _load_one(
    demo: DemoBrief, organisation: Any, broker: Person, people: dict[str, Person]
) -> None:
    writer = people[demo.writer] if demo.writer != broker.email else broker
    brief = services.brief_create(
        person=writer,
        organisation=organisation,
        title_en=demo.texts["title_en"],
        title_cy=demo.texts["title_cy"],
    )
    coauthors = [people[email] for email in demo.coauthors if email in people]
    if coauthors:
        brief.authors.add(*coauthors)
    review_by = date.today() + timedelta(days=demo.review_in_days)
    fields = {
        "strength": demo.strength,
        "study_kinds": list(demo.study_kinds),
        "audience": list(demo.audience),
        "format": demo.format,
        "review_by": review_by,
        "visibility": Visibility.PARTNERSHIP,
    }
    answers = Question.objects.filter(organisation=organisation, submission_key__in=demo.answers)
    brief = _write(
        writer,
        brief,
        demo.texts,
        "en",
        fields=fields,
        topics=Topic.objects.filter(slug__in=demo.topics),
        answers=answers if demo.answers else None,
    )
    welsh_writer = people.get(demo.welsh_by, writer)
    brief = _write(welsh_writer, brief, demo.texts, "cy")
    for record in _records(demo.cites):
        services.citation_add(person=writer, brief=brief, record=record)
    if demo.state == State.DRAFT:
        return
    reviewer = people[demo.reviewer]
    if demo.state == State.PUBLISHED:
        brief = _publish(broker, reviewer, brief, demo.review_note, demo.published_days_ago)
        if demo.next_version is not None:
            _next_version(demo.next_version, brief, broker, people, review_by)
        return
    brief = services.review_request(person=broker, brief=brief, reviewer=reviewer)
    if demo.state == State.CHANGES:
        services.review_decide(person=reviewer, brief=brief, approve=False, note=demo.review_note)


def _next_version(
    demo: NextVersion, older: Brief, broker: Person, people: dict[str, Person], review_by: date
) -> None:
    brief = services.brief_new_version(person=broker, brief=older)
    brief = services.brief_save(
        person=broker,
        brief=brief,
        revision=brief.revision,
        texts=demo.texts,
        fields={
            "strength": demo.strength,
            "study_kinds": list(demo.study_kinds),
            "review_by": review_by + timedelta(days=365),
        },
    )
    for record in _records(demo.cites):
        services.citation_add(person=broker, brief=brief, record=record)
    _publish(
        broker,
        people[demo.reviewer],
        brief,
        "The new review is summarised fairly. Approved.",
        demo.published_days_ago,
    )


@transaction.atomic
def demo_briefs_load(*, organisation: Any, broker: Person) -> int:
    """Write the demo briefs for the organisation, with the broker publishing them. Returns how
    many briefs were new (a brief already there, by its English title, is left as it is)."""
    emails = (
        {d.writer for d in BRIEFS} | {d.reviewer for d in BRIEFS} | {d.welsh_by for d in BRIEFS}
    )
    emails |= {e for d in BRIEFS for e in d.coauthors}
    emails |= {d.next_version.reviewer for d in BRIEFS if d.next_version}
    people = {p.email: p for p in Person.objects.filter(email__in=emails - {""})}
    created = 0
    for demo in BRIEFS:
        title = demo.texts["title_en"]
        if Brief.objects.filter(organisation=organisation, title_en=title).exists():
            continue
        needed = {demo.writer, demo.reviewer} - {"", broker.email}
        if demo.next_version:
            needed.add(demo.next_version.reviewer)
        if not needed <= people.keys():
            continue  # a demo person is missing: leave this brief out
        _load_one(demo, organisation, broker, people)
        created += 2 if demo.next_version else 1
    return created
