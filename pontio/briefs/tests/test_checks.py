"""The plain-language checks beside the editor: reading scores, long sentences, jargon from the
glossary, passive paragraphs, missing alt text, key messages, and the Welsh checks; and the
subset of them that stops a brief being published."""

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.template.loader import render_to_string

from pontio.briefs.checks import (
    DEFAULT_BLOCKERS,
    BriefReport,
    Kind,
    brief_report,
    publishing_problems,
    reading_scores,
)
from pontio.briefs.models import Brief, GlossaryTerm
from pontio.organisations.models import Organisation

SIMPLE = (
    "We asked children what helps. They told us. Most want to stay at the same school. "
    "A good plan makes that more likely."
)
COMPLEX = (
    "Notwithstanding considerable methodological heterogeneity, the preponderance of "
    "longitudinal investigations demonstrated statistically significant associations between "
    "placement instability and deteriorating educational trajectories, necessitating "
    "interdisciplinary collaboration."
)
LONG_SENTENCE = (
    "When a child moves to a new foster home in the middle of the school year the social "
    "worker, the school and the carers should meet quickly to agree who will take the child "
    "to school each day."
)
PASSIVE = (
    "The children were interviewed at home. The records were checked by two researchers. "
    "The findings were shared with the team."
)
ACTIVE = "We talked to children at home. Two researchers checked the records. We told the team."
WELSH = (
    "Rydym wedi siarad gyda phlant yn eu cartrefi. Mae gweithwyr cymdeithasol yn bwysig i "
    "deuluoedd."
)


def make_brief(organisation: Organisation, **texts: Any) -> Brief:
    """A brief with nothing to flag unless the test says otherwise."""
    fields = {
        "title_en": "Keeping children in the same school",
        "title_cy": "Cadw plant yn yr un ysgol",
        "question_en": "What helps children stay at the same school when they move home?",
        "question_cy": "Beth sy'n helpu plant i aros yn yr un ysgol pan fyddan nhw'n symud?",
        "key_messages_en": "Plan early.\nTalk to the school.\nAsk the child.",
        "key_messages_cy": "Cynlluniwch yn gynnar.\nSiaradwch gyda'r ysgol.\nHoli'r plentyn.",
        "practice_en": SIMPLE,
        "practice_cy": WELSH + " " + WELSH,
        **texts,
    }
    return Brief.objects.create(organisation=organisation, **fields)


def findings(report: BriefReport, field: str, kind: str) -> list[Any]:
    return [f for r in report.fields if r.name == field for f in r.findings if f.kind == kind]


def kinds(report: BriefReport, field: str) -> set[str]:
    return {f.kind for r in report.fields if r.name == field for f in r.findings}


@pytest.fixture
def glossary(db: Any) -> dict[str, str]:
    terms = {"heterogeneity": "differences between studies", "cohort": "group followed over time"}
    for term, plain in terms.items():
        GlossaryTerm.objects.update_or_create(term=term, defaults={"plain": plain})
    return terms


def test_it_scores_simple_text_easier_than_complex_text() -> None:
    simple_ease, simple_grade = reading_scores(SIMPLE)
    complex_ease, complex_grade = reading_scores(COMPLEX)
    assert simple_ease > 70 > 30 > complex_ease
    assert simple_grade < 6 < 14 < complex_grade


def test_it_scores_the_words_not_the_markdown() -> None:
    marked = "## Plan\n\n**We** asked [children](https://example.org/a-very-long-address)."
    assert reading_scores(marked) == reading_scores("Plan\n\nWe asked children.")


def test_it_scores_nothing_as_zero() -> None:
    assert reading_scores("") == (0.0, 0.0)


def test_it_reports_the_english_body_scores_and_nothing_to_flag(
    council: Organisation, glossary: dict[str, str]
) -> None:
    report = brief_report(make_brief(council))
    assert report.clean
    assert report.scores is not None and report.scores.ease > 60


