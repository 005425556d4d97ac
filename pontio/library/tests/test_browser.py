"""The library as a person meets it, in English and in Welsh: import a file and read the
report, search, open a record, put it on the team shelf with a note; axe-core checks each page."""

from pathlib import Path
from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.browser import assert_accessible, sign_in
from pontio.conftest import PASSWORD
from pontio.library.models import Collection, CollectionItem, DuplicateCandidate, Record
from pontio.library.tests.helpers import RIS, make_record
from pontio.organisations.models import Organisation, Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_broker_imports_searches_and_shelves(
    page: Any, live_server: Any, broker: Person, team: Team, tmp_path: Path, language: str
) -> None:
    Person.objects.filter(pk=broker.pk).update(language=language)
    sign_in(page, live_server.url, broker.email, PASSWORD)
    page.goto(live_server.url + "/library/import/")
    assert_accessible(page)
    ris = tmp_path / "zotero.ris"
    ris.write_text(RIS, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(ris))
    page.locator("main button[type=submit]").click()
    page.wait_for_selector(".govuk-panel--confirmation", timeout=20_000)
    assert_accessible(page)
    assert Record.objects.count() == 2

    page.goto(live_server.url + "/library/?q=kids+struggling+in+class")
    first = page.locator(".pontio-result").first
    assert "Educational outcomes" in first.locator("h3").inner_text()
    assert first.locator(".pontio-result__why").is_visible()  # similar in meaning
    assert_accessible(page)

    page.goto(live_server.url + "/library/?q=looked-after")
    assert page.locator("mark").count() >= 1
    assert_accessible(page)
    page.locator(".pontio-result h3 a").first.click()
    assert page.locator("h1").inner_text().startswith("Educational outcomes")
    assert_accessible(page)
    page.locator("#note-" + str(Record.objects.get(doi="10.1111/cfs.12345").pk)).first.fill(
        "To discuss at the team meeting on 4 March"
    )
    page.locator("main .govuk-grid-column-one-third form button[type=submit]").click()
    assert CollectionItem.objects.get().note == "To discuss at the team meeting on 4 March"
    shelf = Collection.objects.get(team=team)
    page.goto(f"{live_server.url}/library/collections/{shelf.pk}/")
    assert "4 March" in page.content()
    assert_accessible(page)


def test_library_pages_are_accessible(
    page: Any, live_server: Any, broker: Person, council: Organisation
) -> None:
    first = make_record(broker, council, "Kinship care in Wales", year=2019)
    second = make_record(broker, council, "Kinship care in Wales", year=2020)
    pair = DuplicateCandidate.objects.create(
        record=first, other=second, score=0.8, reason="same title; year differs"
    )
    sign_in(page, live_server.url, broker.email, PASSWORD)
    for path in [
        "/library/",
        "/library/?q=zzyzx",
        "/library/add/",
        "/library/add/doi/",
        "/library/add/by-hand/",
        f"/library/records/{first.pk}/edit/",
        "/library/collections/",
        "/library/collections/add/",
        "/library/duplicates/",
        f"/library/duplicates/{pair.pk}/",
        f"/library/records/{first.pk}/files/add/",
        "/account/api-tokens/",
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page)
