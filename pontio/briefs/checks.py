"""Plain-language checks of a brief, shown beside the editor as the author writes; none of them
stops a save, and a configurable few stop publishing.

English fields get reading scores (Flesch reading ease and Flesch-Kincaid grade), long
sentences, jargon from the brokers' glossary, passive-heavy paragraphs and images without alt
text; key messages are counted and kept short. Welsh fields are checked for being missing, much
shorter than the English, or still holding English.

Setting: ``BRIEF_PUBLISH_BLOCKERS``, a tuple of finding kinds (the ``Kind`` values below) that
stop a brief being published; ``DEFAULT_BLOCKERS`` when it is not set. A missing Welsh field
never blocks where the brief's organisation publishes briefs in English first.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, NamedTuple

import pyphen  # type: ignore[import-untyped]
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from markdown_it import MarkdownIt

from pontio.lib.language import WELSH_WORDS, looks_welsh

from .models import MARKDOWN_FIELDS, TEXT_FIELDS, Brief, GlossaryTerm, lines_of

MIN_KEY_MESSAGES, MAX_KEY_MESSAGES = 3, 5
MAX_SENTENCE_WORDS = 25
MAX_KEY_MESSAGE_WORDS = 30
PASSIVE_SHARE = 0.5
# Welsh usually runs longer than English, so under half the length is worth a second look.
WELSH_SHORT_SHARE = 0.5
# Below this many characters of English, lengths say too little to compare.
WELSH_SHORT_MIN_CHARS = 30

# Fields written one item a line (MARKDOWN_FIELDS are in Markdown, the others plain text).
LINE_FIELDS = ("key_messages", "discussion")
# A brief cannot be published without these in English.
REQUIRED_ENGLISH = ("title", "question", "key_messages")


class Kind(StrEnum):
    LONG_SENTENCE = "long_sentence"
    JARGON = "jargon"
    PASSIVE = "passive"
    ALT_TEXT = "alt_text"
    KEY_MESSAGES_COUNT = "key_messages_count"
    KEY_MESSAGE_LONG = "key_message_long"
    ENGLISH_MISSING = "english_missing"
    WELSH_MISSING = "welsh_missing"
    WELSH_SHORT = "welsh_short"
    WELSH_ENGLISH = "welsh_english"


DEFAULT_BLOCKERS = (
    Kind.KEY_MESSAGES_COUNT,
    Kind.ENGLISH_MISSING,
    Kind.ALT_TEXT,
    Kind.WELSH_MISSING,
)


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    excerpt: str = ""


@dataclass(frozen=True)
class FieldReport:
    name: str  # the model field, such as "evidence_en"
    label: str
    findings: tuple[Finding, ...]


class ReadingScores(NamedTuple):
    ease: float  # Flesch reading ease: 0-100, higher is easier
    grade: float  # Flesch-Kincaid grade: years of schooling needed


@dataclass(frozen=True)
class BriefReport:
    fields: tuple[FieldReport, ...]  # only the fields with something to flag
    scores: ReadingScores | None  # of the English body; None when there is none yet

    @property
    def clean(self) -> bool:
        return not self.fields

    @property
    def kinds(self) -> set[str]:
        return {f.kind for field in self.fields for f in field.findings}


# Text -------------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! or ? followed by space and what can start a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|cf|vs|Dr|Mr|Mrs|Ms|Prof|No|al)\.$", re.I)
_VOWELS = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of plain text; a line break always ends one (lists, headings)."""
    found: list[str] = []
    for line in text.splitlines():
        pending = ""
        for part in _SENTENCE_END.split(line.strip()):
            pending = f"{pending} {part}".strip()
            if pending and not _ABBREVIATION.search(pending):
                found.append(pending)
                pending = ""
        if pending:
            found.append(pending)
    return [s for s in found if words(s)]


def paragraphs(markdown: str) -> list[str]:
    """The blocks of prose in Markdown (paragraphs, list items, headings) as plain text, without
    images, link addresses or code blocks."""
    blocks = []
    for token in _MARKDOWN.parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = "".join(parts).strip()
        if text:
            blocks.append(text)
    return blocks


def _blocks(field: str, text: str) -> list[str]:
    if field in MARKDOWN_FIELDS:
        return paragraphs(text)
    if field in LINE_FIELDS:
        return lines_of(text)
    return [" ".join(text.split())] if text.strip() else []


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    """Syllables from the en_GB hyphenation points, or from vowel groups where they count more:
    hyphenation avoids breaking near a word's ends ("evid-ence"), so it tends to undercount."""
    word = word.lower().strip("'’-")
    if not word.isalpha():
        return 1
    by_hyphens = len(_hyphenator().positions(word)) + 1
    by_vowels = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and by_vowels > 1:
        by_vowels -= 1  # a silent e: "care", "evidence"
    return max(by_hyphens, by_vowels, 1)


