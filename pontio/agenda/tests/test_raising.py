"""Raising a question: the check for similar questions and research before it is saved, one
question however often the form is sent, clear refusals that keep what was typed, Welsh and
English versions, and the author's changes when asked to clarify."""

from typing import Any

import pytest
from django.db import IntegrityError

from pontio.accounts.models import Person
from pontio.agenda import services
from pontio.agenda.models import Action, Question, State
from pontio.agenda.tests.helpers import make_question
from pontio.conftest import make_person
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation, Team
from pontio.search.services import keyword_search
from pontio.taxonomy.models import Priority

QUESTION = "What helps children looked after stay in the same school when placements change?"


def form(**changes: Any) -> dict[str, Any]:
    data = {
        "text": QUESTION,
        "why": "Moving school sets children back a year.",
        "language": "en",
        "affects": ["care_experienced"],
        "submission_key": "key-1",
    }
    data.update(changes)
    return data


def test_it_shows_similar_questions_and_research_before_saving(
    client_for: Any, social_worker: Person, champion: Person, council: Organisation
) -> None:
    make_question(champion, "Which support keeps children looked after in the same school?")
    make_question(champion, "Does family group conferencing reduce care proceedings?")
    make_record(champion, council, "School stability for children looked after: a review")
    client = client_for(social_worker)
    assert client.get("/agenda/ask/").status_code == 200
    response = client.post("/agenda/ask/", {**form(), "check": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Check what is already there" in body
    assert "Which support keeps children looked after" in body
    assert "Support this question instead" in body
    assert "School stability for children looked after" in body
    assert "family group conferencing" not in body
    # The same form, filled in, ready to submit; nothing saved yet.
    assert QUESTION in body and 'value="key-1"' in body and "Submit my question" in body
    assert Question.objects.filter(author=social_worker).count() == 0


def test_it_saves_the_question_and_the_author_follows_it(
    client_for: Any, social_worker: Person, team: Team, council: Organisation, seeded_topics: Any
) -> None:
    from pontio.taxonomy.models import Topic

    topic = Topic.objects.get(slug="cla-education")
    priority = Priority.objects.create(organisation=council, name_en="Better outcomes")
    response = client_for(social_worker).post(
        "/agenda/ask/",
        {**form(), "topics": [topic.pk], "team": team.pk, "priority": priority.pk, "submit": "1"},
    )
    question = Question.objects.get()
    assert response.status_code == 302 and response.url == f"/agenda/questions/{question.pk}/"
    assert question.text_en == QUESTION and question.text_cy == ""
    assert question.why_en == "Moving school sets children back a year."
    assert question.language == "en" and question.affects == ["care_experienced"]
    assert question.organisation == council and question.team == team
    assert question.priority == priority and list(question.topics.all()) == [topic]
    assert question.state == State.SUBMITTED
    assert question.followers.filter(pk=social_worker.pk).exists()
    assert [hit.id for hit in keyword_search("question", "placements school")] == [question.pk]
    page = client_for(social_worker).get(response.url).content.decode()
    assert QUESTION in page and "Children looked after and care leavers" in page


def test_a_double_submission_makes_one_question(client_for: Any, social_worker: Person) -> None:
    client = client_for(social_worker)
    first = client.post("/agenda/ask/", {**form(), "submit": "1"})
    again = client.post("/agenda/ask/", {**form(), "submit": "1"})
    assert Question.objects.count() == 1
    assert first.url == again.url
    assert "You had already sent this question" in client.get(again.url).content.decode()
    # A new form (a new key) is a new question.
    client.post("/agenda/ask/", {**form(submission_key="key-2"), "submit": "1"})
    assert Question.objects.count() == 2


def test_the_database_refuses_a_second_question_from_one_submission(
    social_worker: Person, council: Organisation
) -> None:
    make_question(social_worker, QUESTION)
    key = Question.objects.get().submission_key
    with pytest.raises(IntegrityError):
        Question.objects.create(
            organisation=council, author=social_worker, text_en=QUESTION, submission_key=key
        )


def test_an_empty_question_is_refused_and_the_rest_is_kept(
    client_for: Any, social_worker: Person
) -> None:
    response = client_for(social_worker).post("/agenda/ask/", {**form(text=""), "submit": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter your question" in body and "There is a problem" in body
    assert "Moving school sets children back a year." in body
    assert not Question.objects.exists()


def test_a_too_short_question_is_refused_and_kept(client_for: Any, social_worker: Person) -> None:
    response = client_for(social_worker).post(
        "/agenda/ask/", {**form(text="  Why care?  "), "submit": "1"}
    )
    body = response.content.decode()
    assert "must be 15 characters or more" in body
    assert "Why care?" in body
    assert not Question.objects.exists()
    with pytest.raises(services.AgendaError):
        make_question(social_worker, "Why care?")


def test_a_question_in_welsh_is_shown_as_written_with_a_note(
    client_for: Any, social_worker: Person, champion: Person
) -> None:
    client_for(social_worker).post(
        "/agenda/ask/",
        {
            **form(text="Beth sy'n helpu plant mewn gofal i aros yn yr un ysgol?", why=""),
            "language": "cy",
            "submit": "1",
        },
    )
    question = Question.objects.get()
    assert question.text_cy.startswith("Beth sy'n helpu") and question.text_en == ""
    body = client_for(champion).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert '<h1 class="govuk-heading-l" lang="cy">Beth sy&#x27;n helpu' in body
    assert "has not been put into your language yet" in body


def test_the_author_clarifies_when_asked(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    from pontio.agenda.triage import question_ask_clarification

    question = make_question(social_worker, "What works with neglect in teenagers?")
    question_ask_clarification(person=broker, question=question, reason="Which services?")
    client = client_for(social_worker)
    page = client.get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "asked you to clarify your question" in page
    response = client.post(
        f"/agenda/questions/{question.pk}/edit/",
        form(text="What works in early help for neglect of teenagers aged 13 to 17?"),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text_en.startswith("What works in early help")
    assert not question.clarification_asked and question.state == State.SUBMITTED
    edit = question.actions.get(action=Action.EDITED)
    assert edit.before == "What works with neglect in teenagers?"


def test_the_edit_page_keeps_what_was_typed_on_error(
    client_for: Any, social_worker: Person
) -> None:
    question = make_question(social_worker)
    response = client_for(social_worker).post(
        f"/agenda/questions/{question.pk}/edit/", form(text="Short one")
    )
    assert "Short one" in response.content.decode()
    question.refresh_from_db()
    assert question.text_en == "What helps children looked after stay in the same school?"


def test_someone_without_an_organisation_cannot_ask(client_for: Any, db: Any) -> None:
    loner = make_person("loner@example.org", "Lone Person")
    client = client_for(loner)
    assert client.get("/agenda/ask/").status_code == 403
    assert client.post("/agenda/ask/", {**form(), "submit": "1"}).status_code == 403
    assert not Question.objects.exists()
    assert "Ask a question" not in client.get("/agenda/").content.decode()


def test_it_says_so_when_nothing_is_like_it(client_for: Any, social_worker: Person) -> None:
    body = client_for(social_worker).post("/agenda/ask/", {**form(), "check": "1"})
    text = body.content.decode()
    assert "No question on the agenda looks like yours." in text
    assert "Nothing in the library looks like an answer yet." in text


def test_a_team_that_is_not_the_persons_own_is_refused(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    other = Team.objects.create(organisation=council, name_en="Fostering", name_cy="Maethu")
    response = client_for(social_worker).post(
        "/agenda/ask/", {**form(), "team": other.pk, "submit": "1"}
    )
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_the_agenda_lists_filters_sorts_and_pages(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    team: Team,
    settings: Any,
) -> None:
    settings.PAGE_SIZE = 2
    older = make_question(social_worker, "Does restorative practice reduce exclusions?", team=team)
    newer = make_question(champion, "How do we keep siblings together in foster care?")
    services.question_support(person=broker, question=older)
    client = client_for(social_worker)
    body = client.get("/agenda/").content.decode()
    assert body.index("siblings together") < body.index("restorative practice")
    body = client.get("/agenda/", {"sort": "supported"}).content.decode()
    assert body.index("restorative practice") < body.index("siblings together")
    body = client.get("/agenda/", {"team": team.pk}).content.decode()
    assert "restorative practice" in body and "siblings together" not in body
    body = client.get("/agenda/", {"state": "closed"}).content.decode()
    assert "No question matches these filters." in body
    make_question(champion, "What helps parents with learning disabilities keep children?")
    assert 'rel="next"' in client.get("/agenda/").content.decode()
    assert newer.pk and older.pk


def test_the_agenda_has_an_empty_state(client_for: Any, social_worker: Person) -> None:
    body = client_for(social_worker).get("/agenda/").content.decode()
    assert "Nobody has asked a question yet." in body


def test_the_navigation_leads_to_the_agenda(client_for: Any, social_worker: Person) -> None:
    body = client_for(social_worker).get("/").content.decode()
    assert 'href="/agenda/"' in body


def test_partners_ask_on_an_agenda_only_where_the_organisation_allows_it(
    client_for: Any, academic: Person, council: Organisation
) -> None:
    client = client_for(academic)
    assert council.name_en not in client.get("/agenda/ask/").content.decode()
    response = client.post("/agenda/ask/", form(submit="1", organisation=str(council.pk)))
    assert response.status_code == 302
    assert Question.objects.get().organisation != council  # it went on their own agenda
    with pytest.raises(services.AgendaError, match="cannot raise questions"):
        make_question(academic, organisation=council)

    council.partners_may_ask = True
    council.save()
    page = client.get(f"/agenda/ask/?organisation={council.pk}").content.decode()
    assert "Whose research agenda your question goes on" in page
    assert f'name="organisation" value="{council.pk}"' in page
    data = form(submit="1", organisation=str(council.pk), submission_key="key-2")
    question = Question.objects.get(pk=client.post("/agenda/ask/", data).url.split("/")[-2])
    assert question.organisation == council and question.author == academic
    assert question.team is None
