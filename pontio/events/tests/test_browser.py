"""Events as people meet them, in English and in Welsh: a broker turns an accepted request for
an expert into a roundtable, a social worker signs up, the broker records who came, and is
asked before cancelling another event; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.events.models import Attendance, Event, State
from pontio.people.models import ExpertRequest

from .conftest import make_event, start_in_the_past

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_request_becomes_an_event_people_sign_up_to(
    page: Any,
    live_server: Any,
    accepted_request: ExpertRequest,
    broker: Person,
    social_worker: Person,
    language: str,
) -> None:
    Person.objects.update(language=language)
    base = live_server.url

    sign_in(page, base, broker.email, PASSWORD)
    page.goto(f"{base}/experts/requests/{accepted_request.pk}/")
    page.locator(f"main a[href='/events/new/?request={accepted_request.pk}']").click()
    assert_accessible(page)
    page.fill("#id_starts_at", "2030-05-07T14:00")
    page.fill("#id_ends_at", "2030-05-07T15:30")
    page.fill("#id_place", "Room 3, County Hall")
    page.locator("main button[type=submit]").first.click()
    event = Event.objects.get()
    assert event.expert_request == accepted_request
    assert page.url.endswith(f"/events/{event.pk}/")
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/events/")
    assert_accessible(page)
    page.locator(f"main a[href='/events/{event.pk}/']").click()
    page.locator(f"main form[action='/events/{event.pk}/attend/'] button").click()
    assert Attendance.objects.filter(person=social_worker).exists()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, broker.email, PASSWORD)
    start_in_the_past(event)
    page.goto(f"{base}/events/{event.pk}/record/")
    assert_accessible(page)
    page.check(f"input[name=came][value='{social_worker.pk}']")
    page.fill("#id_notes_en", "Kinship carers want a named worker.")
    page.locator("main button[type=submit]").first.click()
    assert Event.objects.get(pk=event.pk).state == State.HELD
    assert Attendance.objects.get(person=social_worker).attended is True

    another = make_event(broker, title_en="Journal club", kind="journal_club")
    page.goto(f"{base}/events/{another.pk}/cancel/")
    assert_accessible(page)
    assert Event.objects.get(pk=another.pk).state == State.PLANNED  # only asked so far
    page.fill("#id_reason", "The expert is unwell")
    page.locator("main button[type=submit]").first.click()
    assert Event.objects.get(pk=another.pk).state == State.CANCELLED
    assert_accessible(page)
