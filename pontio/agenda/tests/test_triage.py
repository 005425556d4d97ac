"""Triage by knowledge brokers: moving on, rephrasing (history kept, the author told why), asking
to clarify, already answered, out of scope and merging (both asked first), each logged on the
question and told to those who follow it."""

from typing import Any

from pontio.accounts.models import Person
from pontio.agenda import services
from pontio.agenda.models import Action, ClosedReason, Notice, Question, State, Support
from pontio.agenda.tests.helpers import make_question
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.search.services import keyword_search


def test_the_queue_lists_new_questions_oldest_first(
    client_for: Any, social_worker: Person, champion: Person, broker: Person
) -> None:
    first = make_question(social_worker, "Does restorative practice reduce exclusions?")
    second = make_question(champion, "How do we keep siblings together in foster care?")
    waiting = make_question(champion, "Is kinship care more stable than foster care?")
    from pontio.agenda.triage import question_ask_clarification

    question_ask_clarification(person=broker, question=waiting, reason="Stable for whom?")
    body = client_for(broker).get("/agenda/triage/").content.decode()
    assert body.index(first.text_en) < body.index(second.text_en) < body.index(waiting.text_en)
    assert "Waiting for their authors to clarify" in body


def test_a_broker_moves_a_question_on_and_it_is_logged(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    client = client_for(broker)
    page = client.get(f"/agenda/questions/{question.pk}/triage/").content.decode()
    assert "Move it on" in page and 'value="shortlisted"' in page
    client.post(
        f"/agenda/questions/{question.pk}/triage/move/",
        {"state": "shortlisted", "reason": "Many teams ask this"},
    )
    question.refresh_from_db()
    assert question.state == State.SHORTLISTED
    action = question.actions.get()
    assert (action.action, action.before, action.after) == ("moved", "submitted", "shortlisted")
    body = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "Moved from “Submitted” to “Shortlisted”" in body and "Many teams ask this" in body
    assert "Alys Jenkins" in body  # the broker is named; supporters never are


def test_a_broker_cannot_move_a_question_where_triage_does_not_go(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    client_for(broker).post(
        f"/agenda/questions/{question.pk}/triage/move/", {"state": "commissioned"}
    )
    question.refresh_from_db()
    assert question.state == State.SUBMITTED and not question.actions.exists()


def test_rephrasing_keeps_history_and_tells_the_author_why(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker, "what works for kids in care and school??")
    client = client_for(broker)
    url = f"/agenda/questions/{question.pk}/triage/rephrase/"
    assert "what works for kids in care and school??" in client.get(url).content.decode()
    refused = client.post(url, {"text_en": "Too short", "reason": ""})
    assert "must be 15 characters or more" in refused.content.decode()
    assert "Say what you changed and why" in refused.content.decode()
    client.post(
        url,
        {
            "text_en": "What helps children looked after do well at school?",
            "text_cy": "Beth sy'n helpu plant sy'n derbyn gofal i wneud yn dda yn yr ysgol?",
            "why_en": "",
            "why_cy": "",
            "reason": "Made it answerable and added the Welsh.",
        },
    )
    question.refresh_from_db()
    assert question.text_en == "What helps children looked after do well at school?"
    assert question.text_cy.startswith("Beth sy'n helpu")
    assert question.history.count() == 2
    assert question.history.earliest().text_en == "what works for kids in care and school??"
    action = question.actions.get(action=Action.REPHRASED)
    assert action.before == "what works for kids in care and school??"
    notice = Notice.objects.get(person=social_worker)
    assert notice.message == (
        "A knowledge broker rephrased your question: Made it answerable and added the Welsh."
    )
    body = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "The words before and after" in body and "kids in care and school??" in body


def test_asking_to_clarify_keeps_it_submitted_and_tells_the_author(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    url = f"/agenda/questions/{question.pk}/triage/clarify/"
    assert "Enter a reason" in client_for(broker).post(url, {"reason": ""}).content.decode()
    client_for(broker).post(url, {"reason": "Which age group do you mean?"})
    question.refresh_from_db()
    assert question.state == State.SUBMITTED and question.clarification_asked
    assert Notice.objects.get(person=social_worker).kind == "clarify"
    assert "Clarification asked" in client_for(broker).get("/agenda/").content.decode()


def test_already_answered_by_records_in_the_library(
    client_for: Any, social_worker: Person, champion: Person, broker: Person, council: Organisation
) -> None:
    question = make_question(social_worker, "What helps children looked after stay in school?")
    services.question_support(person=champion, question=question)
    record = make_record(broker, council, "School stability for children looked after")
    other = make_record(broker, council, "Virtual school heads in England")
    client = client_for(broker)
    url = f"/agenda/questions/{question.pk}/triage/answered/"
    page = client.get(url).content.decode()
    assert "School stability for children looked after" in page  # offered, found by its words
    nothing = client.post(url, {"other_records": ""})
    assert "Choose or give at least one record" in nothing.content.decode()
    client.post(
        url,
        {
            "records": [record.pk],
            "other_records": f"http://testserver/library/records/{other.pk}/",
            "reason": "",
        },
    )
    question.refresh_from_db()
    assert question.state == State.ANSWERED
    assert set(question.answered_by.all()) == {record, other}
    assert Notice.objects.filter(kind="answered").count() == 2  # author and supporter
    body = client_for(champion).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "The research that answers it" in body and "Virtual school heads" in body


def test_out_of_scope_asks_first_then_closes_with_the_reason(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    client = client_for(broker)
    url = f"/agenda/questions/{question.pk}/triage/out-of-scope/"
    confirm = client.post(url, {"reason": "It is about adult services."})
    assert "Close this question as out of scope?" in confirm.content.decode()
    question.refresh_from_db()
    assert question.state == State.SUBMITTED  # nothing changed yet
    client.post(url, {"reason": "It is about adult services.", "confirm": "1"})
    question.refresh_from_db()
    assert question.state == State.CLOSED
    assert question.closed_reason == ClosedReason.OUT_OF_SCOPE
    assert question.closed_note == "It is about adult services."
    assert Notice.objects.get(person=social_worker).message == (
        "It was closed as out of scope: It is about adult services."
    )
    body = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "It is about adult services." in body
    # It can be opened again if that was wrong.
    client_for(broker).post(f"/agenda/questions/{question.pk}/triage/move/", {"state": "triaged"})
    question.refresh_from_db()
    assert question.state == State.TRIAGED and question.closed_reason == ""


def test_merging_asks_first_and_carries_supporters_and_followers(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    steering_member: Person,
) -> None:
    kept = make_question(champion, "Which support keeps children looked after in school?")
    duplicate = make_question(social_worker, "What keeps children looked after in school?")
    earlier = make_question(social_worker, "How can children in care stay in their school?")
    services.question_support(person=steering_member, question=duplicate, reason="Yes")
    services.question_support(person=champion, question=duplicate)  # supports both
    services.question_support(person=champion, question=kept)
    from pontio.agenda.triage import questions_merge

    questions_merge(person=broker, merged=earlier, into=duplicate)
    client = client_for(broker)
    url = f"/agenda/questions/{duplicate.pk}/triage/merge/"
    page = client.get(url).content.decode()
    assert f'value="{kept.pk}"' in page  # offered as similar
    confirm = client.post(url, {"into": kept.pk, "reason": "Same question"})
    assert "Merge this question into another?" in confirm.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    response = client.post(url, {"other": kept.pk, "reason": "Same question", "confirm": "1"})
    assert response.url == f"/agenda/questions/{kept.pk}/"
    duplicate.refresh_from_db()
    earlier.refresh_from_db()
    assert duplicate.merged_into == kept and earlier.merged_into == kept
    assert duplicate.state == State.CLOSED and duplicate.closed_reason == ClosedReason.MERGED
    supporters = set(Support.objects.filter(question=kept).values_list("person", flat=True))
    assert supporters == {steering_member.pk, champion.pk}
    assert not Support.objects.filter(question=duplicate).exists()
    assert set(kept.followers.all()) >= {social_worker, steering_member, champion}
    assert kept.actions.filter(action=Action.MERGED_IN, other=duplicate).exists()
    assert Notice.objects.filter(question=kept, kind="merged", person=social_worker).exists()
    assert [hit.id for hit in keyword_search("question", "children school", match="any")] == [
        kept.pk
    ]
    body = client_for(social_worker).get(f"/agenda/questions/{duplicate.pk}/").content.decode()
    assert "was merged into it" in body and f"/agenda/questions/{kept.pk}/" in body
    # A merged question takes no more triage.
    assert client_for(broker).get(url).status_code == 302


def test_merging_refuses_a_question_of_another_organisation_or_itself(
    client_for: Any,
    social_worker: Person,
    broker: Person,
    academic: Person,
    university: Organisation,
) -> None:
    question = make_question(social_worker)
    elsewhere = make_question(academic, "What do students learn about neglect?")
    url = f"/agenda/questions/{question.pk}/triage/merge/"
    for target in (elsewhere.pk, question.pk, 99999):
        response = client_for(broker).post(url, {"other": target, "confirm": "1"})
        assert "Choose an open question of the same organisation" in response.content.decode()
    assert Question.objects.filter(merged_into__isnull=False).count() == 0
    assert university.pk


def test_triage_actions_are_refused_when_they_no_longer_apply(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    services.question_move(person=broker, question=question, state="triaged")
    response = client_for(broker).post(
        f"/agenda/questions/{question.pk}/triage/clarify/", {"reason": "?"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.clarification_asked