def test_it_flags_long_sentences(council: Organisation) -> None:
    report = brief_report(make_brief(council, practice_en=LONG_SENTENCE), glossary={})
    [finding] = findings(report, "practice_en", Kind.LONG_SENTENCE)
    assert "38 words" in finding.message
    assert finding.excerpt.startswith("When a child moves")
    sentence = "Word" + " word" * 24 + "."
    just_so = f"{sentence} {sentence}"
    report = brief_report(make_brief(council, practice_en=just_so), glossary={})
    assert not findings(report, "practice_en", Kind.LONG_SENTENCE)


def test_it_flags_glossary_terms_with_the_plain_alternative(
    council: Organisation, glossary: dict[str, str]
) -> None:
    text = "There was Heterogeneity between the cohorts of looked-after children."
    report = brief_report(make_brief(council, evidence_en=text))
    messages = [f.message for f in findings(report, "evidence_en", Kind.JARGON)]
    assert len(messages) == 2
    assert any("Heterogeneity" in m and "differences between studies" in m for m in messages)
    assert any("cohorts" in m and "group followed over time" in m for m in messages)


def test_it_leaves_looked_after_children_alone(
    council: Organisation, glossary: dict[str, str]
) -> None:
    text = "Looked-after children do better when they keep the same school. Cohortative is fine."
    report = brief_report(make_brief(council, evidence_en=text))
    assert not findings(report, "evidence_en", Kind.JARGON)


def test_it_flags_passive_heavy_paragraphs(council: Organisation) -> None:
    report = brief_report(make_brief(council, evidence_en=f"{PASSIVE}\n\n{ACTIVE}"), glossary={})
    [finding] = findings(report, "evidence_en", Kind.PASSIVE)
    assert "3 of the 3" in finding.message
    assert finding.excerpt.startswith("The children were interviewed")


def test_it_leaves_single_sentences_and_active_paragraphs_alone(council: Organisation) -> None:
    text = f"{ACTIVE}\n\nThe report was written in 2024."
    report = brief_report(make_brief(council, evidence_en=text), glossary={})
    assert not findings(report, "evidence_en", Kind.PASSIVE)


def test_it_flags_images_without_alt_text(council: Organisation) -> None:
    text = "A chart:\n\n![](/media/chart.png)\n\n![A bar chart of moves](/media/moves.png)"
    report = brief_report(make_brief(council, evidence_en=text), glossary={})
    [finding] = findings(report, "evidence_en", Kind.ALT_TEXT)
    assert finding.excerpt == "/media/chart.png"


def test_it_counts_key_messages(council: Organisation) -> None:
    for text, flagged in (
        ("One.\nTwo.", True),
        ("- One.\n- Two.\n- Three.", False),
        ("1\n2\n3\n4\n5", False),
        ("1\n2\n3\n4\n5\n6", True),
    ):
        report = brief_report(make_brief(council, key_messages_en=text), glossary={})
        assert bool(findings(report, "key_messages_en", Kind.KEY_MESSAGES_COUNT)) is flagged


def test_it_flags_long_key_messages(council: Organisation) -> None:
    long = " ".join(["word"] * 31)
    report = brief_report(make_brief(council, key_messages_en=f"{long}\nTwo.\nThree."), {})
    [finding] = findings(report, "key_messages_en", Kind.KEY_MESSAGE_LONG)
    assert "31 words" in finding.message
    short = " ".join(["word"] * 30)
    report = brief_report(make_brief(council, key_messages_en=f"{short}\nTwo.\nThree."), {})
    assert not findings(report, "key_messages_en", Kind.KEY_MESSAGE_LONG)


def test_it_flags_missing_english(council: Organisation) -> None:
    report = brief_report(make_brief(council, question_en="", question_cy=""), glossary={})
    assert kinds(report, "question_en") == {Kind.ENGLISH_MISSING}
    assert not kinds(report, "limitations_en")  # not required


def test_it_flags_welsh_that_is_missing(council: Organisation) -> None:
    report = brief_report(make_brief(council, limitations_en=SIMPLE), glossary={})
    assert kinds(report, "limitations_cy") == {Kind.WELSH_MISSING}
    assert not kinds(report, "discussion_cy")  # no English either


def test_it_flags_welsh_much_shorter_than_the_english(council: Organisation) -> None:
    report = brief_report(make_brief(council, practice_cy="Mae plant yn bwysig."), glossary={})
    assert kinds(report, "practice_cy") == {Kind.WELSH_SHORT}
    assert not kinds(brief_report(make_brief(council), glossary={}), "practice_cy")


