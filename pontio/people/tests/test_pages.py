"""The directory's pages: finding experts, profiles seen as their owner chose, the owner's
edit / publish / hide / delete (asked first), publications picked from the library, and the
brokers' draft profiles; every page with someone refused."""

from typing import Any

import pytest
from django.urls import URLResolver, get_resolver

from pontio.accounts.models import Person
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.people.models import Profile

PROFILE_PAGES = [
    "/experts/{pk}/",
    "/experts/{pk}/edit/",
    "/experts/{pk}/state/",
    "/experts/{pk}/works/",
    "/experts/{pk}/ask/",
]
OTHER = [
    "/experts/",  # below
    "/experts/me/",  # below
    "/experts/questions/{pk}/",  # test_matching_pages
    "/experts/projects/{pk}/",  # test_matching_pages
    "/experts/gaps/",  # test_matching_pages
    "/experts/drafts/",  # below
    "/experts/drafts/{pk}/assign/",  # below
    "/experts/drafts/{pk}/claim/",  # test_claim
    "/experts/requests/",  # test_requests
    "/experts/requests/{pk}/",  # test_requests
]


def _routes() -> set[str]:
    resolver = next(
        r
        for r in get_resolver().url_patterns
        if isinstance(r, URLResolver) and getattr(r, "namespace", "") == "people"
    )
    return {"/experts/" + str(p.pattern).replace("<int:pk>", "{pk}") for p in resolver.url_patterns}


def test_every_page_is_covered_here() -> None:
    assert _routes() == set(PROFILE_PAGES + OTHER)


@pytest.fixture
def profile(academic: Person, university: Organisation) -> Profile:
    return Profile.objects.create(
        person=academic,
        name="Mair Thomas",
        organisation=university,
        interests_en="Kinship care",
        state="published",
        visibility="organisation",
    )


def test_a_person_makes_publishes_hides_and_deletes_their_profile(
    client_for: Any, social_worker: Person, champion: Person, council: Organisation
) -> None:
    client = client_for(social_worker)
    response = client.get("/experts/me/")
    mine = Profile.objects.get(person=social_worker)
    assert response.url == f"/experts/{mine.pk}/edit/" and mine.state == "draft"
    data = {"name": "", "visibility": "organisation", "interests_en": "Pre-birth work"}
    refused = client.post(f"/experts/{mine.pk}/edit/", data).content.decode()
    assert "govuk-error-summary" in refused and "Pre-birth work" in refused
    client.post(f"/experts/{mine.pk}/edit/", {**data, "name": "Siân Morgan", "welsh_speaker": "on"})
    mine.refresh_from_db()
    assert mine.interests_en == "Pre-birth work" and mine.welsh_speaker
    assert client_for(champion).get(f"/experts/{mine.pk}/").status_code == 404  # a draft
    client_for(social_worker).post(f"/experts/{mine.pk}/state/", {"action": "publish"})
    assert client_for(champion).get(f"/experts/{mine.pk}/").status_code == 200
    assert "Siân Morgan" in client_for(champion).get("/experts/").content.decode()
    client_for(social_worker).post(f"/experts/{mine.pk}/state/", {"action": "hide"})
    assert client_for(champion).get(f"/experts/{mine.pk}/").status_code == 404
    client = client_for(social_worker)
    assert "Delete your profile?" in client.get(f"/experts/{mine.pk}/state/").content.decode()
    record = make_record(social_worker, council, "Pre-birth assessment in practice")
    mine.works.add(record)
    client.post(f"/experts/{mine.pk}/state/", {"action": "delete"})
    assert not Profile.objects.filter(pk=mine.pk).exists()
    assert record.__class__.objects.filter(pk=record.pk).exists()  # the record stays


def test_visibility_is_the_owners_choice(
    client_for: Any, social_worker: Person, profile: Profile, university: Organisation
) -> None:
    assert client_for(social_worker).get(f"/experts/{profile.pk}/").status_code == 404
    Profile.objects.filter(pk=profile.pk).update(visibility="partnership")
    page = client_for(social_worker).get(f"/experts/{profile.pk}/").content.decode()
    assert "Mair Thomas" in page and "Ask for a conversation" in page


def test_only_the_owner_changes_a_profile(
    client_for: Any, social_worker: Person, broker: Person, admin: Person, profile: Profile
) -> None:
    Profile.objects.filter(pk=profile.pk).update(visibility="partnership")
    for person in (social_worker, broker, admin):
        client = client_for(person)
        for page in ("/experts/{pk}/edit/", "/experts/{pk}/state/", "/experts/{pk}/works/"):
            url = page.format(pk=profile.pk)
            assert client.get(url).status_code == 403, (person, url)
            assert client.post(url, {"name": "X", "action": "delete"}).status_code == 403
    profile.refresh_from_db()
    assert profile.name == "Mair Thomas" and profile.state == "published"


def test_publications_are_picked_from_the_library(
    client_for: Any, academic: Person, profile: Profile, university: Organisation
) -> None:
    record = make_record(academic, university, "Kinship care and placement stability")
    client = client_for(academic)
    found = client.get(f"/experts/{profile.pk}/works/?q=kinship").content.decode()
    assert "Kinship care and placement stability" in found
    client.post(f"/experts/{profile.pk}/works/", {"step": "add", "record": record.pk})
    assert list(profile.works.all()) == [record]
    page = client.get(f"/experts/{profile.pk}/").content.decode()
    assert "Kinship care and placement stability" in page


def test_brokers_handle_drafts_and_nobody_else_does(
    client_for: Any, broker: Person, champion: Person, social_worker: Person
) -> None:
    draft = Profile.objects.create(name="Dr Ifan Bowen", state="draft")
    for person in (champion, social_worker):
        client = client_for(person)
        assert client.get("/experts/drafts/").status_code == 403
        assert (
            client.post(
                f"/experts/drafts/{draft.pk}/assign/", {"email": "x@example.org"}
            ).status_code
            == 403
        )
        assert client.get(f"/experts/{draft.pk}/").status_code == 404
    client = client_for(broker)
    assert "Dr Ifan Bowen" in client.get("/experts/drafts/").content.decode()
    missing = client.post(f"/experts/drafts/{draft.pk}/assign/", {"email": "nobody@example.org"})
    assert "Nobody with that email address" in missing.content.decode()
    client.post(f"/experts/drafts/{draft.pk}/assign/", {"email": social_worker.email})
    draft.refresh_from_db()
    assert draft.person == social_worker and draft.state == "draft"
