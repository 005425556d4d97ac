"""Writes to the projects register: recording and changing a project, its people, status,
deliverables, progress updates, invitations to experts, and the steering group accepting its
outputs. Each checks who may do it and raises ProjectError with a message they can act on."""

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pontio.core.history import delete_as, save_as

from .models import (
    Deliverable,
    ExpertInvitation,
    InvitationState,
    Kind,
    Part,
    ProgressUpdate,
    Project,
    ProjectMember,
    Status,
)
from .permissions import (
    can_accept_outputs,
    can_commission,
    can_create_in,
    can_edit,
    can_see_budget,
    can_see_governance,
    is_lead,
)

# Fields a project form may set, by who may see them.
PLAIN_FIELDS = ("title_en", "title_cy", "summary_en", "summary_cy", "kind", "starts_on", "ends_on")
GOVERNANCE_FIELDS = ("ethics_body", "ethics_reference", "ethics_state", "data_access_agreed")
COMMISSIONING_FIELDS = ("funding", "scope", "deadline")
BUDGET_FIELDS = ("budget",)
RELATED_FIELDS = ("topics", "priorities", "questions", "teams", "partners", "records", "briefs")


class ProjectError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def editable_fields(person: Any, project: Project | None) -> tuple[str, ...]:
    """The fields this person may set: governance and budget only where they may see them
    (someone recording a new project is its lead, so part of its team)."""
    fields: tuple[str, ...] = PLAIN_FIELDS + COMMISSIONING_FIELDS
    if project is None or can_see_governance(person, project):
        fields += GOVERNANCE_FIELDS
    if project is not None and can_see_budget(person, project):
        fields += BUDGET_FIELDS
    return fields


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ProjectError(_("The end date must be on or after the start date."))


def _hidden_links(person: Any, project: Project, name: str) -> list[Any]:
    """Links the editor cannot see (a council-only record, a draft brief, another
    organisation's question): kept as they are, since the editor could not have chosen them."""
    from pontio.agenda.models import Question
    from pontio.briefs.models import Brief
    from pontio.library.models import Record

    visible = {
        "records": Record.objects.visible_to(person),
        "briefs": Brief.objects.visible_to(person),
        "questions": Question.objects.visible_to(person),
    }.get(name)
    if visible is None:
        return []
    return list(getattr(project, name).exclude(pk__in=visible.values("pk")))


@transaction.atomic
def project_save(
    *,
    person: Any,
    organisation: Any = None,
    project: Project | None = None,
    data: dict[str, Any],
) -> Project:
    """Record a project in the organisation (its maker becomes its lead) or change one. Only the
    fields the person may set are read from data; the rest are left as they were."""
    if project is None:
        if organisation is None or not can_create_in(person, organisation):
            raise ProjectError(_("You can only record projects in your own organisation."))
    elif not can_edit(person, project):
        raise ProjectError(_("Only the project's lead and knowledge brokers change it."))
    title_en = str(data.get("title_en", "") or "").strip()
    title_cy = str(data.get("title_cy", "") or "").strip()
    if not (title_en or title_cy):
        raise ProjectError(_("Give the project a title in English, in Welsh or in both."))
    allowed = editable_fields(person, project)
    _check_dates(data.get("starts_on"), data.get("ends_on"))
    creating = project is None
    project = project or Project(organisation=organisation, created_by=person)
    for name in allowed:
        if name in data:
            value = data[name]
            setattr(project, name, value.strip() if isinstance(value, str) else value)
    if not project.kind:
        raise ProjectError(_("Choose what kind of project it is."))
    save_as(person, project)
    for name in RELATED_FIELDS:
        if name in data:
            hidden = _hidden_links(person, project, name) if not creating else []
            getattr(project, name).set([*data[name], *hidden])
    if creating:
        ProjectMember.objects.get_or_create(project=project, person=person, part=Part.LEAD)
    return project


def member_add(*, person: Any, project: Project, member: Any, part: str) -> ProjectMember:
    if not can_edit(person, project):
        raise ProjectError(_("Only the project's lead and knowledge brokers change its people."))
    if part not in Part.values:
        raise ProjectError(_("Choose the part they play."))
    try:
        with transaction.atomic():
            added = ProjectMember(project=project, person=member, part=part)
            save_as(person, added)
    except IntegrityError:
        raise ProjectError(_("They already play this part in the project.")) from None
    return added


def member_remove(*, person: Any, member: ProjectMember) -> None:
    project = member.project
    if not can_edit(person, project):
        raise ProjectError(_("Only the project's lead and knowledge brokers change its people."))
    leads = project.members.filter(part=Part.LEAD)
    if member.part == Part.LEAD and leads.count() == 1:
        raise ProjectError(_("A project needs a lead: add another lead first."))
    delete_as(person, member)


def status_change(*, person: Any, project: Project, status: str, reason: str = "") -> None:
    """Move the project along its lifecycle. Stopping needs a reason; completing needs at least
    one output (a library record, an evidence brief or an event it held)."""
    if not can_edit(person, project):
        raise ProjectError(_("Only the project's lead and knowledge brokers change its status."))
    if status not in Status.values or status == project.status:
        raise ProjectError(_("Choose a different status."))
    reason = reason.strip()
    if status == Status.STOPPED and not reason:
        raise ProjectError(_("Say why the project stopped."))
    if status == Status.COMPLETE and not project.has_outputs:
        raise ProjectError(
            _(
                "Add the project's outputs first: at least one record in the library, "
                "evidence brief or event it held."
            )
        )
    project.status = status
    project.stopped_reason = reason if status == Status.STOPPED else ""
    if status != Status.COMPLETE:
        project.outputs_accepted_at = None
    save_as(person, project)