def test_it_flags_english_left_in_a_welsh_field(council: Organisation) -> None:
    welsh = f"{WELSH} Two researchers checked the records with the team."
    report = brief_report(make_brief(council, practice_cy=welsh), glossary={})
    [finding] = findings(report, "practice_cy", Kind.WELSH_ENGLISH)
    assert finding.excerpt == "Two researchers checked the records with the team."
    cy_only = brief_report(make_brief(council, key_messages_cy="Cynllun.\nYsgol.\nPlentyn."), {})
    assert not findings(cy_only, "key_messages_cy", Kind.WELSH_ENGLISH)


def test_it_renders_the_panel(council: Organisation, glossary: dict[str, str]) -> None:
    clean = render_to_string("briefs/_checks.html", {"report": brief_report(make_brief(council))})
    assert "Nothing to flag" in clean
    assert "Reading ease" in clean
    brief = make_brief(council, evidence_en="Heterogeneity was high.", evidence_cy="")
    flagged = render_to_string("briefs/_checks.html", {"report": brief_report(brief)})
    assert "Nothing to flag" not in flagged
    assert "What the evidence says, in English" in flagged
    assert "differences between studies" in flagged
    assert "What the evidence says, in Welsh" in flagged


def test_nothing_blocks_a_brief_with_nothing_to_flag(council: Organisation) -> None:
    assert publishing_problems(make_brief(council)) == []


def test_it_blocks_publishing_for_the_default_problems(council: Organisation) -> None:
    brief = make_brief(
        council,
        title_cy="",
        key_messages_en="Only one.",
        practice_en=f"![](/media/chart.png)\n\n{LONG_SENTENCE}",
        question_en="",
    )
    problems = publishing_problems(brief)
    assert len(problems) == 4
    assert any(p.startswith("Key messages in English: Write 3 to 5") for p in problems)
    assert any(p.startswith("The practice question it answers, in English:") for p in problems)
    assert any("/media/chart.png" in p and "alt text" in p for p in problems)
    assert any(p.startswith("Title in Welsh:") for p in problems)
    assert not any("words: split it" in p for p in problems)  # a long sentence does not block


def test_english_first_organisations_publish_without_the_welsh(council: Organisation) -> None:
    council.briefs_english_first = True
    council.save()
    brief = make_brief(council, title_cy="", key_messages_cy="", practice_cy="")
    assert publishing_problems(brief) == []


def test_the_blocking_checks_are_configurable(
    council: Organisation, settings: Any, glossary: dict[str, str]
) -> None:
    brief = make_brief(council, title_cy="", practice_en=f"Heterogeneity. {LONG_SENTENCE}")
    assert len(publishing_problems(brief)) == 1  # the missing Welsh title, by default
    settings.BRIEF_PUBLISH_BLOCKERS = (Kind.LONG_SENTENCE, Kind.JARGON)
    problems = publishing_problems(brief)
    assert len(problems) == 2
    assert any("differences between studies" in p for p in problems)
    assert any("split it" in p for p in problems)
    settings.BRIEF_PUBLISH_BLOCKERS = ()
    assert publishing_problems(brief) == []


def test_the_default_blockers_are_those_the_issue_asks_for() -> None:
    assert set(DEFAULT_BLOCKERS) == {
        Kind.KEY_MESSAGES_COUNT,
        Kind.ENGLISH_MISSING,
        Kind.ALT_TEXT,
        Kind.WELSH_MISSING,
    }


def test_the_migration_seeds_the_glossary_and_takes_it_back(db: Any) -> None:
    seed = importlib.import_module("pontio.briefs.migrations.0002_glossary_seed")
    GlossaryTerm.objects.all().delete()
    seed.add_terms(apps, None)
    assert GlossaryTerm.objects.count() == len(seed.TERMS) >= 25
    assert GlossaryTerm.objects.get(term="heterogeneity").plain == "differences between studies"
    GlossaryTerm.objects.create(term="added by a broker", plain="kept")
    seed.remove_terms(apps, None)
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["added by a broker"]
