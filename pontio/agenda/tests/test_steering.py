"""The steering group's meetings: steering members plan them, add agenda items, record decisions
(commission, defer, reject with a reason) that move questions and tell followers, and agree
actions with owners and due dates. Leaders and brokers see them; nobody else does."""

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from pontio.accounts.models import Person, Role
from pontio.agenda import steering
from pontio.agenda.models import (
    AgendaItem,
    Decision,
    FollowUp,
    Meeting,
    Notice,
    Question,
    State,
    TriageAction,
)
from pontio.agenda.services import AgendaError
from pontio.agenda.tests.helpers import make_question
from pontio.conftest import make_person
from pontio.organisations.models import Organisation

MEETING_PAGES = [
    "/agenda/steering/{pk}/",
    "/agenda/steering/{pk}/edit/",
    "/agenda/steering/{pk}/items/add/",
    "/agenda/steering/{pk}/decide/",
    "/agenda/steering/{pk}/actions/add/",
    "/agenda/steering/{pk}/pack.pdf",
    "/agenda/steering/{pk}/pack.docx",
]
CHANGING = [p for p in MEETING_PAGES if not p.endswith(("/{pk}/", ".pdf", ".docx"))]


@pytest.fixture(autouse=True)
def _steering_reads_english(steering_member: Person) -> None:
    steering_member.language = "en"
    steering_member.save(update_fields=["language"])


@pytest.fixture
def meeting(steering_member: Person, council: Organisation) -> Meeting:
    return steering.meeting_save(
        person=steering_member,
        organisation=council,
        title_en="Steering group, spring",
        title_cy="Grŵp llywio, y gwanwyn",
        starts_at=timezone.now() + timedelta(days=7),
        place="Room 2",
    )


@pytest.fixture
def triaged(social_worker: Person) -> list[Question]:
    questions = [
        make_question(social_worker, f"What helps families stay together, part {i}?")
        for i in range(3)
    ]
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(state=State.PRIORITISED)
    return [Question.objects.get(pk=q.pk) for q in questions]


def test_a_commission_moves_questions_and_tells_followers(
    meeting: Meeting, steering_member: Person, social_worker: Person, triaged: list[Question]
) -> None:
    decision = steering.decision_record(
        person=steering_member,
        meeting=meeting,
        outcome="commission",
        questions=triaged[:2],
        commissions="A rapid review of family group conferences",
    )
    assert set(decision.questions.all()) == set(triaged[:2])
    assert decision.commissions == "A rapid review of family group conferences"
    for question in triaged[:2]:
        question.refresh_from_db()
        assert question.state == State.COMMISSIONED
        action = TriageAction.objects.get(question=question, action="decided")
        assert action.after == "commission" and "family group" in action.reason
    notice = Notice.objects.filter(person=social_worker).first()
    assert notice is not None
    assert notice.message == "The steering group decided: Commission research."
    assert Question.objects.get(pk=triaged[2].pk).state == State.PRIORITISED


def test_reject_closes_with_the_reason_and_defer_leaves_the_state(
    meeting: Meeting, steering_member: Person, triaged: list[Question]
) -> None:
    steering.decision_record(
        person=steering_member,
        meeting=meeting,
        outcome="reject",
        questions=[triaged[0]],
        reason="Answered by national research under way.",
    )
    steering.decision_record(
        person=steering_member,
        meeting=meeting,
        outcome="defer",
        questions=[triaged[1]],
        reason="Wait for the inspection report.",
    )
    rejected = Question.objects.get(pk=triaged[0].pk)
    assert (rejected.state, rejected.closed_reason) == (State.CLOSED, "rejected")
    assert rejected.closed_note == "Answered by national research under way."
    assert Question.objects.get(pk=triaged[1].pk).state == State.PRIORITISED
    with pytest.raises(AgendaError, match="still open for a decision"):
        steering.decision_record(
            person=steering_member,
            meeting=meeting,
            outcome="commission",
            questions=[rejected],
            commissions="Something",
        )


def test_a_decision_needs_what_it_commissions_or_a_reason(
    meeting: Meeting, steering_member: Person, triaged: list[Question], social_worker: Person
) -> None:
    with pytest.raises(AgendaError, match="what is commissioned"):
        steering.decision_record(
            person=steering_member, meeting=meeting, outcome="commission", questions=triaged
        )
    with pytest.raises(AgendaError, match="reason"):
        steering.decision_record(
            person=steering_member, meeting=meeting, outcome="reject", questions=triaged
        )
    submitted = make_question(social_worker, "Still waiting for a knowledge broker to triage?")
    with pytest.raises(AgendaError, match="still open for a decision"):
        steering.decision_record(
            person=steering_member,
            meeting=meeting,
            outcome="defer",
            questions=[submitted],
            reason="Too early",
        )
    assert not Decision.objects.exists() and not Notice.objects.exists()


