"""Every page of the briefs app, each with someone refused: drafts, comments and history only
for authors, reviewers and the organisation's brokers; writing only for writers; publishing
only for brokers; and refusing changes nothing."""

from typing import Any

from django.urls import URLResolver, get_resolver

from pontio.accounts.models import Person
from pontio.briefs import services
from pontio.briefs.models import Brief, Comment, State
from pontio.briefs.tests.helpers import make_brief, publish
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation

# Every page about one brief, by who may use it.
DRAFT_PAGES = [
    "/briefs/{pk}/",
    "/briefs/{pk}/brief.pdf",
    "/briefs/{pk}/brief.docx",
    "/briefs/{pk}/team-pack.pdf",
    "/briefs/{pk}/comments/",
    "/briefs/{pk}/history/",
]
AUTHORING = [
    "/briefs/{pk}/edit/",
    "/briefs/{pk}/autosave/",
    "/briefs/{pk}/cite/",
    "/briefs/{pk}/images/",
    "/briefs/{pk}/review/",
]
REVIEWING = ["/briefs/{pk}/review/decide/"]
PUBLISHING = ["/briefs/{pk}/publish/", "/briefs/{pk}/withdraw/", "/briefs/{pk}/new-version/"]
READING = ["/briefs/{pk}/read/", "/briefs/{pk}/feedback/"]
# Pages about other things (their refusals are in the tests named beside them).
OTHER = [
    "/briefs/",  # test_reading
    "/briefs/new/",  # test_writing
    "/briefs/references/{pk}/remove/",  # below
    "/briefs/images/{pk}/",  # test_writing
    "/briefs/comments/{pk}/resolve/",  # test_workflow
    "/briefs/glossary/",  # test_glossary
    "/briefs/glossary/{pk}/delete/",  # test_glossary
]
PAYLOAD = {"title_en": "Hijacked", "revision": "1", "text": "x", "reason": "x", "useful": "yes"}


def _routes() -> set[str]:
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and getattr(r, "namespace", "") == "briefs"
    )
    return {"/briefs/" + str(p.pattern).replace("<int:pk>", "{pk}") for p in resolver.url_patterns}


def test_every_page_is_covered_here() -> None:
    pages = DRAFT_PAGES + AUTHORING + REVIEWING + PUBLISHING + READING + OTHER
    assert _routes() == set(pages)


def test_a_draft_is_refused_to_everyone_but_its_people(
    client_for: Any,
    champion: Person,
    social_worker: Person,
    steering_member: Person,
    admin: Person,
    academic: Person,
) -> None:
    brief = make_brief(champion)
    Comment.objects.create(brief=brief, author=champion, text="Private note")
    for person in (social_worker, steering_member, admin, academic):
        client = client_for(person)
        for page in DRAFT_PAGES + AUTHORING + REVIEWING + PUBLISHING + READING:
            url = page.format(pk=brief.pk)
            assert client.get(url).status_code in (404, 405), (person, url)
            assert client.post(url, PAYLOAD).status_code == 404, (person, url)
    brief.refresh_from_db()
    assert brief.title_en == "What embedded researchers do" and brief.state == State.DRAFT
    assert Comment.objects.count() == 1 and not brief.reads.exists()


def test_readers_of_a_published_brief_do_not_edit_review_or_publish(
    client_for: Any,
    champion: Person,
    social_worker: Person,
    academic: Person,
    broker: Person,
    council: Organisation,
) -> None:
    draft = make_brief(champion)
    record = make_record(champion, council, "Embedded researchers in social work teams")
    citation = services.citation_add(person=champion, brief=draft, record=record)
    brief = publish(draft, champion, academic, broker)
    client = client_for(social_worker)
    for page in ["/briefs/{pk}/comments/", "/briefs/{pk}/history/"]:
        assert client.get(page.format(pk=brief.pk)).status_code == 403, page
    for page in AUTHORING + REVIEWING + PUBLISHING:
        url = page.format(pk=brief.pk)
        assert client.post(url, PAYLOAD).status_code == 403, url
    assert client.post(f"/briefs/references/{citation.pk}/remove/").status_code == 403
    assert brief.citations.count() == 1
    assert Brief.objects.get(pk=brief.pk).state == State.PUBLISHED
    assert Brief.objects.count() == 1


def test_the_page_and_the_api_agree_on_who_reads_a_brief(
    client_for: Any,
    champion: Person,
    academic: Person,
    broker: Person,
    social_worker: Person,
    university: Organisation,
) -> None:
    """A published brief for its organisation only, written with an academic of another
    organisation: its authors, reviewer and brokers see it on both, an outsider on neither."""
    from django.test import Client

    from pontio.accounts.models import Role
    from pontio.briefs.tests.test_api import bearer
    from pontio.conftest import make_person
    from pontio.library.models import Visibility

    reviewer = make_person(
        "rhys@example.org", "Rhys Owen", organisation=university, roles=(Role.ACADEMIC,)
    )
    outsider = make_person("osian@example.org", "Osian Hughes", organisation=university)
    draft = make_brief(champion)
    draft.authors.add(academic)
    brief = publish(draft, champion, reviewer, broker)
    assert brief.visibility == Visibility.ORGANISATION
    unpublished = make_brief(champion, title="Still a draft")

    def statuses(person: Person, pk: int) -> tuple[int, int]:
        page = client_for(person).get(f"/briefs/{pk}/").status_code
        api = Client().get(f"/api/v1/briefs/{pk}", **bearer(person)).status_code
        return page, api

    for person in (champion, academic, reviewer, broker, social_worker):
        assert statuses(person, brief.pk) == (200, 200), person
    assert statuses(outsider, brief.pk) == (404, 404)
    for person in (social_worker, academic, outsider):
        assert statuses(person, unpublished.pk) == (404, 404), person
    assert statuses(broker, unpublished.pk) == (200, 200)
