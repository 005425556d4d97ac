"""The expert directory as people meet it, in English and in Welsh: an academic fills in and
publishes a profile, a social worker finds them and asks for a briefing, a broker passes it on
and the academic accepts with times; a researcher claims the draft their ORCID iD points to and
publishes it; axe-core checks each page."""

from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.people.models import ExpertRequest, Profile, RequestState
from pontio.people.tests.test_claim import ORCID, ORCID_APP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_profile_is_published_found_and_asked(
    page: Any,
    live_server: Any,
    academic: Person,
    social_worker: Person,
    broker: Person,
    language: str,
) -> None:
    Person.objects.update(language=language)
    base = live_server.url

    sign_in(page, base, academic.email, PASSWORD)
    page.goto(f"{base}/experts/me/")
    assert_accessible(page)
    page.fill("#id_interests_en", "Kinship care and placement stability.")
    page.select_option("#id_visibility", "partnership")
    page.locator("main button[type=submit]").first.click()
    profile = Profile.objects.get(person=academic)
    assert profile.interests_en == "Kinship care and placement stability."
    assert_accessible(page)
    page.locator("main form[action$='/state/'] button").click()
    assert Profile.objects.get(pk=profile.pk).state == "published"

    page.context.clear_cookies()
    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/experts/")
    assert_accessible(page)
    page.goto(f"{base}/experts/{profile.pk}/")
    assert_accessible(page)
    page.goto(f"{base}/experts/{profile.pk}/ask/")
    assert_accessible(page)
    page.check("#id_kind_0")
    page.fill("#id_about", "What helps kinship carers?")
    page.locator("main button[type=submit]").first.click()
    request = ExpertRequest.objects.get()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, broker.email, PASSWORD)
    page.goto(f"{base}/experts/requests/{request.pk}/")
    assert_accessible(page)
    page.locator("main form button").first.click()
    assert ExpertRequest.objects.get().state == RequestState.APPROACHED

    page.context.clear_cookies()
    sign_in(page, base, academic.email, PASSWORD)
    page.goto(f"{base}/experts/requests/{request.pk}/")
    assert_accessible(page)
    page.check("#id_answer_0")
    page.fill("#id_times", "Tuesday 10:00")
    page.locator("main form button").first.click()
    assert ExpertRequest.objects.get().state == RequestState.ACCEPTED


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_researcher_claims_their_draft_with_orcid_and_publishes_it(
    page: Any,
    live_server: Any,
    academic: Person,
    social_worker: Person,
    settings: Any,
    language: str,
) -> None:
    settings.SOCIALACCOUNT_PROVIDERS = ORCID_APP
    Person.objects.update(language=language)
    draft = Profile.objects.create(name="Mair Thomas", orcid=ORCID, visibility="partnership")
    # Connected through ORCID's sign-in (tested end to end in test_claim.py).
    SocialAccount.objects.create(user=academic, provider="orcid", uid=ORCID)
    base = live_server.url

    sign_in(page, base, academic.email, PASSWORD)
    page.goto(f"{base}/experts/me/")
    assert_accessible(page)
    page.locator(f"main form[action='/experts/drafts/{draft.pk}/claim/'] button").click()
    assert Profile.objects.get(pk=draft.pk).person == academic
    assert_accessible(page)
    page.goto(f"{base}/experts/{draft.pk}/")
    page.locator("main form[action$='/state/'] button").click()
    assert Profile.objects.get(pk=draft.pk).state == "published"

    page.context.clear_cookies()
    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/experts/{draft.pk}/")
    assert_accessible(page)
    assert page.locator("h1").inner_text().startswith("Mair Thomas")
