"""Events: roundtables, one-to-one briefings, journal clubs, seminars, workshops and training,
who is coming and who came. An event may come from an accepted request for an expert, and an
event a project held is one of the project's outputs."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import in_either_language
from pontio.library.models import Visibility


class Kind(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Roundtable")
    BRIEFING = "briefing", _("One-to-one briefing")
    JOURNAL_CLUB = "journal_club", _("Journal club")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")


class State(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(models.QuerySet["Event"]):
    def visible_to(self, person: Any) -> "EventQuerySet":
        """Partnership and public events to everyone signed in; organisation events to its
        members; and any event to its organiser, its speakers and those who signed up."""
        organisations = person.memberships.values("organisation")
        attending = Attendance.objects.filter(person=person).values("event")
        return self.filter(
            Q(visibility__in=(Visibility.PARTNERSHIP, Visibility.PUBLIC))
            | Q(organisation__in=organisations)
            | Q(organiser=person)
            | Q(speakers__person=person)
            | Q(pk__in=attending)
        ).distinct()


class Event(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind of event"), max_length=12, choices=Kind.choices)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    description_en = models.TextField(_("what it is about, in English"), blank=True)
    description_cy = models.TextField(_("what it is about, in Welsh"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("where"), max_length=200, blank=True)
    online_link = models.URLField(_("link to join online"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    visibility = models.CharField(
        _("who may see it and sign up"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.ORGANISATION,
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PLANNED, db_index=True
    )
    cancelled_reason = models.TextField(_("why it was cancelled"), blank=True)
    notes_en = models.TextField(_("what was discussed, in English"), blank=True)
    notes_cy = models.TextField(_("what was discussed, in Welsh"), blank=True)
    speakers = models.ManyToManyField(
        "people.Profile", blank=True, related_name="events", verbose_name=_("experts speaking")
    )
    questions = models.ManyToManyField(
        "agenda.Question",
        blank=True,
        related_name="events",
        verbose_name=_("agenda questions it discusses"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("research project"),
    )
    expert_request = models.OneToOneField(
        "people.ExpertRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event",
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_cy=""), name="event_has_title"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(state="cancelled") | ~Q(cancelled_reason=""),
                name="event_cancelled_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_either_language(self, "title")

    @property
    def description(self) -> str:
        return in_either_language(self, "description")

    @property
    def notes(self) -> str:
        return in_either_language(self, "notes")

    @property
    def has_started(self) -> bool:
        return bool(self.starts_at <= timezone.now())


class Attendance(models.Model):
    """Someone signed up to an event; after it, the organiser records whether they came.
    Who signed up is seen by the organiser and brokers only: others see how many."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    attended = models.BooleanField(_("came"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "pk"]
        constraints = [
            models.UniqueConstraint("event", "person", name="attendance_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"
