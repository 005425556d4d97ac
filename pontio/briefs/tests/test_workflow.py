"""The workflow of a brief: review by someone who did not write it, approval or changes asked
for, publishing only when nothing blocks it (asking first), withdrawing with a reason, new
versions that supersede the old, threaded comments and the history with its diff."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.briefs import services
from pontio.briefs.models import Brief, Comment, State
from pontio.briefs.tests.helpers import make_brief, publish
from pontio.organisations.models import Organisation
from pontio.search.services import keyword_search


def test_review_then_publish_through_the_pages(
    client_for: Any, champion: Person, academic: Person, broker: Person
) -> None:
    brief = make_brief(champion)
    url = f"/briefs/{brief.pk}/"
    # One test client: each client_for(...) signs it in as that person.
    author = client_for(champion)
    assert "Choose a reviewer" in author.post(url + "review/", {}).content.decode()
    author.post(url + "review/", {"reviewer": academic.pk})
    assert Brief.objects.get(pk=brief.pk).state == State.IN_REVIEW
    reviewer = client_for(academic)
    refused = reviewer.post(url + "review/decide/", {"decision": "changes"}).content.decode()
    assert "Say what should change" in refused
    reviewer.post(url + "review/decide/", {"decision": "changes", "note": "Add a reference."})
    assert Brief.objects.get(pk=brief.pk).state == State.CHANGES
    assert Comment.objects.get().text == "Add a reference."
    client_for(champion).post(url + "review/", {"reviewer": academic.pk})
    client_for(academic).post(url + "review/decide/", {"decision": "approve"})
    publisher = client_for(broker)
    confirm = publisher.get(url + "publish/").content.decode()
    assert "Publish this brief?" in confirm and Brief.objects.get(pk=brief.pk).state == "approved"
    assert publisher.post(url + "publish/").status_code == 302
    published = Brief.objects.get(pk=brief.pk)
    assert published.state == State.PUBLISHED and published.published_at is not None
    assert brief.pk in [hit.id for hit in keyword_search("brief", "embedded researcher", limit=5)]


def test_authors_do_not_review_their_own_and_others_do_not_decide(
    champion: Person, broker: Person, academic: Person, social_worker: Person
) -> None:
    brief = make_brief(champion)
    with pytest.raises(services.BriefError, match="not one of the authors"):
        services.review_request(person=champion, brief=brief, reviewer=champion)
    services.review_request(person=champion, brief=brief, reviewer=academic)
    for person in (champion, broker, social_worker):
        with pytest.raises(services.BriefError, match="Only the reviewer"):
            services.review_decide(person=person, brief=brief, approve=True)
    assert Brief.objects.get(pk=brief.pk).state == State.IN_REVIEW


def test_what_blocks_publishing_is_listed_and_nothing_is_published(
    client_for: Any, champion: Person, academic: Person, broker: Person
) -> None:
    brief = make_brief(champion, key_messages_en="Only one message.")
    services.review_request(person=champion, brief=brief, reviewer=academic)
    services.review_decide(person=academic, brief=brief, approve=True)
    page = client_for(broker).get(f"/briefs/{brief.pk}/publish/").content.decode()
    assert "It cannot be published yet" in page and "key messages" in page
    client_for(broker).post(f"/briefs/{brief.pk}/publish/")
    assert Brief.objects.get(pk=brief.pk).state == State.APPROVED
    for person in (champion, academic):
        assert client_for(person).post(f"/briefs/{brief.pk}/publish/").status_code == 403


def test_a_new_version_supersedes_the_old_and_readers_are_shown_it(
    client_for: Any, champion: Person, academic: Person, broker: Person, social_worker: Person
) -> None:
    first = publish(make_brief(champion), champion, academic, broker)
    response = client_for(broker).post(f"/briefs/{first.pk}/new-version/")
    second = Brief.objects.get(supersedes=first)
    assert response.url == f"/briefs/{second.pk}/edit/"
    assert (second.version, second.state, second.key_messages_en) == (
        2,
        State.DRAFT,
        first.key_messages_en,
    )
    assert client_for(social_worker).get(f"/briefs/{second.pk}/").status_code == 404
    publish(second, champion, academic, broker)
    assert Brief.objects.get(pk=first.pk).state == State.SUPERSEDED
    old_page = client_for(social_worker).get(f"/briefs/{first.pk}/").content.decode()
    assert "A newer version of this brief replaces it." in old_page
    assert f'href="/briefs/{second.pk}/"' in old_page
    assert first.pk not in [hit.id for hit in keyword_search("brief", "embedded", limit=5)]


def test_withdrawing_asks_for_a_reason_and_hides_the_brief(
    client_for: Any, champion: Person, academic: Person, broker: Person, social_worker: Person
) -> None:
    brief = publish(make_brief(champion), champion, academic, broker)
    client = client_for(broker)
    assert (
        "Say why the brief is withdrawn"
        in client.post(f"/briefs/{brief.pk}/withdraw/", {}).content.decode()
    )
    client.post(f"/briefs/{brief.pk}/withdraw/", {"reason": "A newer review disagrees."})
    assert Brief.objects.get(pk=brief.pk).state == State.WITHDRAWN
    assert client_for(social_worker).get(f"/briefs/{brief.pk}/").status_code == 404


def test_comments_thread_and_resolve_and_only_draft_readers_see_them(
    client_for: Any, champion: Person, academic: Person, social_worker: Person
) -> None:
    brief = make_brief(champion)
    services.review_request(person=champion, brief=brief, reviewer=academic)
    client_for(academic).post(
        f"/briefs/{brief.pk}/comments/", {"text": "Is the second study Welsh?"}
    )
    thread = Comment.objects.get()
    client_for(champion).post(
        f"/briefs/{brief.pk}/comments/", {"text": "Yes, Cardiff.", "parent": thread.pk}
    )
    assert Comment.objects.get(parent=thread).text == "Yes, Cardiff."
    reviewer = client_for(academic)
    reviewer.post(f"/briefs/comments/{thread.pk}/resolve/", {"resolved": "1"})
    assert Comment.objects.get(pk=thread.pk).resolved_at is not None
    page = reviewer.get(f"/briefs/{brief.pk}/comments/").content.decode()
    assert "Yes, Cardiff." in page and "Resolved" in page
    outsider = client_for(social_worker)
    assert outsider.get(f"/briefs/{brief.pk}/comments/").status_code == 404
    assert outsider.post(f"/briefs/comments/{thread.pk}/resolve/").status_code == 404


def test_the_history_shows_what_changed_between_any_two_saves(
    client_for: Any, champion: Person
) -> None:
    brief = make_brief(champion)
    services.brief_save(
        person=champion,
        brief=brief,
        revision=brief.revision,
        texts={"practice_en": "Plan time for research in supervision."},
    )
    page = client_for(champion).get(f"/briefs/{brief.pk}/history/?a=2&b=3").content.decode()
    assert "What changed from save 2 to save 3" in page
    assert "<del>" in page and "Plan time for research in supervision." in page
    first = client_for(champion).get(f"/briefs/{brief.pk}/history/?a=1&b=3").content.decode()
    assert "What the evidence says" in first


def test_publishing_a_brief_answers_the_agenda_questions_it_names(
    client_for: Any, champion: Person, academic: Person, broker: Person, social_worker: Person
) -> None:
    from pontio.agenda.models import Notice
    from pontio.agenda.models import State as QuestionState
    from pontio.agenda.tests.helpers import make_question

    question = make_question(social_worker, "What helps embedded researchers make a difference?")
    brief = make_brief(champion)
    brief.answers.add(question)
    publish(brief, champion, academic, broker)
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED
    notice = Notice.objects.get(person=social_worker, question=question)
    assert notice.message == "An evidence brief that answers it has been published."
    page = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "The evidence brief that answers it" in page and f"/briefs/{brief.pk}/" in page


def test_a_brief_published_before_its_welsh_is_written_is_english_first(
    champion: Person, academic: Person, broker: Person, council: Organisation
) -> None:
    council.briefs_english_first = True
    council.save()
    draft = make_brief(champion, title="English first", key_messages_cy="")
    assert not draft.english_first  # not published yet
    assert publish(draft, champion, academic, broker).english_first
    whole = publish(make_brief(champion, title="In both"), champion, academic, broker)
    assert not whole.english_first
