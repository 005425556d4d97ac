"""The agenda as people meet it, in English and in Welsh: a social worker asks a question and sees
what is like it first, a colleague supports it, a broker triages it and merges a duplicate, and
the author reads what happened; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.models import Question, State, Support
from pontio.agenda.tests.helpers import make_question
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": (
        "Which support keeps children looked after in the same school?",
        "What helps children looked after stay in the same school when placements change?",
    ),
    "cy": (
        "Pa gymorth sy'n cadw plant sy'n derbyn gofal yn yr un ysgol?",
        "Beth sy'n helpu plant sy'n derbyn gofal i aros yn yr un ysgol pan fydd lleoliad yn newid?",
    ),
}


def _as(page: Any, base_url: str, person: Person) -> None:
    page.context.clear_cookies()
    sign_in(page, base_url, person.email, PASSWORD)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_question_is_asked_supported_and_triaged(
    page: Any,
    live_server: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    language: str,
) -> None:
    Person.objects.filter(pk__in=[social_worker.pk, champion.pk, broker.pk]).update(
        language=language
    )
    existing_text, new_text = WORDS[language]
    existing = make_question(champion, existing_text, language=language)
    base = live_server.url

    _as(page, base, social_worker)
    page.goto(base + "/agenda/")
    assert_accessible(page)
    page.goto(base + "/agenda/ask/")
    assert_accessible(page)
    page.fill("#id_text", new_text)
    page.locator("button[name=check]").click()
    page.wait_for_load_state()
    assert existing_text in page.locator("#similar-questions").inner_text()
    assert_accessible(page)
    page.locator("button[name=submit]").click()
    page.wait_for_load_state()
    question = Question.objects.exclude(pk=existing.pk).get()
    assert getattr(question, f"text_{language}") == new_text
    assert page.url.endswith(f"/agenda/questions/{question.pk}/")
    assert_accessible(page)

    _as(page, base, champion)
    page.goto(f"{base}/agenda/questions/{question.pk}/")
    page.fill("#id_reason", "It happens in my team every month.")
    page.locator(f"form[action='/agenda/questions/{question.pk}/support/'] button").click()
    page.wait_for_load_state()
    assert Support.objects.filter(question=question, person=champion).exists()
    assert_accessible(page)

    _as(page, base, broker)
    page.goto(base + "/agenda/triage/")
    assert_accessible(page)
    page.goto(f"{base}/agenda/questions/{question.pk}/triage/")
    assert_accessible(page)
    page.locator("input[name=state][value=triaged]").check()
    page.locator(f"form[action='/agenda/questions/{question.pk}/triage/move/'] button").click()
    page.wait_for_load_state()
    question.refresh_from_db()
    assert question.state == State.TRIAGED

    page.goto(f"{base}/agenda/questions/{existing.pk}/triage/merge/")
    assert_accessible(page)
    page.locator(f"input[name=into][value='{question.pk}']").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert_accessible(page)  # the page that asks first
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    existing.refresh_from_db()
    assert existing.merged_into == question
    assert page.url.endswith(f"/agenda/questions/{question.pk}/")
    assert_accessible(page)

    _as(page, base, social_worker)
    page.goto(base + "/agenda/notices/")
    assert page.locator(".pontio-result").count() == 1  # it moved on
    assert_accessible(page)
    page.goto(f"{base}/agenda/questions/{existing.pk}/")
    assert_accessible(page)  # the merged question, pointing to the one it joined
