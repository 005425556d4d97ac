"""The research agenda: questions raised by staff, the people who support and follow them, what
knowledge brokers did to them in triage, and in-app notices of what happened."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.accounts.models import Language
from pontio.core.bilingual import reader_language, shown_in


class State(models.TextChoices):
    """A question's lifecycle, in order; answered and closed both end it."""

    SUBMITTED = "submitted", _("Submitted")
    TRIAGED = "triaged", _("Triaged")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    PRIORITISED = "prioritised", _("Prioritised")
    COMMISSIONED = "commissioned", _("Commissioned")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


# Questions in these states still gather support; later, the decision has been taken.
OPEN_STATES = (State.SUBMITTED, State.TRIAGED, State.SHORTLISTED, State.PRIORITISED)
# The questions on an organisation's agenda: chosen, and what became of them since.
AGENDA_STATES = (State.PRIORITISED, State.COMMISSIONED, State.ANSWERED)


class ClosedReason(models.TextChoices):
    MERGED = "merged", _("Merged with a question that asks the same")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
    REJECTED = "rejected", _("Not taken forward by the steering group")


class Affected(models.TextChoices):
    """Who a question affects: fixed choices, so they read in either language."""

    UNBORN = "unborn", _("Unborn babies and infants")
    CHILDREN = "children", _("Children and young people")
    CARE_EXPERIENCED = "care_experienced", _("Children looked after and care leavers")
    PARENTS = "parents", _("Parents and families")
    CARERS = "carers", _("Foster and kinship carers")
    PRACTITIONERS = "practitioners", _("Practitioners and services")


class QuestionQuerySet(models.QuerySet["Question"]):
    def current(self) -> "QuestionQuerySet":
        """Questions that have not been merged into another."""
        return self.filter(merged_into__isnull=True)

    def open_for_support(self) -> "QuestionQuerySet":
        return self.current().filter(state__in=OPEN_STATES)

    def on_agenda_of(self, organisation: Any) -> "QuestionQuerySet":
        """The organisation's agenda in order: by place in the top ten, then the newest."""
        return (
            self.current()
            .filter(organisation=organisation, state__in=AGENDA_STATES)
            .order_by(models.F("agenda_place").asc(nulls_last=True), "-created_at", "-pk")
        )

    def visible_to(self, person: Any) -> "QuestionQuerySet":
        """A question is seen inside its organisation and by its author (who may since have
        left it). Once prioritised, it is on the organisation's agenda, which anyone signed in
        sees if the organisation shares it with them (agenda_sharing signed_in or public)."""
        from pontio.organisations.models import AgendaSharing

        organisations = person.memberships.values("organisation")
        on_shared_agenda = models.Q(
            organisation__agenda_sharing__in=(AgendaSharing.SIGNED_IN, AgendaSharing.PUBLIC),
            organisation__is_active=True,
            state__in=AGENDA_STATES,
            merged_into__isnull=True,
        )
        return self.filter(
            models.Q(organisation__in=organisations) | models.Q(author=person) | on_shared_agenda
        )


