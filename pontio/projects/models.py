"""The register of research projects: every research activity an organisation runs or takes
part in, from a student's dissertation to commissioned work, with the people and their parts,
governance, commissioning, deliverables, progress updates and outputs."""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import in_either_language


class Kind(models.TextChoices):
    STUDENT = "student", _("Student research")
    COUNCIL = "council", _("Council study")
    UNIVERSITY = "university", _("University study")
    SYNTHESIS = "synthesis", _("Co-produced evidence synthesis")
    COMMISSIONED = "commissioned", _("Commissioned work")
    EVALUATION = "evaluation", _("Evaluation")


class Status(models.TextChoices):
    """A project's lifecycle, in order; stopped can happen at any step and needs a reason."""

    IDEA = "idea", _("Idea")
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    IN_PROGRESS = "in_progress", _("In progress")
    REPORTING = "reporting", _("Reporting")
    COMPLETE = "complete", _("Complete")
    STOPPED = "stopped", _("Stopped")


class EthicsState(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed")
    NOT_YET = "not_yet", _("Not applied for yet")
    SUBMITTED = "submitted", _("Submitted, waiting for a decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Part(models.TextChoices):
    LEAD = "lead", _("Lead")
    EMBEDDED = "embedded", _("Embedded researcher")
    ACADEMIC = "academic", _("Academic partner")
    STUDENT = "student", _("Student")
    SUPERVISOR = "supervisor", _("Supervisor")
    PRACTICE = "practice", _("Practice contact")


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, person: Any) -> "ProjectQuerySet":
        """Projects of the person's organisations, those their organisations are partners in,
        and those they take part in themselves."""
        organisations = person.memberships.values("organisation")
        in_it = ProjectMember.objects.filter(person=person).values("project")
        partnered = Project.partners.through.objects.filter(organisation__in=organisations).values(
            "project"
        )
        return self.filter(
            Q(organisation__in=organisations) | Q(pk__in=partnered) | Q(pk__in=in_it)
        )


class Project(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("organisation"),
    )
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=300, blank=True)
    summary_en = models.TextField(_("plain-language summary in English"), blank=True)
    summary_cy = models.TextField(_("plain-language summary in Welsh"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IDEA, db_index=True
    )
    stopped_reason = models.TextField(_("why it stopped"), blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="projects", verbose_name=_("topics")
    )
    priorities = models.ManyToManyField(
        "taxonomy.Priority", blank=True, related_name="projects", verbose_name=_("priorities")
    )
    questions = models.ManyToManyField(
        "agenda.Question",
        blank=True,
        related_name="projects",
        verbose_name=_("agenda questions it answers"),
    )
    teams = models.ManyToManyField(
        "organisations.Team", blank=True, related_name="projects", verbose_name=_("teams")
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="partner_projects",
        verbose_name=_("partner organisations"),
    )
    # Research governance: seen by the project team and brokers only.
    ethics_body = models.CharField(_("ethics approval body"), max_length=300, blank=True)
    ethics_reference = models.CharField(_("ethics reference"), max_length=100, blank=True)
    ethics_state = models.CharField(
        _("ethics approval"),
        max_length=12,
        choices=EthicsState.choices,
        default=EthicsState.NOT_YET,
    )
    data_access_agreed = models.BooleanField(_("data access agreed"), default=False)
    funding = models.TextField(_("funding"), blank=True)
    # Commissioning: the budget is seen by the steering group and brokers only.
    decision = models.OneToOneField(
        "agenda.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project",
        verbose_name=_("steering group decision"),
    )
    scope = models.TextField(_("scope"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (£)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    records = models.ManyToManyField(
        "library.Record", blank=True, related_name="projects", verbose_name=_("library records")
    )
    briefs = models.ManyToManyField(
        "briefs.Brief", blank=True, related_name="projects", verbose_name=_("evidence briefs")
    )
    outputs_accepted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("research project")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="stopped") | ~Q(stopped_reason=""),
                name="project_stopped_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_cy=""), name="project_has_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_either_language(self, "title")

    @property
    def summary(self) -> str:
        return in_either_language(self, "summary")

    @property
    def has_outputs(self) -> bool:
        """Records in the library, evidence briefs, or events it held."""
        from pontio.events.models import State as EventState

        return (
            self.records.exists()
            or self.briefs.exists()
            or self.events.filter(state=EventState.HELD).exists()
        )


class ProjectMember(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_parts",
        verbose_name=_("person"),
    )
    part = models.CharField(_("part"), max_length=12, choices=Part.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "person__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "project", "person", "part", name="project_member_once_per_part"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_part_display()}"


class Deliverable(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="deliverables")
    text = models.TextField(_("deliverable"))
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("deliverable")

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, today: date) -> bool:
        return self.done_at is None and self.due_on < today


class ProgressUpdate(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("progress update"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("progress update")

    def __str__(self) -> str:
        return self.text[:80]


class InvitationState(models.TextChoices):
    INVITED = "invited", _("Invited, waiting for a reply")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ExpertInvitation(models.Model):
    """An expert from the directory is invited to take part in a (commissioned) project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    profile = models.ForeignKey(
        "people.Profile",
        on_delete=models.CASCADE,
        related_name="project_invitations",
        verbose_name=_("expert"),
    )
    message = models.TextField(_("message to the expert"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=InvitationState.choices,
        default=InvitationState.INVITED,
    )
    reply = models.TextField(_("the expert's reply"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation to an expert")

    def __str__(self) -> str:
        return f"{self.profile}: {self.project}"