def reading_scores(text: str) -> ReadingScores:
    """Flesch reading ease and Flesch-Kincaid grade of Markdown (or plain) text; (0, 0) when
    it has no words. Both are held to the range the panel explains (ease 0 to 100, grade 0 or
    more): the formulas run past it on very easy or very hard text."""
    found = [s for block in paragraphs(text) for s in sentences(block)]
    counted = [w for s in found for w in words(s)]
    if not counted:
        return ReadingScores(0.0, 0.0)
    per_sentence = len(counted) / len(found)
    per_word = sum(syllables(w) for w in counted) / len(counted)
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ReadingScores(round(min(max(ease, 0.0), 100.0), 1), round(max(grade, 0.0), 1))


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# English checks -----------------------------------------------------------------------------

_BE = r"(?:am|is|are|was|were|be|been|being|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
_IRREGULAR = (
    "given taken shown seen known made done found held kept paid told brought thought put set "
    "written chosen understood left led felt heard meant built sent spent drawn grown begun "
    "broken driven forgotten hidden born sold bought caught taught lost met cut run won"
)
_NOT_PARTICIPLES = {"indeed", "need", "bed", "red", "shed", "seed", "speed", "feed", "breed"}
_PASSIVE = re.compile(
    rf"\b{_BE}\s+(?:(?:not|also|often|usually|then|now|still|widely|being)\s+)?"
    rf"([a-z]+ed|{'|'.join(_IRREGULAR.split())})\b",
    re.I,
)


def _is_passive(sentence: str) -> bool:
    return any(m.group(1).lower() not in _NOT_PARTICIPLES for m in _PASSIVE.finditer(sentence))


@lru_cache(maxsize=1024)
def _glossary_pattern(term: str) -> re.Pattern[str]:
    # The whole word or phrase, any spacing, plural allowed: "cohorts" is "cohort".
    body = r"\s+".join(re.escape(part) for part in term.split())
    return re.compile(rf"(?<![\w-]){body}(?:s|es)?(?![\w-])", re.I)


def long_sentences(blocks: Iterable[str]) -> list[Finding]:
    findings = []
    for block in blocks:
        for sentence in sentences(block):
            count = len(words(sentence))
            if count > MAX_SENTENCE_WORDS:
                message = _(
                    "This sentence has %(count)s words: split it or cut it to %(max)s or fewer."
                ) % {"count": count, "max": MAX_SENTENCE_WORDS}
                findings.append(Finding(Kind.LONG_SENTENCE, message, _excerpt(sentence)))
    return findings


def jargon(text: str, glossary: Mapping[str, str]) -> list[Finding]:
    findings = []
    for term, plain in sorted(glossary.items()):
        if term.strip() and (match := _glossary_pattern(term).search(text)):
            message = _("“%(term)s” may not be clear to every reader: try “%(plain)s”.") % {
                "term": match.group(0),
                "plain": plain,
            }
            findings.append(Finding(Kind.JARGON, message, match.group(0)))
    return findings


def passive_paragraphs(blocks: Iterable[str]) -> list[Finding]:
    findings = []
    for block in blocks:
        found = sentences(block)
        if len(found) < 2:
            continue
        passive = sum(1 for s in found if _is_passive(s))
        if passive / len(found) >= PASSIVE_SHARE:
            message = _(
                "%(passive)s of the %(total)s sentences in this paragraph are passive: say who "
                "does what."
            ) % {"passive": passive, "total": len(found)}
            findings.append(Finding(Kind.PASSIVE, message, _excerpt(block)))
    return findings


def images_without_alt(markdown: str) -> list[Finding]:
    findings = []
    for token in _MARKDOWN.parse(markdown):
        for child in token.children or []:
            if child.type == "image" and not child.content.strip():
                src = str(child.attrs.get("src", ""))
                message = _("An image has no description (alt text): say what it shows.")
                findings.append(Finding(Kind.ALT_TEXT, message, src))
    return findings


def key_message_findings(text: str) -> list[Finding]:
    items = lines_of(text)
    findings = []
    if items and not MIN_KEY_MESSAGES <= len(items) <= MAX_KEY_MESSAGES:
        message = ngettext(
            "Write %(min)s to %(max)s key messages, one a line: there is %(count)s.",
            "Write %(min)s to %(max)s key messages, one a line: there are %(count)s.",
            len(items),
        ) % {"min": MIN_KEY_MESSAGES, "max": MAX_KEY_MESSAGES, "count": len(items)}
        findings.append(Finding(Kind.KEY_MESSAGES_COUNT, message))
    for item in items:
        count = len(words(item))
        if count > MAX_KEY_MESSAGE_WORDS:
            message = _("This key message has %(count)s words: keep it to %(max)s or fewer.") % {
                "count": count,
                "max": MAX_KEY_MESSAGE_WORDS,
            }
            findings.append(Finding(Kind.KEY_MESSAGE_LONG, message, _excerpt(item)))
    return findings


def english_findings(field: str, text: str, glossary: Mapping[str, str]) -> list[Finding]:
    """What to look at in one English field as written."""
    if not text.strip():
        if field in REQUIRED_ENGLISH:
            return [Finding(Kind.ENGLISH_MISSING, _("Write this in English."))]
        return []
    blocks = _blocks(field, text)
    findings: list[Finding] = []
    if field == "key_messages":
        findings += key_message_findings(text)
    else:
        findings += long_sentences(blocks)
    findings += jargon("\n".join(blocks), glossary)
    if field in MARKDOWN_FIELDS:
        findings += passive_paragraphs(blocks)
        findings += images_without_alt(text)
    return findings


