"""Evidence briefs: research put into plain words for practice, in English and Welsh, written by
brokers, champions and academics, reviewed, published, read and discussed in teams."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import in_either_language
from pontio.library.models import Visibility

# The fields people write, each kept in English (_en) and Welsh (_cy).
TEXT_FIELDS = (
    "title",
    "question",
    "key_messages",
    "practice",
    "evidence",
    "strength_rationale",
    "limitations",
    "discussion",
)
# Of those, the fields written in Markdown; key messages and discussion are one item a line,
# and the rest plain text.
MARKDOWN_FIELDS = ("practice", "evidence", "limitations")
# A brief is published "English first" while these are not yet written in Welsh.
WELSH_FIRST_FIELDS = ("title", "key_messages")


def lines_of(text: str) -> list[str]:
    """One item a line (key messages, discussion questions), the list marks people type taken
    off; a line holding only a mark is no item."""
    return [line.strip(" -*•\t") for line in text.splitlines() if line.strip(" -*•\t")]


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES = "changes", _("Changes requested")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


# A brief in these states can be edited by its authors.
EDITABLE = (State.DRAFT, State.CHANGES)
# Readers see these; the others are drafts in all but name.
READABLE = (State.PUBLISHED, State.SUPERSEDED)


class Strength(models.TextChoices):
    """How strong the evidence is: see docs/evidence-strength.md for what each level means."""

    STRONG = "4", _("Level 4: strong evidence")
    GOOD = "3", _("Level 3: good evidence")
    EMERGING = "2", _("Level 2: emerging evidence")
    LIMITED = "1", _("Level 1: limited evidence")
    MIXED = "mixed", _("Mixed or conflicting evidence")


class StudyKind(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", _("Systematic reviews or meta-analyses")
    TRIAL = "trial", _("Randomised controlled trials")
    QUASI = "quasi", _("Quasi-experimental studies with a comparison group")
    COHORT = "cohort", _("Cohort or longitudinal studies")
    ADMIN_DATA = "admin_data", _("Analysis of administrative data")
    QUALITATIVE = "qualitative", _("Qualitative studies (interviews, focus groups)")
    LIVED_EXPERIENCE = "lived_experience", _("Accounts of lived experience")
    PRACTICE = "practice", _("Practice evaluations and case studies")
    EXPERT = "expert", _("Expert opinion and guidance")


class Audience(models.TextChoices):
    FRONTLINE = "frontline", _("Frontline practitioners")
    MANAGERS = "managers", _("Team managers")
    LEADERS = "leaders", _("Senior leaders")


class Format(models.TextChoices):
    TWO_MINUTE = "two_minute", _("Two-minute read")
    PRACTICE_GUIDE = "practice_guide", _("Practice guide")
    REVIEW_SUMMARY = "review_summary", _("Evidence review summary")


class BriefQuerySet(models.QuerySet["Brief"]):
    def readable_by(self, person: Any) -> "BriefQuerySet":
        """Published (or superseded) briefs the person may read: public and partnership ones,
        and their own organisations' ones."""
        organisations = person.memberships.values("organisation")
        return self.filter(state__in=READABLE).filter(
            Q(visibility__in=(Visibility.PUBLIC, Visibility.PARTNERSHIP))
            | Q(organisation__in=organisations)
        )

    def visible_to(self, person: Any) -> "BriefQuerySet":
        """Readable briefs, and the drafts the person writes or reviews; brokers of the
        organisation see its drafts too (see permissions.py)."""
        from .permissions import draft_organisations

        mine = Q(authors=person) | Q(reviewer=person)
        brokers = Q(organisation__in=draft_organisations(person))
        readable = self.readable_by(person).values("pk")
        return self.filter(Q(pk__in=readable) | mine | brokers).distinct()


