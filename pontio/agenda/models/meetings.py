"""The steering group's meetings: what is on each agenda, the decisions taken on questions, and
the actions agreed, with who owns them and when they are due."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import in_either_language

from .questions import Question


class Meeting(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("organisation"),
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("where"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("steering group meeting")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_either_language(self, "title")


class ItemKind(models.TextChoices):
    QUESTION = "question", _("A question on the agenda")
    PROJECT = "project", _("A research project")
    DECISION = "decision", _("A decision to take")
    OTHER = "other", _("Anything else")


class AgendaItem(models.Model):
    """One item on a meeting's agenda: a question of the organisation, or a titled item (a
    project is named until the projects register can be linked)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="agenda_items"
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(question__isnull=False) | ~models.Q(title=""),
                name="agenda_item_names_something",
            )
        ]

    def __str__(self) -> str:
        return self.title or str(self.question)


class Outcome(models.TextChoices):
    COMMISSION = "commission", _("Commission research")
    DEFER = "defer", _("Defer")
    REJECT = "reject", _("Reject")


class Decision(models.Model):
    """What the steering group decided about one or more questions. A decision to commission
    names what it commissions; when the projects register lands, the project stub it creates is
    linked here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    questions = models.ManyToManyField(Question, related_name="decisions")
    commissions = models.CharField(_("what is commissioned"), max_length=300, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="commission") | ~models.Q(commissions=""),
                name="decision_commission_names_what",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="commission") | ~models.Q(reason=""),
                name="decision_defer_reject_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.meeting_id})"


class FollowUp(models.Model):
    """An action agreed at a meeting, with its owner and due date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="follow_ups",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        verbose_name = _("action")

    def __str__(self) -> str:
        return self.text[:80]
