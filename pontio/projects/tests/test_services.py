"""Writes to the register: who may record and change a project, the status rules (stopping
needs a reason, completing needs an output), a project from a steering decision (once), the
lead's progress updates, experts' invitations, and accepted outputs answering the questions."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.models import Action, Notice, State, TriageAction
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.people.models import Profile
from pontio.projects import services
from pontio.projects.models import (
    ExpertInvitation,
    Part,
    ProgressUpdate,
    Project,
    ProjectMember,
    Status,
)
from pontio.projects.services import ProjectError
from pontio.projects.tests.helpers import make_decision, make_project


def test_it_records_a_project_and_its_maker_leads_it(social_worker: Person) -> None:
    project = make_project(social_worker, summary_en="What helps families stay together.")
    assert project.organisation.name_en == "Caerwen Council" and project.status == Status.IDEA
    assert ProjectMember.objects.get(project=project).part == Part.LEAD
    assert project.history.first().history_user == social_worker


def test_it_refuses_a_project_without_a_title_or_outside_ones_organisation(
    social_worker: Person, university: Organisation
) -> None:
    with pytest.raises(ProjectError, match="title"):
        make_project(social_worker, title=" ")
    with pytest.raises(ProjectError, match="own organisation"):
        services.project_save(
            person=social_worker, organisation=university, data={"title_en": "X", "kind": "student"}
        )
    assert not Project.objects.exists()


def test_only_the_lead_and_brokers_change_it(
    social_worker: Person, champion: Person, broker: Person
) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError):
        services.project_save(
            person=champion, project=project, data={"title_en": "Changed", "kind": "council"}
        )
    services.project_save(
        person=broker, project=project, data={"title_en": "Changed", "kind": "council"}
    )
    project.refresh_from_db()
    assert project.title_en == "Changed"


def test_a_budget_is_set_only_by_those_who_may_see_it(
    social_worker: Person, broker: Person
) -> None:
    project = make_project(social_worker, budget=5000, ethics_reference="REC-1")
    project.refresh_from_db()
    assert project.budget is None and project.ethics_reference == "REC-1"
    services.project_save(
        person=broker, project=project, data={"title_en": "T", "kind": "council", "budget": 9000}
    )
    project.refresh_from_db()
    assert project.budget == 9000


def test_stopping_needs_a_reason(social_worker: Person) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError, match="Say why the project stopped"):
        services.status_change(person=social_worker, project=project, status="stopped")
    services.status_change(
        person=social_worker, project=project, status="stopped", reason="The funding ended."
    )
    project.refresh_from_db()
    assert project.status == Status.STOPPED and project.stopped_reason == "The funding ended."


def test_completing_asks_for_an_output(social_worker: Person, council: Organisation) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError, match="Add the project's outputs first"):
        services.status_change(person=social_worker, project=project, status="complete")
    project.refresh_from_db()
    assert project.status == Status.IDEA
    project.records.add(make_record(social_worker, council))
    services.status_change(person=social_worker, project=project, status="complete")
    assert Project.objects.get().status == Status.COMPLETE


def test_only_editors_change_the_status(social_worker: Person, champion: Person) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError):
        services.status_change(person=champion, project=project, status="proposed")
    assert Project.objects.get().status == Status.IDEA


def test_a_decision_makes_one_commissioned_project(
    steering_member: Person, broker: Person, social_worker: Person
) -> None:
    decision = make_decision(steering_member, broker, social_worker)
    project = services.project_from_decision(decision=decision, person=steering_member)
    assert project.title_en == decision.commissions and project.kind == "commissioned"
    assert project.decision == decision and project.status == Status.APPROVED
    assert list(project.questions.all()) == list(decision.questions.all())
    again = services.project_from_decision(decision=decision, person=broker)
    assert again.pk == project.pk and Project.objects.count() == 1


def test_only_the_steering_group_and_brokers_commission(
    steering_member: Person, broker: Person, social_worker: Person, champion: Person
) -> None:
    decision = make_decision(steering_member, broker, social_worker)
    stub = Project.objects.get(decision=decision)  # the decision itself made it
    stub.delete()
    with pytest.raises(ProjectError):
        services.project_from_decision(decision=decision, person=champion)
    assert not Project.objects.exists()


def test_only_the_lead_writes_progress(social_worker: Person, broker: Person) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError, match="lead"):
        services.progress_add(person=broker, project=project, text="Going well.")
    services.progress_add(person=social_worker, project=project, text="Interviews done.")
    assert ProgressUpdate.objects.get().author == social_worker


def test_a_project_keeps_a_lead(social_worker: Person) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError, match="needs a lead"):
        services.member_remove(person=social_worker, member=project.members.get())
    with pytest.raises(ProjectError, match="already"):
        services.member_add(
            person=social_worker, project=project, member=social_worker, part="lead"
        )


def test_an_invited_expert_accepts_and_joins(
    steering_member: Person, academic: Person, social_worker: Person
) -> None:
    project = make_project(social_worker)
    profile = Profile.objects.create(person=academic, name=academic.name, state="published")
    invitation = services.invitation_send(
        person=steering_member, project=project, profile=profile, message="Would you lead it?"
    )
    with pytest.raises(ProjectError, match="already been invited"):
        services.invitation_send(
            person=steering_member, project=project, profile=profile, message="Again?"
        )
    with pytest.raises(ProjectError, match="invited expert"):
        services.invitation_answer(person=social_worker, invitation=invitation, accept=True)
    services.invitation_answer(person=academic, invitation=invitation, accept=True, reply="Yes.")
    invitation.refresh_from_db()
    assert invitation.state == "accepted" and invitation.reply == "Yes."
    assert project.members.filter(person=academic, part=Part.ACADEMIC).exists()
    with pytest.raises(ProjectError, match="already been answered"):
        services.invitation_answer(person=academic, invitation=invitation, accept=False)


def test_only_steering_and_brokers_invite(social_worker: Person, academic: Person) -> None:
    project = make_project(social_worker)
    profile = Profile.objects.create(person=academic, name=academic.name, state="published")
    with pytest.raises(ProjectError):
        services.invitation_send(
            person=social_worker, project=project, profile=profile, message="Hello"
        )
    assert not ExpertInvitation.objects.exists()


def test_accepted_outputs_answer_the_questions_and_tell_followers(
    steering_member: Person, broker: Person, social_worker: Person, council: Organisation
) -> None:
    decision = make_decision(steering_member, broker, social_worker)
    project = services.project_from_decision(decision=decision, person=broker)
    question = project.questions.get()
    record = make_record(broker, council)
    project.records.add(record)
    services.status_change(person=broker, project=project, status="complete")
    with pytest.raises(ProjectError, match="steering group"):
        services.outputs_accept(person=broker, project=project)
    moved = services.outputs_accept(person=steering_member, project=project)
    assert moved == 1
    question.refresh_from_db()
    assert question.state == State.ANSWERED and list(question.answered_by.all()) == [record]
    action = TriageAction.objects.filter(question=question, action=Action.ANSWERED).get()
    assert action.before == State.COMMISSIONED and action.after == project.title_en
    notice = Notice.objects.filter(person=social_worker, question=question).latest("pk")
    assert notice.kind == "answered_project"
    assert notice.message == (
        "The steering group accepted the outputs of a project that answers it."
    )
    with pytest.raises(ProjectError, match="already been accepted"):
        services.outputs_accept(person=steering_member, project=project)


def test_outputs_of_an_unfinished_project_are_not_accepted(
    steering_member: Person, social_worker: Person
) -> None:
    project = make_project(social_worker)
    with pytest.raises(ProjectError, match="complete"):
        services.outputs_accept(person=steering_member, project=project)
    assert Project.objects.get().outputs_accepted_at is None


def test_an_editor_keeps_the_links_they_cannot_see(
    social_worker: Person, academic: Person, council: Any
) -> None:
    from pontio.library.models import Record
    from pontio.library.tests.helpers import make_record

    project = make_project(social_worker)
    private = make_record(social_worker, council, "Council-only case file audit")
    Record.objects.filter(pk=private.pk).update(visibility="organisation")
    project.records.add(private)
    services.member_add(person=social_worker, project=project, member=academic, part="lead")
    services.project_save(
        person=academic, project=project, data={"title_en": "Renamed", "records": []}
    )
    project.refresh_from_db()
    assert project.title_en == "Renamed" and list(project.records.all()) == [private]