class Question(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions_raised",
    )
    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("team"),
    )
    # What people write is kept in the language they wrote it in; a broker adds the other.
    text_en = models.TextField(_("question in English"), blank=True)
    text_cy = models.TextField(_("question in Welsh"), blank=True)
    why_en = models.TextField(_("why it matters, in English"), blank=True)
    why_cy = models.TextField(_("why it matters, in Welsh"), blank=True)
    language = models.CharField(
        _("written in"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    affects = models.JSONField(_("who it affects"), default=list, blank=True)  # Affected keys
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="questions", verbose_name=_("topics")
    )
    priority = models.ForeignKey(
        "taxonomy.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("strategic priority"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.SUBMITTED, db_index=True
    )
    closed_reason = models.CharField(max_length=12, choices=ClosedReason.choices, blank=True)
    closed_note = models.TextField(blank=True)  # the broker's words on why it was closed
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_questions"
    )
    clarification_asked = models.BooleanField(default=False)
    # Its place in the organisation's top ten, as the final workshop of a round agreed it.
    agenda_place = models.PositiveSmallIntegerField(_("place on the agenda"), null=True, blank=True)
    answered_by = models.ManyToManyField(
        "library.Record", blank=True, related_name="questions_answered"
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="questions_followed"
    )
    # A one-time key from the form, so a double click or a resent form makes one question.
    submission_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "submission_key"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("question")
        constraints = [
            models.UniqueConstraint(
                "author",
                "submission_key",
                name="question_submitted_once",
                condition=~models.Q(submission_key=""),
            )
        ]

    def __str__(self) -> str:
        return self.text[:100]

    @property
    def text(self) -> str:
        return shown_in(self, "text")[0]

    @property
    def why(self) -> str:
        return shown_in(self, "why")[0]

    @property
    def text_lang(self) -> str:
        """The language the question is shown in (for the `lang` attribute)."""
        return shown_in(self, "text")[1]

    @property
    def why_lang(self) -> str:
        return shown_in(self, "why")[1]

    @property
    def translation_missing(self) -> bool:
        """The reader's language has no version yet, so the other one is shown."""
        return self.text_lang != reader_language()

    @property
    def affects_labels(self) -> list[str]:
        return [str(Affected(key).label) for key in self.affects if key in Affected.values]

    @property
    def is_open(self) -> bool:
        return self.merged_into_id is None and self.state in OPEN_STATES


class SupporterGroup(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioners")
    MANAGER = "manager", _("Managers and leaders")
    PARTNER = "partner", _("Partners")
    LIVED_EXPERIENCE = "lived_experience", _("People with lived experience")


class Support(models.Model):
    """One person's support for a question. Who supports is never shown; counts are."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_supports"
    )
    reason = models.TextField(_("why you support it"), blank=True)
    # The person's group when they supported (see permissions.supporter_group).
    group = models.CharField(max_length=20, choices=SupporterGroup.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint("question", "person", name="support_once")]

    def __str__(self) -> str:
        return f"{self.person_id} supports {self.question_id}"


class Action(models.TextChoices):
    MOVED = "moved", _("Moved")
    REPHRASED = "rephrased", _("Rephrased")
    CLARIFY = "clarify", _("Asked the author to clarify")
    EDITED = "edited", _("Edited by the author")
    ANSWERED = "answered", _("Marked as already answered")
    OUT_OF_SCOPE = "out_of_scope", _("Closed as out of scope")
    MERGED = "merged", _("Merged into another question")
    MERGED_IN = "merged_in", _("Another question was merged into this one")
    PLACED = "placed", _("Placed by the final workshop")
    DECIDED = "decided", _("Decided by the steering group")


class TriageAction(models.Model):
    """One thing done to a question after it was raised, shown on the question's page."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="actions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    reason = models.TextField(blank=True)
    before = models.TextField(blank=True)  # the text or state before, for rephrasing and moves
    after = models.TextField(blank=True)
    other = models.ForeignKey(  # the question merged into, or merged in
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.action}"

    @property
    def state_change(self) -> tuple[str, str] | None:
        """For a move, the two states' labels in the reader's language."""
        if self.action != Action.MOVED or self.before not in State.values:
            return None
        return str(State(self.before).label), str(State(self.after).label)

    @property
    def outcome_label(self) -> str:
        """For a steering group decision, what was decided, in the reader's language."""
        from .meetings import Outcome

        return str(Outcome(self.after).label) if self.after in Outcome.values else ""


class Notice(models.Model):
    """An in-app notice to one person about a question. The message is a key and values, put
    into words when shown, so each reader has it in their own language (see notices.py)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_notices"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "read_at"])]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.kind}"

    @property
    def message(self) -> str:
        from pontio.agenda.notices import notice_text

        return notice_text(self.kind, self.params)
