"""Who may do what in the register, each rule with someone refused: a project is seen in its
organisation, its partner organisations and by its people (404 for anyone else); its lead and
the organisation's brokers change it; only its lead writes progress; steering members and
brokers invite experts (a steering decision commissions); only steering members accept
outputs; only the invited expert answers an invitation. Governance and budgets never leak,
on a page, in the API or the feed."""

from datetime import date
from typing import Any

from django.urls import URLResolver, get_resolver

from pontio.accounts.models import Person, Role
from pontio.accounts.services import api_token_create
from pontio.agenda.tests.helpers import make_question
from pontio.conftest import make_person
from pontio.organisations.models import Organisation
from pontio.people.models import Profile
from pontio.projects import services
from pontio.projects.models import Deliverable, ExpertInvitation, Project, ProjectMember
from pontio.projects.tests.helpers import make_project

SEEING = ["/projects/{pk}/"]
EDITING = [
    "/projects/{pk}/edit/",
    "/projects/{pk}/status/",
    "/projects/{pk}/members/",
    "/projects/{pk}/deliverables/add/",
    "/projects/{pk}/outputs/file/",
]
LEADING = ["/projects/{pk}/progress/"]
COMMISSIONING = ["/projects/{pk}/invite/"]
ACCEPTING = ["/projects/{pk}/accept-outputs/"]
PROJECT_PAGES = SEEING + EDITING + LEADING + COMMISSIONING + ACCEPTING
MEMBER_PAGES = ["/projects/members/{member}/remove/"]
DELIVERABLE_PAGES = ["/projects/deliverables/{deliverable}/done/"]
INVITATION_PAGES = ["/projects/invitations/{invitation}/"]
FEED_PAGES = ["/projects/organisations/{organisation}/feed/"]
OTHER = ["/projects/", "/projects/timeline/", "/projects/new/"]

SECRET_REFERENCE = "REC-SECRET-77"
SECRET_BODY = "Caerwen Research Ethics Panel"
SECRET_BUDGET = "12345.67"

PAYLOAD = {
    "title_en": "Changed by someone refused",
    "kind": "council",
    "status": "stopped",
    "reason": "Refused people cannot stop it",
    "text": "Something written",
    "due_on": "2030-01-01",
    "part": "lead",
    "message": "Hello",
    "answer": "accept",
    "done": "1",
}


def _routes() -> set[str]:
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and getattr(r, "namespace", "") == "projects"
    )
    return {"/projects/" + str(p.pattern) for p in resolver.url_patterns}


def _pattern(page: str) -> str:
    for name in ("member", "deliverable", "invitation", "decision"):
        page = page.replace("{" + name + "}", "<int:pk>")
    return page.replace("{pk}", "<int:pk>").replace("{organisation}", "<int:organisation_pk>")


def test_every_projects_page_is_covered_here() -> None:
    covered = (
        PROJECT_PAGES + MEMBER_PAGES + DELIVERABLE_PAGES + INVITATION_PAGES + FEED_PAGES + OTHER
    )
    assert _routes() == {_pattern(p) for p in covered}


def _world(social_worker: Person, broker: Person, academic: Person) -> dict[str, Any]:
    project = make_project(social_worker)
    services.project_save(
        person=broker,
        project=project,
        data={
            "title_en": project.title_en,
            "kind": "council",
            "ethics_body": SECRET_BODY,
            "ethics_reference": SECRET_REFERENCE,
            "budget": SECRET_BUDGET,
        },
    )
    deliverable = services.deliverable_add(
        person=social_worker, project=project, text="Interim report", due_on=date(2030, 1, 1)
    )
    profile = Profile.objects.create(person=academic, name=academic.name, state="published")
    invitation = services.invitation_send(
        person=broker, project=project, profile=profile, message="Would you join?"
    )
    return {
        "project": project,
        "deliverable": deliverable,
        "invitation": invitation,
        "member": project.members.get(),
    }


def _url(page: str, world: dict[str, Any], **extra: int) -> str:
    return page.format(
        pk=world["project"].pk,
        member=world["member"].pk,
        deliverable=world["deliverable"].pk,
        invitation=world["invitation"].pk,
        **extra,
    )


def _nothing_changed(project: Project) -> None:
    project.refresh_from_db()
    assert project.title_en != PAYLOAD["title_en"] and project.status == "idea"
    assert ProjectMember.objects.filter(project=project).count() == 1
    assert not project.updates.exists()
    assert Deliverable.objects.get().done_at is None
    assert ExpertInvitation.objects.get().state == "invited"
    assert project.outputs_accepted_at is None


