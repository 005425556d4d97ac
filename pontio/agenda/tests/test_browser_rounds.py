"""A prioritisation round as people meet it, in English and in Welsh: a social worker picks and
orders questions, the round closes, the steering group reads the results; axe-core checks each
page, the form to open a round included."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.models import Ballot, Round
from pontio.agenda.tests.test_rounds import close, make_round, make_shortlist
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_round_is_voted_in_and_its_results_read(
    page: Any,
    live_server: Any,
    social_worker: Person,
    steering_member: Person,
    language: str,
) -> None:
    Person.objects.filter(pk__in=[social_worker.pk, steering_member.pk]).update(language=language)
    round = make_round(steering_member, make_shortlist(social_worker))
    base = live_server.url

    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/agenda/rounds/")
    assert_accessible(page)
    page.goto(f"{base}/agenda/rounds/{round.pk}/ballot/")
    assert_accessible(page)
    page.locator("main input[type=checkbox]").nth(0).check()
    page.locator("main input[type=checkbox]").nth(1).check()
    page.locator("main button[type=submit]").first.click()
    assert "/ballot/order/" in page.url
    assert_accessible(page)
    selects = page.locator("main select")
    selects.nth(0).select_option("2")
    selects.nth(1).select_option("1")
    page.locator("main button[type=submit]").first.click()
    assert Ballot.objects.get(round=round, voter=social_worker).choices.count() == 2
    assert_accessible(page)

    close(Round.objects.get(pk=round.pk))
    page.context.clear_cookies()
    sign_in(page, base, steering_member.email, PASSWORD)
    page.goto(f"{base}/agenda/rounds/{round.pk}/results/")
    assert_accessible(page)
    page.goto(f"{base}/agenda/rounds/open/")
    assert_accessible(page)