def test_items_and_actions(
    meeting: Meeting, steering_member: Person, social_worker: Person, triaged: list[Question]
) -> None:
    first = steering.item_add(
        person=steering_member, meeting=meeting, kind="question", question=triaged[0]
    )
    second = steering.item_add(
        person=steering_member, meeting=meeting, kind="project", title="Kinship care evaluation"
    )
    assert (first.position, second.position) == (1, 2)
    with pytest.raises(AgendaError, match="what the item is about"):
        steering.item_add(person=steering_member, meeting=meeting, kind="other")
    action = steering.follow_up_add(
        person=steering_member,
        meeting=meeting,
        text="Ask the university for a costed proposal",
        owner=social_worker,
        due_on=date(2027, 1, 15),
    )
    steering.follow_up_mark(person=social_worker, follow_up=action, done=True)
    assert FollowUp.objects.get(pk=action.pk).done_at is not None
    outsider = make_person("rhys@uni.example", "Rhys Jones")
    with pytest.raises(AgendaError, match="owner from the meeting's organisation"):
        steering.follow_up_add(
            person=steering_member, meeting=meeting, text="x", owner=outsider, due_on=date.today()
        )


def test_a_steering_member_runs_a_meeting_through_the_pages(
    client_for: Any, steering_member: Person, social_worker: Person, triaged: list[Question]
) -> None:
    client = client_for(steering_member)
    response = client.post("/agenda/steering/new/", {"place": "Room 2"})
    body = response.content.decode()
    assert response.status_code == 200 and "Enter the date and time" in body
    assert 'value="Room 2"' in body and not Meeting.objects.exists()
    response = client.post(
        "/agenda/steering/new/",
        {"title_en": "Steering group", "starts_at": "2027-01-10T10:00", "place": "Room 2"},
    )
    meeting = Meeting.objects.get()
    assert response.url == f"/agenda/steering/{meeting.pk}/"
    client.post(
        f"/agenda/steering/{meeting.pk}/items/add/", {"kind": "question", "question": triaged[0].pk}
    )
    assert AgendaItem.objects.get().question == triaged[0]
    decide = f"/agenda/steering/{meeting.pk}/decide/"
    ticked = re.search(rf'value="{triaged[0].pk}"[^>]*checked', client.get(decide).content.decode())
    assert ticked, "the question on the agenda starts ticked"
    # Rejecting asks first, and nothing changes until confirmed.
    data = {"outcome": "reject", "questions": [triaged[0].pk], "reason": "Out of our remit"}
    confirm = client.post(decide, data).content.decode()
    assert "Reject these questions?" in confirm and not Decision.objects.exists()
    assert client.post(decide, {**data, "confirm": "1"}).status_code == 302
    assert Question.objects.get(pk=triaged[0].pk).state == State.CLOSED
    response = client.post(
        f"/agenda/steering/{meeting.pk}/actions/add/",
        {"text": "Write to the university", "owner": social_worker.pk, "due_on": "2027-02-01"},
    )
    assert response.status_code == 302
    page = client.get(f"/agenda/steering/{meeting.pk}/").content.decode()
    assert "Out of our remit" in page and "Write to the university" in page
    pdf = client.get(f"/agenda/steering/{meeting.pk}/pack.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    word = client.get(f"/agenda/steering/{meeting.pk}/pack.docx")
    assert word.content.startswith(b"PK") and "attachment" in word["Content-Disposition"]


def test_taking_an_item_off_asks_first(
    client_for: Any, meeting: Meeting, steering_member: Person, triaged: list[Question]
) -> None:
    item = steering.item_add(
        person=steering_member, meeting=meeting, kind="question", question=triaged[0]
    )
    client = client_for(steering_member)
    url = f"/agenda/steering/items/{item.pk}/remove/"
    assert "Take this item off the agenda?" in client.get(url).content.decode()
    assert AgendaItem.objects.exists()
    assert client.post(url).status_code == 302
    assert not AgendaItem.objects.exists()
    assert Question.objects.filter(pk=triaged[0].pk).exists()


def test_leaders_and_brokers_see_meetings_but_only_steering_changes_them(
    client_for: Any,
    meeting: Meeting,
    broker: Person,
    team: Any,
    steering_member: Person,
    triaged: list[Question],
) -> None:
    leader = make_person("bethan@example.org", "Bethan Ward", team=team, roles=(Role.LEADER,))
    item = steering.item_add(
        person=steering_member, meeting=meeting, kind="question", question=triaged[0]
    )
    action = steering.follow_up_add(
        person=steering_member,
        meeting=meeting,
        text="Write",
        owner=steering_member,
        due_on=date.today(),
    )
    for person in (leader, broker):
        client = client_for(person)
        assert client.get("/agenda/steering/").status_code == 200
        assert client.get(f"/agenda/steering/{meeting.pk}/").status_code == 200
        assert client.get(f"/agenda/steering/{meeting.pk}/pack.pdf").status_code == 200
        assert client.get("/agenda/steering/new/").status_code == 403
        for page in CHANGING:
            url = page.format(pk=meeting.pk)
            assert client.get(url).status_code == 403, (person, url)
            assert (
                client.post(url, {"outcome": "commission", "commissions": "x"}).status_code == 403
            )
        assert client.post(f"/agenda/steering/items/{item.pk}/remove/").status_code == 403
        assert (
            client.post(f"/agenda/steering/actions/{action.pk}/done/", {"done": "1"}).status_code
            == 403
        )
    assert AgendaItem.objects.count() == 1 and not Decision.objects.exists()
    assert FollowUp.objects.get().done_at is None


def test_others_cannot_see_meetings_at_all(
    client_for: Any,
    meeting: Meeting,
    social_worker: Person,
    champion: Person,
    academic: Person,
    steering_member: Person,
) -> None:
    outside_steering = make_person(
        "gareth@uni.example",
        "Gareth Hill",
        organisation=academic.memberships.first().organisation,
        roles=(Role.STEERING,),
    )
    action = steering.follow_up_add(
        person=steering_member,
        meeting=meeting,
        text="Write",
        owner=steering_member,
        due_on=date.today(),
    )
    for person in (social_worker, champion, academic):
        assert client_for(person).get("/agenda/steering/").status_code == 403, person
    for person in (social_worker, champion, academic, outside_steering):
        client = client_for(person)
        for page in MEETING_PAGES:
            url = page.format(pk=meeting.pk)
            assert client.get(url).status_code == 404, (person, url)
            assert client.post(url, {"title_en": "Hijacked"}).status_code == 404, (person, url)
        assert (
            client.post(f"/agenda/steering/actions/{action.pk}/done/", {"done": "1"}).status_code
            == 404
        )
    meeting.refresh_from_db()
    assert meeting.title_en == "Steering group, spring"
    assert FollowUp.objects.get().done_at is None


def test_without_pango_the_pdf_pack_says_so_and_word_still_works(
    client_for: Any, meeting: Meeting, steering_member: Person, monkeypatch: Any
) -> None:
    from pontio.agenda import pack
    from pontio.core.documents import PdfUnavailable

    def missing() -> Any:
        raise PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pack, "pdf_writer", missing)
    client = client_for(steering_member)
    response = client.get(f"/agenda/steering/{meeting.pk}/pack.pdf", follow=True)
    assert "The PDF pack cannot be made on this server" in response.content.decode()
    assert client.get(f"/agenda/steering/{meeting.pk}/pack.docx").status_code == 200


