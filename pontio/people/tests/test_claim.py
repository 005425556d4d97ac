"""A person claims an imported draft profile themselves, proved by the ORCID iD they connected:
the service's rules, each with someone refused; the pages; the allauth connect flow with ORCID's
HTTP mocked; and ORCID never signing anyone in, or making an account, by email."""

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.contrib.messages import get_messages

from pontio.accounts.models import Person, Role
from pontio.accounts.services import person_invite
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation, Team
from pontio.people.models import Profile, ProfileState
from pontio.people.selectors import drafts_for
from pontio.people.services import PeopleError, profile_claim, profile_publish

ORCID = "0000-0002-9341-7985"
RECORDINGS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "api-responses"
RECORDED_PERSON = RECORDINGS / f"orcid_v3_{ORCID}_person.json"
ORCID_APP = {
    "orcid": {
        "APPS": [
            {
                "client_id": "APP-PONTIOTEST",
                "secret": "not-a-secret",
                "settings": {"email_authentication": False, "verified_email": False},
            }
        ]
    }
}


@pytest.fixture
def draft(university: Organisation) -> Profile:
    """An unclaimed draft with an ORCID iD, as an institution import makes them."""
    return Profile.objects.create(
        name="Peter Binfield",
        organisation=university,
        orcid=ORCID,
        visibility=Visibility.PARTNERSHIP,
    )


def connect(person: Person, orcid: str = ORCID) -> SocialAccount:
    return SocialAccount.objects.create(user=person, provider="orcid", uid=orcid)


def shown(person: Person, profile: Profile) -> bool:
    return Profile.objects.visible_to(person).filter(pk=profile.pk).exists()


