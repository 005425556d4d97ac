"""The register as people meet it, in English and in Welsh: a social worker records their
team's project, a broker adds a deliverable, and colleagues find it in the list and on the
timeline; axe-core checks each page."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.projects.models import Deliverable, Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_project_is_recorded_and_found(
    page: Any,
    live_server: Any,
    social_worker: Person,
    broker: Person,
    champion: Person,
    language: str,
) -> None:
    Person.objects.update(language=language)
    base = live_server.url

    sign_in(page, base, social_worker.email, PASSWORD)
    page.goto(f"{base}/projects/new/")
    assert_accessible(page)
    page.fill("#id_title_en", "Evaluating family group conferences")
    page.select_option("#id_kind", "evaluation")
    page.fill("#id_starts_on", "2027-01-01")
    page.fill("#id_ends_on", "2027-12-31")
    page.locator("main button[type=submit]").first.click()
    project = Project.objects.get()
    assert page.url.endswith(f"/projects/{project.pk}/")
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, broker.email, PASSWORD)
    page.goto(f"{base}/projects/{project.pk}/deliverables/add/")
    assert_accessible(page)
    page.fill("#id_text", "Interim report")
    page.fill("#id_due_on", "2027-06-30")
    page.locator("main button[type=submit]").first.click()
    assert Deliverable.objects.get().project == project

    page.context.clear_cookies()
    sign_in(page, base, champion.email, PASSWORD)
    page.goto(f"{base}/projects/")
    assert page.locator(f"a[href='/projects/{project.pk}/']").count() >= 1
    assert_accessible(page)
    page.goto(f"{base}/projects/timeline/")
    assert_accessible(page)