def test_people_outside_cannot_see_a_project(
    client_for: Any,
    social_worker: Person,
    broker: Person,
    academic: Person,
    steering_member: Person,
    university: Organisation,
) -> None:
    world = _world(social_worker, broker, academic)
    outside = make_person(
        "ifan@uni.example",
        "Ifan Bowen",
        organisation=university,
        roles=(Role.BROKER, Role.STEERING),
    )
    client = client_for(outside)
    pages = PROJECT_PAGES + MEMBER_PAGES + DELIVERABLE_PAGES + INVITATION_PAGES
    for page in pages:
        url = _url(page, world)
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, PAYLOAD).status_code == 404, url
    feed = FEED_PAGES[0].format(organisation=world["project"].organisation_id)
    assert client.get(feed).status_code == 404
    assert world["project"].title_en not in client.get("/projects/").content.decode()
    assert world["project"].title_en not in client.get("/projects/timeline/").content.decode()
    _nothing_changed(world["project"])


def test_members_who_may_not_change_it_are_refused(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    academic: Person,
    steering_member: Person,
) -> None:
    world = _world(social_worker, broker, academic)
    refused = {
        champion: EDITING + LEADING + COMMISSIONING + ACCEPTING + MEMBER_PAGES + DELIVERABLE_PAGES,
        steering_member: EDITING + LEADING + MEMBER_PAGES + DELIVERABLE_PAGES,
        broker: LEADING + ACCEPTING,
        social_worker: COMMISSIONING + ACCEPTING,
    }
    for person, pages in refused.items():
        client = client_for(person)
        assert client.get(_url(SEEING[0], world)).status_code == 200
        for page in pages + INVITATION_PAGES:
            url = _url(page, world)
            assert client.get(url).status_code in (403, 405), (person, url)
            assert client.post(url, PAYLOAD).status_code == 403, (person, url)
    _nothing_changed(world["project"])


def test_people_without_an_organisation_record_no_project(client_for: Any, db: Any) -> None:
    loner = make_person("pedr@example.org", "Pedr Lewis")
    client = client_for(loner)
    assert client.get("/projects/new/").status_code == 403
    assert client.post("/projects/new/", PAYLOAD).status_code == 403
    assert client.get("/projects/").status_code == 200
    assert not Project.objects.exists()


def test_partners_and_project_people_see_it(
    client_for: Any,
    social_worker: Person,
    broker: Person,
    academic: Person,
    university: Organisation,
) -> None:
    world = _world(social_worker, broker, academic)
    url = _url(SEEING[0], world)
    assert client_for(academic).get(url).status_code == 404
    world["project"].partners.add(university)
    question = make_question(social_worker)
    world["project"].questions.add(question)
    body = client_for(academic).get(url).content.decode()
    # The council's questions not on a shared agenda stay inside the council.
    assert world["project"].title_en in body and question.text_en not in body
    assert question.text_en in client_for(social_worker).get(url).content.decode()
    world["project"].partners.clear()
    services.member_add(person=broker, project=world["project"], member=academic, part="academic")
    assert client_for(academic).get(url).status_code == 200


def _api(client: Any, person: Person, path: str) -> str:
    _token, secret = api_token_create(person=person, name="tests")
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    return str(response.content.decode())


def test_governance_and_budget_never_leak(
    client_for: Any,
    client: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    academic: Person,
    steering_member: Person,
    university: Organisation,
) -> None:
    world = _world(social_worker, broker, academic)
    project = world["project"]
    project.partners.add(university)
    services.member_add(person=broker, project=project, member=academic, part="academic")
    page = _url(SEEING[0], world)
    edit = _url(EDITING[0], world)
    # (person, sees governance, sees budget)
    cases = [
        (champion, False, False),
        (steering_member, False, True),
        (academic, True, False),  # in the project team, from a partner organisation
        (social_worker, True, False),  # the lead
        (broker, True, True),
    ]
    api_paths = ["/api/v1/projects", f"/api/v1/projects/{project.pk}"]
    for person, governance, budget in cases:
        texts = [client_for(person).get(page).content.decode()]
        texts += [_api(client, person, path) for path in api_paths]
        for text in texts:
            assert (SECRET_REFERENCE in text) is governance, (person, text[:200])
            assert (SECRET_BODY in text) is governance, person
            assert (SECRET_BUDGET in text) is budget, person
        listing = client_for(person).get("/projects/").content.decode()
        assert SECRET_REFERENCE not in listing and SECRET_BUDGET not in listing
    # Forms do not offer what a person may not see.
    steering_edit = client_for(steering_member).get(edit)
    assert steering_edit.status_code == 403
    lead_form = client_for(social_worker).get(edit).content.decode()
    assert SECRET_REFERENCE in lead_form and SECRET_BUDGET not in lead_form
    assert 'name="budget"' not in lead_form
    feed = client_for(champion).get(FEED_PAGES[0].format(organisation=project.organisation_id))
    assert feed.status_code == 200
    body = feed.content.decode()
    assert SECRET_REFERENCE not in body and SECRET_BUDGET not in body


def test_a_lead_cannot_set_the_budget_by_posting_it(
    client_for: Any, social_worker: Person, broker: Person, academic: Person
) -> None:
    world = _world(social_worker, broker, academic)
    project = world["project"]
    response = client_for(social_worker).post(
        _url(EDITING[0], world),
        {"title_en": "New title", "kind": "council", "budget": "1.00", "ethics_state": "not_yet"},
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_en == "New title" and str(project.budget) == SECRET_BUDGET