# Welsh checks -------------------------------------------------------------------------------

ENGLISH_WORDS = frozenset({
    "the", "and", "of", "to", "is", "are", "was", "were", "that", "with", "for", "this", "these",
    "it", "be", "have", "has", "not", "on", "by", "from", "they", "their", "them", "we", "you",
    "what", "which", "who", "how", "can", "should", "will", "would", "as", "at", "an", "or",
    "but", "there", "been", "more", "than", "when",
})  # fmt: skip
_WELSH_ONLY = WELSH_WORDS - ENGLISH_WORDS


def looks_english(text: str) -> bool:
    """A passage in a Welsh field that reads as English: not Welsh by looks_welsh, with at least
    two common English words and more of them than Welsh ones."""
    if looks_welsh(text):
        return False
    lowered = [w.lower() for w in words(text)]
    english = sum(1 for w in lowered if w in ENGLISH_WORDS)
    welsh = sum(1 for w in lowered if w in _WELSH_ONLY)
    return english >= 2 and english > welsh


def welsh_findings(field: str, english: str, welsh: str) -> list[Finding]:
    """What to look at in one Welsh field, against its English."""
    english, welsh = english.strip(), welsh.strip()
    if not welsh:
        if english:
            return [Finding(Kind.WELSH_MISSING, _("The English is written but not the Welsh."))]
        return []
    findings = []
    if len(english) >= WELSH_SHORT_MIN_CHARS and len(welsh) < WELSH_SHORT_SHARE * len(english):
        message = _("The Welsh is under half the length of the English: it may be incomplete.")
        findings.append(Finding(Kind.WELSH_SHORT, message))
    english_left = [s for block in _blocks(field, welsh) for s in sentences(block)]
    english_left = [s for s in english_left if looks_english(s)]
    if english_left:
        message = ngettext(
            "%(count)s passage looks English: translate it into Welsh.",
            "%(count)s passages look English: translate them into Welsh.",
            len(english_left),
        ) % {"count": len(english_left)}
        findings.append(Finding(Kind.WELSH_ENGLISH, message, _excerpt(english_left[0])))
    if field in MARKDOWN_FIELDS:
        findings += images_without_alt(welsh)
    return findings


# The brief ----------------------------------------------------------------------------------


def glossary_terms() -> dict[str, str]:
    return dict(GlossaryTerm.objects.values_list("term", "plain"))


def _label(name: str) -> str:
    label = str(getattr(Brief._meta.get_field(name), "verbose_name", name))
    return label[:1].upper() + label[1:]


def field_findings(brief: Any, glossary: Mapping[str, str]) -> list[FieldReport]:
    reports = []
    for field in TEXT_FIELDS:
        english = str(getattr(brief, f"{field}_en") or "")
        welsh = str(getattr(brief, f"{field}_cy") or "")
        for name, findings in (
            (f"{field}_en", english_findings(field, english, glossary)),
            (f"{field}_cy", welsh_findings(field, english, welsh)),
        ):
            if findings:
                reports.append(FieldReport(name, _label(name), tuple(findings)))
    return reports


def body_text(brief: Any) -> str:
    """The English that readers read through, as Markdown: for the reading scores."""
    parts = []
    for field in TEXT_FIELDS:
        text = str(getattr(brief, f"{field}_en") or "")
        if field == "title" or not text.strip():
            continue
        # One item a line: each its own paragraph, so that each counts as a sentence.
        parts.append("\n\n".join(lines_of(text)) if field in LINE_FIELDS else text)
    return "\n\n".join(parts)


def brief_report(brief: Any, glossary: Mapping[str, str] | None = None) -> BriefReport:
    """Everything the side panel shows: findings by field, and the English reading scores."""
    terms = glossary_terms() if glossary is None else glossary
    body = body_text(brief)
    scores = reading_scores(body) if words(body) else None
    return BriefReport(tuple(field_findings(brief, terms)), scores)


def publish_blockers() -> tuple[str, ...]:
    return tuple(getattr(settings, "BRIEF_PUBLISH_BLOCKERS", DEFAULT_BLOCKERS))


def publishing_problems(brief: Any) -> list[str]:
    """What stops the brief being published, in plain words; empty when nothing does."""
    blockers = set(publish_blockers())
    if getattr(brief.organisation, "briefs_english_first", False):
        blockers.discard(Kind.WELSH_MISSING)
    glossary = glossary_terms() if Kind.JARGON in blockers else {}
    problems = []
    for report in field_findings(brief, glossary):
        for finding in report.findings:
            if finding.kind in blockers:
                values = {"field": report.label, "message": finding.message}
                if finding.excerpt:
                    values["excerpt"] = finding.excerpt
                    problems.append(_("%(field)s, “%(excerpt)s”: %(message)s") % values)
                else:
                    problems.append(_("%(field)s: %(message)s") % values)
    return problems
