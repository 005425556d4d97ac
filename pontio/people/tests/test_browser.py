"""The expert directory as people meet it, in English and in Welsh: an academic fills in and
publishes a profile, a social worker finds them and asks for a briefing, a broker passes it on
and the academic accepts with times; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.people.models import ExpertRequest, Profile, RequestState

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
