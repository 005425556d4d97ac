"""The steering group's part as people meet it, in English and in Welsh: after a round closes
the final workshop records the agreed order, then a meeting is planned, a question put on its
agenda, a decision taken and an action agreed; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.agenda.models import AgreedPlace, Decision, FollowUp, Meeting, Question, State
from pontio.agenda.tests.test_rounds import close, make_round, make_shortlist
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.organisations.models import AgendaSharing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_workshop_and_a_meeting(
    page: Any,
    live_server: Any,
    social_worker: Person,
    steering_member: Person,
    language: str,
) -> None:
    Person.objects.filter(pk=steering_member.pk).update(language=language)
    round = make_round(steering_member, make_shortlist(social_worker))
    close(round)
    base = live_server.url
    sign_in(page, base, steering_member.email, PASSWORD)

    page.goto(f"{base}/agenda/rounds/{round.pk}/workshop/")
    assert_accessible(page)
    page.locator("main button[type=submit]").first.click()
    assert f"/rounds/{round.pk}/results/" in page.url
    assert AgreedPlace.objects.filter(round=round).count() == 3
    assert_accessible(page)

    page.goto(f"{base}/agenda/steering/")
    assert_accessible(page)
    page.goto(f"{base}/agenda/steering/new/")
    page.fill("#id_title_en", "Steering group, January")
    page.fill("#id_starts_at", "2027-01-10T10:00")
    page.locator("main button[type=submit]").first.click()
    meeting = Meeting.objects.get()
    assert page.url.endswith(f"/agenda/steering/{meeting.pk}/")
    assert_accessible(page)

    page.goto(f"{base}/agenda/steering/{meeting.pk}/items/add/")
    assert_accessible(page)
    question = Question.objects.filter(state=State.PRIORITISED).order_by("pk").first()
    assert question is not None
    page.select_option("#id_question", str(question.pk))
    page.locator("main button[type=submit]").first.click()
    assert meeting.items.count() == 1

    page.goto(f"{base}/agenda/steering/{meeting.pk}/decide/")
    assert_accessible(page)
    page.check("#id_outcome_0")  # commission
    page.fill("#id_commissions", "A rapid evidence review")
    page.locator("main button[type=submit]").first.click()
    assert Decision.objects.get().outcome == "commission"
    assert Question.objects.get(pk=question.pk).state == State.COMMISSIONED

    page.goto(f"{base}/agenda/steering/{meeting.pk}/actions/add/")
    assert_accessible(page)
    page.fill("#id_text", "Write to the university")
    page.select_option("#id_owner", str(steering_member.pk))
    page.fill("#id_due_on", "2027-02-01")
    page.locator("main button[type=submit]").first.click()
    assert FollowUp.objects.get().owner == steering_member
    assert_accessible(page)

    # The organisation shares its agenda with everyone: anyone can read it without signing in.
    organisation = meeting.organisation
    organisation.agenda_sharing = AgendaSharing.PUBLIC
    organisation.save()
    page.context.clear_cookies()
    page.goto(f"{base}/agenda/organisations/{organisation.pk}/")
    assert "/auth/login" not in page.url
    assert page.locator(f"#question-{question.pk}").count() == 1
    assert_accessible(page)
