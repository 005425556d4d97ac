"""The foundation as a person meets it in a real browser, in English and Welsh: sign in,
switch language, invite someone, accept the invitation; axe-core checks every page visited."""

import re
from typing import Any

import pytest
from django.core import mail

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.organisations.models import Organisation, Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_signs_in_and_switches_to_welsh(
    page: Any, live_server: Any, social_worker: Person
) -> None:
    page.goto(live_server.url + "/auth/login/")
    assert_accessible(page)
    page.fill("input[name=login]", social_worker.email)
    page.fill("input[name=password]", "not-my-password")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)

    sign_in(page, live_server.url, social_worker.email, PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    assert_accessible(page)

    page.goto(live_server.url + "/account/")
    page.get_by_role("button", name="Cymraeg").click()
    assert page.url == live_server.url + "/account/"
    assert page.locator("html").get_attribute("lang") == "cy"
    assert_accessible(page)
    social_worker.refresh_from_db()
    assert social_worker.language == "cy"


def test_an_administrator_invites_someone_who_accepts(
    page: Any, browser: Any, live_server: Any, admin: Person, council: Organisation, team: Team
) -> None:
    sign_in(page, live_server.url, admin.email, PASSWORD)
    page.goto(live_server.url + "/manage/people/")
    assert_accessible(page)
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Full name").fill("Nia Powell")
    page.get_by_label("Organisation").select_option(str(council.pk))
    page.get_by_label("Team").select_option(str(team.pk))
    page.get_by_label("Research champion").check()
    page.get_by_role("button", name="Send invitation").click()
    assert "Invitation sent" in page.content()
    assert_accessible(page)

    link = re.search(r"http://\S+(/invitation/\S+/)", mail.outbox[-1].body)
    assert link
    newcomer = browser.new_context(bypass_csp=True).new_page()
    newcomer.goto(live_server.url + link.group(1))
    assert_accessible(newcomer)
    newcomer.get_by_label("Create a password").fill("short")
    newcomer.get_by_role("button", name="Create your account").click()
    assert newcomer.locator(".govuk-error-summary").is_visible()
    assert newcomer.get_by_label("Full name").input_value() == "Nia Powell"
    assert_accessible(newcomer)
    newcomer.get_by_label("Create a password").fill("a-long-and-good-passphrase")
    newcomer.get_by_role("button", name="Create your account").click()
    assert "Hello, Nia" in newcomer.content()
    assert "Research champion" in newcomer.content()
    newcomer.context.close()


PAGES_FOR_EVERYONE = [
    "/",
    "/account/",
    "/areas/learning/",
    "/briefs/",
    "/accessibility/",
    "/privacy/",
    "/auth/password/change/",
    "/auth/2fa/",
    "/auth/sessions/",
    "/no-such-page/",
    "/manage/people/",
]
PAGES_FOR_ADMINISTRATORS = [
    "/manage/people/",
    "/manage/people/invite/",
    "/manage/organisations/",
    "/manage/organisations/add/",
    "/manage/topics/",
    "/manage/topics/add/",
    "/manage/priorities/",
    "/manage/priorities/add/",
    "/manage/audit/",
    "/manage/jobs/",
    "/manage/mail/",
]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_page_is_accessible(
    page: Any,
    live_server: Any,
    social_worker: Person,
    admin: Person,
    council: Organisation,
    language: str,
) -> None:
    for person, paths in ((social_worker, PAGES_FOR_EVERYONE), (admin, PAGES_FOR_ADMINISTRATORS)):
        Person.objects.filter(pk=person.pk).update(language=language)
        page.context.clear_cookies()
        sign_in(page, live_server.url, person.email, PASSWORD)
        extra = (
            [f"/manage/people/{social_worker.pk}/", f"/manage/organisations/{council.pk}/"]
            if person == admin
            else []
        )
        for path in paths + extra:
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == language, path
            assert_accessible(page)