@transaction.atomic
def project_from_decision(*, decision: Any, person: Any) -> Project:
    """The commissioned project a steering group decision asks for: named by what it
    commissions and linked to the decision and its questions. Asking again gives back the same
    project."""
    from pontio.agenda.models import Outcome

    if decision.outcome != Outcome.COMMISSION:
        raise ProjectError(_("Only a decision to commission research starts a project."))
    organisation = decision.meeting.organisation
    if not can_commission(person, organisation.pk):
        raise ProjectError(_("Only steering group members and brokers commission projects."))
    existing = Project.objects.filter(decision=decision).first()
    if existing is not None:
        return existing
    project = Project(
        organisation=organisation,
        title_en=decision.commissions,
        kind=Kind.COMMISSIONED,
        status=Status.APPROVED,
        decision=decision,
        created_by=person,
    )
    save_as(person, project)
    project.questions.set(list(decision.questions.all()))
    return project


def _check_editor(person: Any, project: Project) -> None:
    if not can_edit(person, project):
        raise ProjectError(_("Only the project's lead and knowledge brokers do this."))


def deliverable_add(*, person: Any, project: Project, text: str, due_on: date) -> Deliverable:
    _check_editor(person, project)
    if not text.strip():
        raise ProjectError(_("Say what will be delivered."))
    deliverable = Deliverable(project=project, text=text.strip(), due_on=due_on)
    save_as(person, deliverable)
    return deliverable


def deliverable_mark(*, person: Any, deliverable: Deliverable, done: bool) -> None:
    _check_editor(person, deliverable.project)
    deliverable.done_at = timezone.now() if done else None
    save_as(person, deliverable)


def progress_add(*, person: Any, project: Project, text: str) -> ProgressUpdate:
    if not is_lead(person, project):
        raise ProjectError(_("Only the project's lead writes progress updates."))
    if not text.strip():
        raise ProjectError(_("Write the update."))
    return ProgressUpdate.objects.create(project=project, author=person, text=text.strip())


def invitation_send(
    *, person: Any, project: Project, profile: Any, message: str
) -> ExpertInvitation:
    if not can_commission(person, project.organisation_id):
        raise ProjectError(_("Only steering group members and brokers invite experts."))
    if profile.person_id is None:
        raise ProjectError(_("This expert has not claimed their profile, so cannot reply."))
    if not message.strip():
        raise ProjectError(_("Write a message to the expert."))
    waiting = project.invitations.filter(profile=profile, state=InvitationState.INVITED)
    if waiting.exists():
        raise ProjectError(_("This expert has already been invited and has not replied yet."))
    invitation = ExpertInvitation(
        project=project, profile=profile, message=message.strip(), invited_by=person
    )
    save_as(person, invitation)
    return invitation


@transaction.atomic
def invitation_answer(
    *, person: Any, invitation: ExpertInvitation, accept: bool, reply: str = ""
) -> None:
    """The invited expert accepts (and joins the project as an academic partner) or declines."""
    if invitation.profile.person_id != person.pk:
        raise ProjectError(_("Only the invited expert answers this invitation."))
    if invitation.state != InvitationState.INVITED:
        raise ProjectError(_("This invitation has already been answered."))
    invitation.state = InvitationState.ACCEPTED if accept else InvitationState.DECLINED
    invitation.reply = reply.strip()
    invitation.answered_at = timezone.now()
    save_as(person, invitation)
    if accept:
        ProjectMember.objects.get_or_create(
            project=invitation.project, person=person, part=Part.ACADEMIC
        )


@transaction.atomic
def outputs_accept(*, person: Any, project: Project) -> int:
    """The steering group accepts a complete project's outputs; the questions it answers move
    to answered. Returns how many questions moved."""
    if not can_accept_outputs(person, project):
        raise ProjectError(_("Only the organisation's steering group accepts a project's outputs."))
    if project.status != Status.COMPLETE:
        raise ProjectError(_("Only a complete project's outputs can be accepted."))
    if project.outputs_accepted_at is not None:
        raise ProjectError(_("The outputs have already been accepted."))
    project.outputs_accepted_at = timezone.now()
    save_as(person, project)
    from pontio.agenda.triage import questions_answered_by

    return questions_answered_by(
        person=person,
        questions=project.questions.all(),
        title=project.title_en or project.title_cy,
        notice="answered_project",
        records=project.records.all(),
    )


@transaction.atomic
def output_file_add(*, person: Any, project: Project, title: str, upload: Any) -> Any:
    """A file the project produced (a report, a toolkit) goes into the library as a record with
    the file attached, and becomes one of the project's outputs: one place for every document.
    The file's type and size are checked by the library; nothing is kept if it is refused."""
    from pontio.lib.records import ParsedRecord, RecordType
    from pontio.library.services import (
        LibraryError,
        file_check,
        record_create,
        record_file_add,
    )

    _check_editor(person, project)
    if not title.strip():
        raise ProjectError(_("Give the file a title."))
    try:
        file_check(upload)  # before anything is saved: a refused file leaves nothing behind
        record = record_create(
            person=person,
            organisation=project.organisation,
            parsed=ParsedRecord(
                title=title.strip(),
                record_type=RecordType.REPORT,
                year=timezone.localdate().year,
            ),
            source="manual",
        )
        record_file_add(
            person=person,
            organisation=project.organisation,
            record=record,
            upload=upload,
            licence="",
            openly_licensed=False,
        )
    except LibraryError as error:
        raise ProjectError(str(error)) from error
    project.records.add(record)
    return record
