"""A brief's main path as people meet it, in English and in Welsh: a research champion writes
it (with a reference found in the library as they type), an academic reviews it, a broker
publishes it and a social worker reads it on a phone; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.briefs.models import Brief, Read, State
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY_MESSAGES = "Researchers help teams.\nThey need protected time.\nManagers' support matters."


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_brief_is_written_reviewed_published_and_read(
    page: Any,
    live_server: Any,
    champion: Person,
    academic: Person,
    broker: Person,
    social_worker: Person,
    council: Organisation,
    language: str,
) -> None:
    Person.objects.update(language=language)
    make_record(champion, council, "Embedded researchers in children's social care")
    base = live_server.url

    sign_in(page, base, champion.email, PASSWORD)
    page.goto(f"{base}/briefs/new/")
    assert_accessible(page)
    page.fill("#id_title_en", "What embedded researchers do")
    page.locator("main button[type=submit]").first.click()
    brief = Brief.objects.get()
    assert page.url.endswith(f"/briefs/{brief.pk}/edit/")
    assert_accessible(page)
    page.fill("#id_title_cy", "Beth mae ymchwilwyr sydd wedi'u lleoli yn ei wneud")
    page.fill("#id_key_messages_en", KEY_MESSAGES)
    page.fill("#id_key_messages_cy", "Maen nhw'n helpu.\nMae angen amser.\nMae rheolwyr yn bwysig.")
    page.fill("#id_question_en", "What helps an embedded researcher make a difference?")
    page.fill("#id_question_cy", "Beth sy'n helpu ymchwilydd sydd wedi'i leoli?")
    page.fill("#id_evidence_en", "Studies found benefits [@1].")
    page.fill("#id_evidence_cy", "Canfu astudiaethau fanteision [@1].")
    # Typing in the search box finds the record without leaving the page.
    page.fill("#cite-q", "embedded")
    page.locator("#cite-results button").first.click()
    page.locator("#references li").first.wait_for()
    assert brief.citations.count() == 1
    page.locator("#brief-form button[name=save]").click()
    brief.refresh_from_db()
    assert brief.key_messages_en == KEY_MESSAGES
    assert_accessible(page)
    page.goto(f"{base}/briefs/{brief.pk}/review/")
    assert_accessible(page)
    page.select_option("#id_reviewer", str(academic.pk))
    page.locator("main button[type=submit]").first.click()
    assert Brief.objects.get(pk=brief.pk).state == State.IN_REVIEW

    page.context.clear_cookies()
    sign_in(page, base, academic.email, PASSWORD)
    page.goto(f"{base}/briefs/{brief.pk}/review/decide/")
    assert_accessible(page)
    page.check("#id_decision_0")
    page.locator("main button[type=submit]").first.click()
    assert Brief.objects.get(pk=brief.pk).state == State.APPROVED

    page.context.clear_cookies()
    sign_in(page, base, broker.email, PASSWORD)
    page.goto(f"{base}/briefs/{brief.pk}/publish/")
    assert_accessible(page)
    page.locator("main button[type=submit]").first.click()
    assert Brief.objects.get(pk=brief.pk).state == State.PUBLISHED

    page.context.clear_cookies()
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/briefs/")
    assert_accessible(page)
    page.goto(f"{base}/briefs/{brief.pk}/")
    assert page.locator(".pontio-key-messages li").count() == 3
    assert_accessible(page)
    page.locator("main form[action$='/read/'] button").click()
    assert Read.objects.filter(brief=brief, person=social_worker).exists()