class Brief(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="briefs",
        verbose_name=_("organisation"),
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    question_en = models.TextField(_("the practice question it answers, in English"), blank=True)
    question_cy = models.TextField(_("the practice question it answers, in Welsh"), blank=True)
    # One message per line, 3 to 5 of them, shown first.
    key_messages_en = models.TextField(_("key messages in English"), blank=True)
    key_messages_cy = models.TextField(_("key messages in Welsh"), blank=True)
    practice_en = models.TextField(_("what this means for practice, in English"), blank=True)
    practice_cy = models.TextField(_("what this means for practice, in Welsh"), blank=True)
    evidence_en = models.TextField(_("what the evidence says, in English"), blank=True)
    evidence_cy = models.TextField(_("what the evidence says, in Welsh"), blank=True)
    strength = models.CharField(
        _("how strong the evidence is"), max_length=6, choices=Strength.choices, blank=True
    )
    strength_rationale_en = models.CharField(
        _("why that level, in English"), max_length=300, blank=True
    )
    strength_rationale_cy = models.CharField(
        _("why that level, in Welsh"), max_length=300, blank=True
    )
    study_kinds = models.JSONField(_("the kinds of study behind it"), default=list, blank=True)
    limitations_en = models.TextField(_("limitations, in English"), blank=True)
    limitations_cy = models.TextField(_("limitations, in Welsh"), blank=True)
    # One question per line.
    discussion_en = models.TextField(_("questions for team discussion, in English"), blank=True)
    discussion_cy = models.TextField(_("questions for team discussion, in Welsh"), blank=True)
    audience = models.JSONField(_("audience"), default=list, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.TWO_MINUTE
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="briefs", verbose_name=_("topics")
    )
    priorities = models.ManyToManyField(
        "taxonomy.Priority",
        blank=True,
        related_name="briefs",
        verbose_name=_("strategic priorities"),
    )
    answers = models.ManyToManyField(
        "agenda.Question", blank=True, related_name="briefs", verbose_name=_("agenda questions")
    )
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="briefs_written")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefs_to_review",
        verbose_name=_("reviewer"),
    )
    visibility = models.CharField(
        _("who may read it"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.ORGANISATION,
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="superseded_by"
    )
    review_by = models.DateField(_("review by"), null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Raised on every save: a save that brings an older number was made over someone's change.
    revision = models.PositiveIntegerField(default=0)
    read_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BriefQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["read_count", "updated_at"])

    class Meta:
        ordering = ["-published_at", "-updated_at", "-pk"]
        verbose_name = _("evidence brief")

    def __str__(self) -> str:
        return self.title

    def text(self, field: str) -> str:
        """A written field in the reader's language, else in the other one (as on its page)."""
        return in_either_language(self, field)

    @property
    def title(self) -> str:
        return self.text("title")

    @property
    def key_messages(self) -> list[str]:
        return lines_of(self.text("key_messages"))

    @property
    def discussion(self) -> list[str]:
        return lines_of(self.text("discussion"))

    @property
    def english_first(self) -> bool:
        """Published in English while the Welsh version is still being written (where the
        organisation allows it)."""
        if self.published_at is None:
            return False
        return not all(getattr(self, f"{f}_cy").strip() for f in WELSH_FIRST_FIELDS)

    @property
    def welsh_state(self) -> str:
        """Whether the Welsh version is "complete", "partial" or "missing" (always shown)."""
        pairs = [
            (getattr(self, f"{f}_en"), getattr(self, f"{f}_cy"))
            for f in ("title", "question", "key_messages", "practice", "evidence")
        ]
        written = [bool(cy.strip()) for en, cy in pairs if en.strip()]
        if written and all(written):
            return "complete"
        return "partial" if any(written) else "missing"

    @property
    def study_kind_labels(self) -> list[str]:
        return [str(StudyKind(k).label) for k in self.study_kinds if k in StudyKind.values]

    @property
    def audience_labels(self) -> list[str]:
        return [str(Audience(k).label) for k in self.audience if k in Audience.values]


class Citation(models.Model):
    """A record the brief rests on, in the order of its reference list. The title is kept so
    the reference still reads if the record is deleted; a merged record leads to the one it
    joined."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="citations")
    record = models.ForeignKey(
        "library.Record", on_delete=models.SET_NULL, null=True, related_name="citations"
    )
    position = models.PositiveSmallIntegerField()
    reference = models.TextField()  # the reference as written when cited

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint("brief", "record", name="citation_once_per_brief")]

    def __str__(self) -> str:
        return self.reference[:80]

    @property
    def current_record(self) -> Any:
        """The cited record, or the one it was merged into; None once it is deleted."""
        from pontio.library.selectors import record_current

        return record_current(self.record)


class Revision(models.Model):
    """The written fields as they were after one save, for the history and its diffs."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    texts = models.JSONField()  # {"title_en": ..., "title_cy": ..., ...}
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint("brief", "number", name="revision_number_once")]

    def __str__(self) -> str:
        return f"{self.brief_id} r{self.number}"


class Comment(models.Model):
    """A comment on a draft; replies hang from the first comment of their thread."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    text = models.TextField(_("comment"))
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Read(models.Model):
    """One person read a brief. Only they see it; leaders see counts, never names. Kept for the
    learning log, which will pick reads up."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="reads")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="brief_reads"
    )
    team = models.ForeignKey(  # their team when they read it, for counts per team
        "organisations.Team", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint("brief", "person", name="read_once")]

    def __str__(self) -> str:
        return f"{self.person_id} read {self.brief_id}"


class Feedback(models.Model):
    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="brief_feedback"
    )
    useful = models.BooleanField(_("useful"))
    why = models.TextField(_("why"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint("brief", "person", name="feedback_once")]

    def __str__(self) -> str:
        return f"{self.person_id} on {self.brief_id}"


class GlossaryTerm(models.Model):
    """A word the plain-language check flags, with a plainer way to say it. Brokers edit it."""

    term = models.CharField(_("word or phrase"), max_length=100, unique=True)
    plain = models.CharField(_("plainer alternative"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class BriefImage(models.Model):
    """An image in a brief, checked for type and size when uploaded; alt text is required."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to="briefs/images/")
    content_type = models.CharField(max_length=40)
    alt_en = models.CharField(_("description in English (alt text)"), max_length=300)
    alt_cy = models.CharField(_("description in Welsh (alt text)"), max_length=300, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.alt_en
