"""The default topic taxonomy, from the research areas the briefing names (pre-birth, contextual
harm, children looked after, safeguarding, criminal and sexual exploitation, health outcomes,
health and social care integration, ACEs, the "trigger trio"). Two levels; English and Welsh.
The Welsh names are listed in docs/welsh-review.md for a fluent speaker to check."""

from typing import Any

# (slug, English, Welsh, [(slug, English, Welsh), ...])
TOPICS: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    (
        "early-years",
        "Early years and pre-birth",
        "Y blynyddoedd cynnar a chyn geni",
        [
            ("pre-birth", "Pre-birth assessment and support", "Asesu a chymorth cyn geni"),
            ("infants-parenting", "Infants and parenting", "Babanod a magu plant"),
        ],
    ),
    (
        "safeguarding",
        "Safeguarding",
        "Diogelu",
        [
            ("child-protection", "Child protection", "Amddiffyn plant"),
            ("contextual-harm", "Contextual harm", "Niwed cyd-destunol"),
            (
                "criminal-exploitation",
                "Child criminal exploitation",
                "Camfanteisio troseddol ar blant",
            ),
            ("sexual-exploitation", "Child sexual exploitation", "Camfanteisio rhywiol ar blant"),
        ],
    ),
    (
        "children-looked-after",
        "Children looked after",
        "Plant sy'n derbyn gofal",
        [
            (
                "cla-outcomes",
                "Outcomes for children looked after",
                "Canlyniadau i blant sy'n derbyn gofal",
            ),
            ("cla-education", "Educational outcomes", "Canlyniadau addysgol"),
            (
                "foster-kinship-care",
                "Foster and kinship care",
                "Gofal maeth a gofal gan berthnasau",
            ),
            ("residential-care", "Residential care", "Gofal preswyl"),
            ("leaving-care", "Leaving care", "Gadael gofal"),
        ],
    ),
    (
        "trigger-trio",
        "The trigger trio",
        "Y triawd sbarduno",
        [
            (
                "domestic-sexual-violence",
                "Domestic and sexual violence",
                "Trais domestig a thrais rhywiol",
            ),
            ("substance-use", "Substance use", "Defnyddio sylweddau"),
            ("mental-health", "Mental health", "Iechyd meddwl"),
        ],
    ),
    (
        "health-wellbeing",
        "Health and wellbeing",
        "Iechyd a llesiant",
        [
            ("health-outcomes", "Health outcomes", "Canlyniadau iechyd"),
            (
                "aces",
                "Adverse childhood experiences (ACEs)",
                "Profiadau niweidiol yn ystod plentyndod (ACEs)",
            ),
            (
                "health-social-care-integration",
                "Health and social care integration",
                "Integreiddio iechyd a gofal cymdeithasol",
            ),
        ],
    ),
    (
        "practice-workforce",
        "Practice and workforce",
        "Ymarfer a'r gweithlu",
        [
            (
                "evidence-informed-practice",
                "Evidence-informed practice",
                "Ymarfer wedi'i lywio gan dystiolaeth",
            ),
            (
                "supervision",
                "Supervision and reflective practice",
                "Goruchwylio ac ymarfer myfyriol",
            ),
            (
                "workforce-wellbeing",
                "Workforce wellbeing and retention",
                "Llesiant a chadw'r gweithlu",
            ),
        ],
    ),
    (
        "families-communities",
        "Families and communities",
        "Teuluoedd a chymunedau",
        [
            ("family-support", "Family support and poverty", "Cymorth i deuluoedd a thlodi"),
            ("youth-justice", "Youth justice", "Cyfiawnder ieuenctid"),
            ("participation", "Children's voice and participation", "Llais a chyfranogiad plant"),
        ],
    ),
]


def seed_topics(topic_model: Any) -> int:
    """Create any missing default topics. Existing topics (maybe renamed by an administrator)
    are left as they are. Returns how many were created."""
    created = 0
    for position, (slug, name_en, name_cy, children) in enumerate(TOPICS, start=1):
        parent, made = topic_model.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_cy": name_cy, "position": position}
        )
        created += made
        for child_position, (child_slug, child_en, child_cy) in enumerate(children, start=1):
            _, made = topic_model.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name_en": child_en,
                    "name_cy": child_cy,
                    "parent": parent,
                    "position": child_position,
                },
            )
            created += made
    return created


# Words in a record's keywords or subject terms (OpenAlex concepts, MeSH ...) that suggest a
# default topic. Topics added by administrators are suggested by the words of their names.
SUGGESTING_TERMS: dict[str, list[str]] = {
    "pre-birth": ["pregnancy", "prenatal", "antenatal", "unborn", "pre-birth"],
    "infants-parenting": ["infant", "parenting", "newborn", "attachment"],
    "child-protection": [
        "child protection",
        "child abuse",
        "maltreatment",
        "neglect",
        "child welfare",
    ],
    "contextual-harm": [
        "contextual safeguarding",
        "extrafamilial",
        "peer abuse",
        "contextual harm",
    ],
    "criminal-exploitation": ["county lines", "criminal exploitation", "gang"],
    "sexual-exploitation": ["sexual exploitation", "child sexual abuse", "grooming"],
    "cla-outcomes": [
        "foster",
        "looked after",
        "out-of-home care",
        "child in care",
        "children in care",
    ],
    "cla-education": ["educational attainment", "school", "education"],
    "foster-kinship-care": ["foster care", "kinship", "foster"],
    "residential-care": ["residential care", "children's home", "institutional care"],
    "leaving-care": ["care leaver", "leaving care", "aging out"],
    "domestic-sexual-violence": [
        "domestic violence",
        "intimate partner violence",
        "domestic abuse",
        "sexual violence",
    ],
    "substance-use": ["substance", "alcohol", "drug use", "addiction", "opioid"],
    "mental-health": [
        "mental health",
        "depression",
        "anxiety",
        "psychiatric",
        "psychological distress",
        "psychiatry",
    ],
    "health-outcomes": ["health outcomes", "morbidity", "mortality", "public health"],
    "aces": ["adverse childhood experiences", "childhood adversity", "aces", "trauma"],
    "health-social-care-integration": ["integrated care", "integration", "health and social care"],
    "evidence-informed-practice": [
        "evidence-based practice",
        "knowledge translation",
        "research use",
        "implementation science",
        "knowledge utilization",
        "embedded researcher",
    ],
    "supervision": ["supervision", "reflective practice"],
    "workforce-wellbeing": ["burnout", "workforce", "retention", "turnover"],
    "family-support": ["poverty", "family support", "deprivation", "early help"],
    "youth-justice": ["youth justice", "juvenile", "offending", "delinquency"],
    "participation": ["participation", "children's voice", "child participation"],
}