def test_a_commission_starts_a_project_in_the_register(
    client_for: Any, meeting: Meeting, steering_member: Person, triaged: list[Question]
) -> None:
    from pontio.projects.models import Project

    decision = steering.decision_record(
        person=steering_member,
        meeting=meeting,
        outcome="commission",
        questions=triaged[:1],
        commissions="A rapid evidence review",
    )
    project = Project.objects.get(decision=decision)
    assert project.title_en == "A rapid evidence review" and project.kind == "commissioned"
    assert list(project.questions.all()) == triaged[:1]
    page = client_for(steering_member).get(f"/agenda/steering/{meeting.pk}/").content.decode()
    assert f'href="/projects/{project.pk}/"' in page


def test_the_owner_of_an_action_marks_it_done_without_seeing_meetings(
    client_for: Any, meeting: Meeting, steering_member: Person, social_worker: Person
) -> None:
    action = steering.follow_up_add(
        person=steering_member,
        meeting=meeting,
        text="Send the report",
        owner=social_worker,
        due_on=date.today(),
    )
    client = client_for(social_worker)
    assert client.get(f"/agenda/steering/{meeting.pk}/").status_code == 404
    client.post(f"/agenda/steering/actions/{action.pk}/done/", {"done": "1"})
    assert FollowUp.objects.get(pk=action.pk).done_at is not None
