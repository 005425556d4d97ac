"""Organisations (council, university, health body, third sector, national body), their teams,
and who belongs to which."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import BilingualName


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    UNIVERSITY = "university", _("University")
    HEALTH = "health", _("Health body")
    THIRD_SECTOR = "third_sector", _("Third-sector body")
    NATIONAL = "national", _("National body")


class AgendaSharing(models.TextChoices):
    """Who may see an organisation's research agenda (its prioritised questions)."""

    MEMBERS = "members", _("Only the organisation's members")
    SIGNED_IN = "signed_in", _("Everyone signed in to Pontio, partners included")
    PUBLIC = "public", _("Everyone, without signing in")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def active(self) -> "OrganisationQuerySet":
        return self.filter(is_active=True)


class Organisation(BilingualName):
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    is_active = models.BooleanField(_("active"), default=True)
    agenda_sharing = models.CharField(
        _("who may see the research agenda"),
        max_length=10,
        choices=AgendaSharing.choices,
        default=AgendaSharing.MEMBERS,
    )
    partners_may_ask = models.BooleanField(
        _("partners may raise questions on its research agenda"),
        default=False,
        help_text=_("People from other organisations, such as partner universities."),
    )
    briefs_english_first = models.BooleanField(
        _("evidence briefs may be published in English before the Welsh version is ready"),
        default=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        constraints = [models.UniqueConstraint("name_en", name="organisation_name_unique")]


class Team(BilingualName):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisation")
    )
    is_active = models.BooleanField(_("active"), default=True)
    # How an organisation records lived experience: by a team (a panel of care-experienced young
    # people, a parents' group), not by a mark on each person.
    lived_experience = models.BooleanField(
        _("its members take part for their lived experience"),
        default=False,
        help_text=_(
            "For example a panel of care-experienced young people: their support and votes on "
            "the research agenda are counted as a group of their own."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name_en", "name_en"]
        verbose_name = _("team")
        constraints = [
            models.UniqueConstraint("organisation", "name_en", name="team_name_unique_in_org")
        ]


class Membership(models.Model):
    """A person belongs to an organisation, and optionally to one of its teams."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name_en", "team__name_en"]
        constraints = [
            models.UniqueConstraint(
                "person",
                "organisation",
                "team",
                name="membership_unique_in_team",
                condition=models.Q(team__isnull=False),
            ),
            models.UniqueConstraint(
                "person",
                "organisation",
                name="membership_unique_without_team",
                condition=models.Q(team__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} / {self.team}" if self.team else str(self.organisation)