def message_texts(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# The service


def test_it_lets_the_person_with_the_orcid_claim_the_draft_then_publish_it(
    academic: Person, social_worker: Person, draft: Profile
) -> None:
    connect(academic)
    assert list(drafts_for(academic)) == [draft]
    claimed = profile_claim(person=academic, profile=draft)
    assert claimed.person == academic and claimed.state == ProfileState.DRAFT
    assert not shown(social_worker, claimed)  # a draft until its owner publishes it
    assert list(drafts_for(academic)) == []
    assert claimed.history.latest().history_user == academic  # type: ignore[attr-defined]
    profile_publish(person=academic, profile=claimed)
    assert shown(social_worker, claimed)


def test_it_refuses_someone_who_has_not_connected_that_orcid(
    academic: Person, social_worker: Person, draft: Profile
) -> None:
    with pytest.raises(PeopleError, match="not one you have connected"):
        profile_claim(person=academic, profile=draft)
    connect(social_worker, "0000-0001-5000-0007")  # someone else's iD
    assert list(drafts_for(social_worker)) == []
    with pytest.raises(PeopleError, match="not one you have connected"):
        profile_claim(person=social_worker, profile=draft)
    draft.refresh_from_db()
    assert draft.person is None


def test_it_refuses_a_profile_that_already_belongs_to_someone(
    academic: Person, social_worker: Person, draft: Profile
) -> None:
    draft.person = social_worker
    draft.save()
    connect(academic)
    with pytest.raises(PeopleError, match="already belongs to someone"):
        profile_claim(person=academic, profile=draft)
    draft.refresh_from_db()
    assert draft.person == social_worker


def test_it_refuses_someone_who_already_has_a_profile(
    academic: Person, university: Organisation, draft: Profile
) -> None:
    Profile.objects.create(person=academic, name="Mair Thomas", organisation=university)
    connect(academic)
    with pytest.raises(PeopleError, match="You already have a profile"):
        profile_claim(person=academic, profile=draft)
    draft.refresh_from_db()
    assert draft.person is None


def test_it_refuses_a_draft_without_an_orcid(academic: Person, university: Organisation) -> None:
    no_orcid = Profile.objects.create(name="Mair Thomas", organisation=university)
    connect(academic)
    connect(academic, "")  # even a connected account with an empty uid proves nothing
    assert list(drafts_for(academic)) == []
    with pytest.raises(PeopleError, match="has no ORCID iD"):
        profile_claim(person=academic, profile=no_orcid)
    no_orcid.refresh_from_db()
    assert no_orcid.person is None


# The pages


def test_the_own_profile_page_offers_to_connect_orcid_when_it_is_configured(
    client_for: Any, academic: Person, settings: Any
) -> None:
    client = client_for(academic)
    assert client.get("/experts/me/").status_code == 302  # no ORCID: straight to a new profile
    Profile.objects.filter(person=academic).delete()
    settings.SOCIALACCOUNT_PROVIDERS = ORCID_APP
    page = client.get("/experts/me/").content.decode()
    assert 'action="/auth/orcid/login/?process=connect&amp;next=%2Fexperts%2Fme%2F"' in page
    assert not Profile.objects.filter(person=academic).exists()  # nothing made yet
    started = client.post("/experts/me/")
    assert started.url == f"/experts/{Profile.objects.get(person=academic).pk}/edit/"
    mine = Profile.objects.get(person=academic)
    assert "Connect your ORCID iD" in client.get(f"/experts/{mine.pk}/").content.decode()


def test_a_person_claims_their_draft_from_their_own_profile_page(
    client_for: Any, academic: Person, social_worker: Person, council: Organisation, draft: Profile
) -> None:
    draft.works.add(make_record(social_worker, council, "Open access in practice"))
    connect(academic)
    client = client_for(academic)
    page = client.get("/experts/me/").content.decode()
    assert "Peter Binfield" in page and "Caerwen University" in page and "1 publication" in page
    assert f'action="/experts/drafts/{draft.pk}/claim/"' in page
    response = client.post(f"/experts/drafts/{draft.pk}/claim/")
    assert response.url == f"/experts/{draft.pk}/edit/"
    assert "The profile is yours now" in message_texts(response)[0]
    draft.refresh_from_db()
    assert draft.person == academic and draft.state == ProfileState.DRAFT
    assert client_for(social_worker).get(f"/experts/{draft.pk}/").status_code == 404


def test_the_claim_page_refuses_a_draft_that_is_not_theirs(
    client_for: Any, social_worker: Person, draft: Profile
) -> None:
    connect(social_worker, "0000-0001-5000-0007")
    client = client_for(social_worker)
    assert "Peter Binfield" not in client.get("/experts/me/").content.decode()
    assert client.post(f"/experts/drafts/{draft.pk}/claim/").status_code == 404
    draft.refresh_from_db()
    assert draft.person is None and draft.state == ProfileState.DRAFT
    assert client.post("/experts/drafts/999999/claim/").status_code == 404


def test_the_claim_page_takes_only_a_post_from_someone_signed_in(
    client: Any, client_for: Any, academic: Person, draft: Profile
) -> None:
    connect(academic)
    response = client.post(f"/experts/drafts/{draft.pk}/claim/")
    assert response.status_code == 302 and response.url.startswith("/auth/login/")
    assert client_for(academic).get(f"/experts/drafts/{draft.pk}/claim/").status_code == 405
    draft.refresh_from_db()
    assert draft.person is None


# The allauth flow, with ORCID's HTTP mocked


def orcid_record(email: str = "") -> dict[str, Any]:
    """ORCID's /v3.0/{iD}/record: the recorded real response for the person part (the real
    record of 0000-0002-9341-7985, which lists no email), under "person", with the
    "orcid-identifier" that allauth reads the iD from."""
    person = json.loads(RECORDED_PERSON.read_text())
    if email:
        person = copy.deepcopy(person)
        person["emails"]["email"] = [
            {"email": email, "verified": True, "primary": True, "visibility": "public"}
        ]
    return {
        "orcid-identifier": {
            "uri": f"https://orcid.org/{ORCID}",
            "path": ORCID,
            "host": "orcid.org",
        },
        "person": person,
    }


def _json(data: dict[str, Any]) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response._content = json.dumps(data).encode()
    response.headers["content-type"] = "application/json;charset=UTF-8"
    return response


@pytest.fixture
def orcid_http(settings: Any) -> Iterator[dict[str, Any]]:
    """ORCID configured, and its token and record endpoints answering as ORCID does."""
    settings.SOCIALACCOUNT_PROVIDERS = ORCID_APP
    answers: dict[str, Any] = {"record": orcid_record(), "calls": []}

    def request(self: Any, method: str, url: str, **kwargs: Any) -> requests.Response:
        answers["calls"].append((method, url))
        if (method, url) == ("POST", "https://pub.orcid.org/oauth/token"):
            assert kwargs["data"]["code"] == "the-code"
            return _json(
                {
                    "access_token": "an-access-token",
                    "token_type": "bearer",
                    "refresh_token": "a-refresh-token",
                    "expires_in": 631138518,
                    "scope": "/authenticate",
                    "name": "Peter Binfield",
                    "orcid": ORCID,
                }
            )
        if (method, url) == ("GET", f"https://pub.orcid.org/v3.0/{ORCID}/record"):
            return _json(answers["record"])
        raise AssertionError(f"unexpected request to {method} {url}")

    with mock.patch.object(requests.Session, "request", request):
        yield answers


def _through_orcid(client: Any, process: str) -> Any:
    """Start at Pontio, 'sign in at ORCID', and come back to the callback with the state."""
    start = client.post(f"/auth/orcid/login/?process={process}&next=/experts/me/")
    assert start.status_code == 302 and start.url.startswith("https://orcid.org/oauth/authorize")
    state = parse_qs(urlsplit(start.url).query)["state"][0]
    return client.get("/auth/orcid/login/callback/", {"code": "the-code", "state": state})


def test_a_signed_in_person_connects_their_orcid_and_sees_their_draft(
    client_for: Any, academic: Person, draft: Profile, orcid_http: dict[str, Any]
) -> None:
    client = client_for(academic)
    response = _through_orcid(client, "connect")
    assert response.status_code == 302 and response.url == "/experts/me/"
    assert SocialAccount.objects.get(provider="orcid", uid=ORCID).user == academic
    assert [method for method, _ in orcid_http["calls"]] == ["POST", "GET"]
    page = client.get("/experts/me/").content.decode()
    assert f'action="/experts/drafts/{draft.pk}/claim/"' in page
    # Connected, ORCID still does not sign that person in: Pontio's own sign-in does.
    client.logout()
    refused = _through_orcid(client, "login")
    assert refused.url == "/auth/login/" and "_auth_user_id" not in client.session
    assert "does not sign you in" in message_texts(refused)[0]


@pytest.mark.parametrize("whose_email", ["a person's", "an invited person's"])
def test_orcid_never_signs_anyone_in_or_makes_an_account_by_email(
    client: Any,
    academic: Person,
    admin: Person,
    council: Organisation,
    team: Team,
    orcid_http: dict[str, Any],
    settings: Any,
    whose_email: str,
) -> None:
    email = academic.email
    if whose_email == "an invited person's":
        email = "nia@example.org"
        person_invite(
            actor=admin,
            email=email,
            name="Nia Powell",
            organisation=council,
            team=team,
            roles=[Role.ACADEMIC],
            language="en",
        )
    # Even if ORCID's addresses were trusted as verified, they must not open an account.
    settings.SOCIALACCOUNT_PROVIDERS = {
        "orcid": {"APPS": [{**ORCID_APP["orcid"]["APPS"][0], "settings": {"verified_email": True}}]}
    }
    orcid_http["record"] = orcid_record(email=email)
    people = Person.objects.count()
    _through_orcid(client, "login")
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert Person.objects.count() == people


def test_the_sign_in_page_does_not_offer_orcid(client: Any, settings: Any, db: Any) -> None:
    settings.SOCIALACCOUNT_PROVIDERS = ORCID_APP
    assert "orcid" not in client.get("/auth/login/").content.decode().lower()


def test_a_claim_that_loses_a_race_is_refused_with_a_message(
    academic: Person, draft: Profile, university: Organisation, monkeypatch: Any
) -> None:
    """Two drafts carrying the same iD, claimed at once: the second finds the person already
    has a profile only when it saves; it says so instead of failing."""
    connect(academic)
    Profile.objects.create(person=academic, name=academic.name, organisation=university)
    monkeypatch.setattr("pontio.people.services.has_profile", lambda person: False)
    with pytest.raises(PeopleError, match="already have a profile"):
        profile_claim(person=academic, profile=draft)
    draft.refresh_from_db()
    assert draft.person is None
