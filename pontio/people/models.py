"""The expert directory: profiles of people who choose to have one (academics, practitioners,
analysts), the works that show their expertise, and requests for a conversation with them."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.library.models import Visibility


class ProfileState(models.TextChoices):
    DRAFT = "draft", _("Draft: not shown to anyone else")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden by its owner")


class Availability(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Roundtables")
    BRIEFING = "briefing", _("One-to-one briefings")
    REVIEW = "review", _("Reviewing evidence briefs")
    ADVICE = "advice", _("Advice on research projects")


class ProfileQuerySet(models.QuerySet["Profile"]):
    def visible_to(self, person: Any) -> "ProfileQuerySet":
        """Published profiles the person may see (public and partnership ones; organisation
        ones inside the owner's organisations), and their own whatever its state."""
        organisations = person.memberships.values("organisation")
        shown = Q(state=ProfileState.PUBLISHED) & (
            Q(visibility__in=(Visibility.PUBLIC, Visibility.PARTNERSHIP))
            | Q(organisation__in=organisations)
        )
        return self.filter(shown | Q(person=person))


class Profile(models.Model):
    """A person's expert profile. Draft profiles made by an institution import have no person
    until someone claims them; they are shown to nobody but brokers until claimed and
    published."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="profile",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("role"), max_length=200, blank=True)
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="profiles", verbose_name=_("expertise")
    )
    interests_en = models.TextField(_("interests, in your own words (English)"), blank=True)
    interests_cy = models.TextField(_("interests, in your own words (Welsh)"), blank=True)
    methods = models.TextField(_("research methods"), blank=True)
    practice_experience = models.TextField(_("practice experience"), blank=True)
    welsh_speaker = models.BooleanField(_("speaks Welsh"), default=False)
    languages = models.CharField(_("other languages"), max_length=200, blank=True)
    availability = models.JSONField(_("available for"), default=list, blank=True)
    visibility = models.CharField(
        _("who may see it"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.ORGANISATION,
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ProfileState.choices, default=ProfileState.DRAFT
    )
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, db_index=True)
    openalex_id = models.CharField(
        _("OpenAlex author ID"), max_length=20, blank=True, db_index=True
    )
    works = models.ManyToManyField(
        "library.Record", blank=True, related_name="expert_profiles", verbose_name=_("publications")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("expert profile")
        constraints = [
            models.UniqueConstraint(
                "openalex_id", name="profile_openalex_once", condition=~Q(openalex_id="")
            ),
            models.UniqueConstraint("orcid", name="profile_orcid_once", condition=~Q(orcid="")),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_claimed(self) -> bool:
        return self.person_id is not None

    @property
    def availability_labels(self) -> list[str]:
        return [str(Availability(k).label) for k in self.availability if k in Availability.values]


class RequestKind(models.TextChoices):
    BRIEFING = "briefing", _("A one-to-one briefing")
    ROUNDTABLE = "roundtable", _("A roundtable")


class RequestState(models.TextChoices):
    NEW = "new", _("Waiting for a knowledge broker")
    APPROACHED = "approached", _("The expert has been asked")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExpertRequest(models.Model):
    """A practitioner or broker asks for a conversation with an expert about a question. A
    broker approaches the expert, who accepts with times or declines. An accepted request becomes
    an event (pontio.events), arranged by a broker from the times the expert proposed."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="expert_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expert = models.ForeignKey(
        Profile, on_delete=models.SET_NULL, null=True, related_name="requests"
    )
    kind = models.CharField(
        _("what kind of conversation"), max_length=12, choices=RequestKind.choices
    )
    question = models.ForeignKey(
        "agenda.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about = models.TextField(_("what you would like to talk about"))
    state = models.CharField(
        _("state"), max_length=12, choices=RequestState.choices, default=RequestState.NEW
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    broker_note = models.TextField(_("note to the expert"), blank=True)
    proposed_times = models.TextField(_("times the expert proposes"), blank=True)
    reply = models.TextField(_("the expert's reply"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request for an expert")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.about[:60]}"
