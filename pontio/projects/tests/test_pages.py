"""The register's pages: the list with its filters, sorting, paging and empty state; the
timeline; recording a project (keeping what was typed on error); its page with overdue
deliverables flagged; status changes with clear refusals; people, deliverables, progress,
invitations, commissioning from a decision and accepting outputs, each asking first where it
changes something that matters."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from pontio.accounts.models import Person
from pontio.agenda.models import State
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation, Team
from pontio.people.models import Profile
from pontio.projects import services
from pontio.projects.models import ExpertInvitation, Project, Status
from pontio.projects.tests.helpers import make_decision, make_project
from pontio.taxonomy.models import Topic


def _in_english(person: Person) -> None:
    """Gwen reads Pontio in Welsh; these tests read her pages in English."""
    person.language = "en"
    person.save(update_fields=["language"])


def test_the_list_filters_sorts_and_pages(
    client_for: Any,
    settings: Any,
    social_worker: Person,
    champion: Person,
    team: Team,
    university: Organisation,
) -> None:
    topic = Topic.objects.create(name_en="Kinship care", slug="kinship-care")
    first = make_project(social_worker, "Alpha study", teams=[team], topics=[topic])
    second = make_project(champion, "Beta study", partners=[university])
    services.status_change(person=champion, project=second, status="proposed")
    client = client_for(social_worker)
    body = client.get("/projects/", {"sort": "title"}).content.decode()
    assert body.index("Alpha study") < body.index("Beta study")
    assert "2 projects" in body
    by_topic = client.get("/projects/", {"topic": topic.pk}).content.decode()
    assert "Alpha study" in by_topic and "Beta study" not in by_topic
    by_status = client.get("/projects/", {"status": "proposed"}).content.decode()
    assert "Beta study" in by_status and "Alpha study" not in by_status
    by_partner = client.get("/projects/", {"partner": university.pk}).content.decode()
    assert "Beta study" in by_partner and "Alpha study" not in by_partner
    none = client.get("/projects/", {"status": "stopped"}).content.decode()
    assert "No project matches these filters." in none
    settings.PAGE_SIZE = 1
    paged = client.get("/projects/", {"sort": "title", "page": 2}).content.decode()
    assert "Beta study" in paged and "Alpha study" not in paged
    assert first.pk != second.pk


def test_the_list_says_when_there_is_nothing(client_for: Any, social_worker: Person) -> None:
    body = client_for(social_worker).get("/projects/").content.decode()
    assert "There are no projects you can see yet." in body


def test_the_timeline_groups_projects_by_month(client_for: Any, social_worker: Person) -> None:
    make_project(social_worker, "Early study", starts_on=date(2026, 3, 5))
    make_project(social_worker, "Later study", starts_on=date(2026, 9, 1))
    make_project(social_worker, "Undated study")
    body = client_for(social_worker).get("/projects/timeline/").content.decode()
    assert "March 2026" in body and "September 2026" in body and "No start date yet" in body
    assert body.index("Early study") < body.index("Later study") < body.index("Undated study")
    assert "<table" in body and 'scope="row"' in body


def test_recording_a_project_keeps_what_was_typed(client_for: Any, social_worker: Person) -> None:
    client = client_for(social_worker)
    assert client.get("/projects/new/").status_code == 200
    response = client.post(
        "/projects/new/",
        {"summary_en": "What parents say helps.", "kind": "council", "ethics_state": "not_yet"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Give the project a title" in body and "What parents say helps." in body
    assert not Project.objects.exists()
    response = client.post(
        "/projects/new/",
        {
            "title_en": "Pre-birth assessments",
            "kind": "student",
            "ethics_state": "not_yet",
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
        },
    )
    assert "The end date must be on or after the start date." in response.content.decode()
    response = client.post(
        "/projects/new/",
        {"title_en": "Pre-birth assessments", "kind": "student", "ethics_state": "not_yet"},
    )
    project = Project.objects.get()
    assert response.status_code == 302 and response.url == f"/projects/{project.pk}/"
    assert project.members.get().person == social_worker


def test_bad_record_numbers_are_refused_clearly(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    project = make_project(social_worker)
    record = make_record(social_worker, council)
    url = f"/projects/{project.pk}/edit/"
    data = {"title_en": "Changed", "kind": "council", "ethics_state": "not_yet"}
    body = client_for(social_worker).post(url, {**data, "record_numbers": "99999"})
    assert "There is no record you may see with the number 99999" in body.content.decode()
    project.refresh_from_db()
    assert project.title_en != "Changed"
    client_for(social_worker).post(url, {**data, "record_numbers": str(record.pk)})
    assert list(project.records.all()) == [record]


def test_overdue_deliverables_are_flagged(client_for: Any, social_worker: Person) -> None:
    project = make_project(social_worker)
    today = timezone.localdate()
    client = client_for(social_worker)
    response = client.post(
        f"/projects/{project.pk}/deliverables/add/",
        {"text": "Interim report", "due_on": (today - timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 302
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert "govuk-tag--red" in body and "Overdue" in body
    deliverable = project.deliverables.get()
    client.post(f"/projects/deliverables/{deliverable.pk}/done/", {"done": "1"})
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert "Overdue" not in body and "Done" in body
    missing = client.post(f"/projects/{project.pk}/deliverables/add/", {"text": "Final"})
    assert "Enter the date it is due" in missing.content.decode()


def test_completing_asks_for_outputs_then_offers_a_brief(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    project = make_project(social_worker)
    client = client_for(social_worker)
    url = f"/projects/{project.pk}/status/"
    assert "first add its outputs" in client.get(url).content.decode()
    body = client.post(url, {"status": "complete"}).content.decode()
    assert "Add the project&#x27;s outputs first" in body
    body = client.post(url, {"status": "stopped"}).content.decode()
    assert "Say why the project stopped." in body
    project.refresh_from_db()
    assert project.status == Status.IDEA
    project.records.add(make_record(social_worker, council))
    assert client.post(url, {"status": "complete"}).status_code == 302
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert "Start a brief from its outputs" in body and "/briefs/new/" in body


def test_people_are_added_and_removed_after_asking(
    client_for: Any, social_worker: Person, champion: Person
) -> None:
    project = make_project(social_worker)
    client = client_for(social_worker)
    url = f"/projects/{project.pk}/members/"
    assert client.post(url, {"person": champion.pk, "part": "practice"}).status_code == 302
    again = client.post(url, {"person": champion.pk, "part": "practice"}).content.decode()
    assert "They already play this part in the project." in again
    member = project.members.get(person=champion)
    remove = f"/projects/members/{member.pk}/remove/"
    assert "Take them off the project?" in client.get(remove).content.decode()
    assert project.members.filter(person=champion).exists()
    assert client.post(remove).status_code == 302
    assert not project.members.filter(person=champion).exists()
    lead = project.members.get()
    body = client.post(f"/projects/members/{lead.pk}/remove/").content.decode()
    assert "A project needs a lead" in body and project.members.exists()


def test_the_lead_writes_progress(client_for: Any, social_worker: Person) -> None:
    project = make_project(social_worker)
    client = client_for(social_worker)
    url = f"/projects/{project.pk}/progress/"
    assert "Write the update" in client.post(url, {"text": ""}).content.decode()
    assert client.post(url, {"text": "Interviews done."}).status_code == 302
    assert "Interviews done." in client.get(f"/projects/{project.pk}/").content.decode()


def test_an_expert_is_invited_and_answers(
    client_for: Any, social_worker: Person, broker: Person, academic: Person
) -> None:
    project = make_project(social_worker, scope="A rapid review.")
    profile = Profile.objects.create(
        person=academic, name=academic.name, state="published", visibility="partnership"
    )
    response = client_for(broker).post(
        f"/projects/{project.pk}/invite/", {"profile": profile.pk, "message": "Would you join?"}
    )
    assert response.status_code == 302
    invitation = ExpertInvitation.objects.get()
    client = client_for(academic)
    listing = client.get("/projects/").content.decode()
    assert "You are invited to take part in these projects:" in listing
    assert f"/projects/invitations/{invitation.pk}/" in listing
    url = f"/projects/invitations/{invitation.pk}/"
    body = client.get(url).content.decode()
    assert "Would you join?" in body and "A rapid review." in body
    assert "Say whether you accept" in client.post(url, {}).content.decode()
    response = client.post(url, {"answer": "decline", "reply": "Too busy this term."})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == "declined" and invitation.reply == "Too busy this term."
    assert not project.members.filter(person=academic).exists()
    assert "already been answered" in client.post(url, {"answer": "accept"}).content.decode()


def test_the_steering_group_accepts_outputs_after_asking(
    client_for: Any,
    steering_member: Person,
    broker: Person,
    social_worker: Person,
    council: Organisation,
) -> None:
    decision = make_decision(steering_member, broker, social_worker)
    project = services.project_from_decision(decision=decision, person=broker)
    project.records.add(make_record(broker, council))
    services.status_change(person=broker, project=project, status="complete")
    _in_english(steering_member)
    client = client_for(steering_member)
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert "Accept the outputs" in body
    url = f"/projects/{project.pk}/accept-outputs/"
    asked = client.get(url).content.decode()
    assert "Accept the project's outputs?" in asked and "will be marked answered" in asked
    question = project.questions.get()
    question.refresh_from_db()
    assert question.state == State.COMMISSIONED
    assert client.post(url).status_code == 302
    question.refresh_from_db()
    assert question.state == State.ANSWERED
    assert "already been accepted" in client.post(url).content.decode()


def test_a_document_the_project_produced_goes_into_the_library(
    client_for: Any, social_worker: Person
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pontio.library.models import Record

    project = make_project(social_worker)
    client = client_for(social_worker)
    url = f"/projects/{project.pk}/outputs/file/"
    not_pdf = SimpleUploadedFile("report.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    refused = client.post(url, {"title": "Final report", "file": not_pdf}).content.decode()
    assert "Only PDF and Word" in refused and 'value="Final report"' in refused
    assert not Record.objects.exists()
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    assert client.post(url, {"title": "Final report", "file": pdf}).status_code == 302
    record = Record.objects.get()
    assert record.title == "Final report" and record.files.count() == 1
    assert list(project.records.all()) == [record]


def test_people_offered_as_members_are_from_the_project_organisations_only(
    client_for: Any, social_worker: Person, academic: Person, university: Any
) -> None:
    project = make_project(social_worker)
    page = client_for(social_worker).get(f"/projects/{project.pk}/members/").content.decode()
    assert academic.name not in page
    project.partners.add(university)
    page = client_for(social_worker).get(f"/projects/{project.pk}/members/").content.decode()
    assert academic.name in page
