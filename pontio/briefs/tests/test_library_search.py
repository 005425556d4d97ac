"""Briefs in the library's search: published briefs the person may read that match their words
are shown above the records, labelled as briefs; drafts and briefs they may not read never."""

from collections.abc import Callable

from django.test import Client

from pontio.accounts.models import Person
from pontio.briefs.models import State
from pontio.briefs.tests.test_api import make_brief
from pontio.library.models import Visibility
from pontio.organisations.models import Organisation


def test_it_shows_a_matching_published_brief_with_its_label(
    client_for: Callable[[Person], Client], social_worker: Person, council: Organisation
) -> None:
    brief = make_brief(
        council,
        "Sibling contact in foster care",
        key_messages_en="Contact keeps siblings close.\nPlan it early.",
    )
    page = client_for(social_worker).get("/library/", {"q": "sibling"}).content.decode()
    assert "Evidence briefs" in page and 'class="govuk-tag govuk-tag--blue">Brief<' in page
    assert f'href="/briefs/{brief.pk}/"' in page and "Sibling contact in foster care" in page
    assert "Contact keeps siblings close." in page and "Plan it early." not in page


def test_it_shows_no_briefs_without_words(
    client_for: Callable[[Person], Client], social_worker: Person, council: Organisation
) -> None:
    make_brief(council, "Sibling contact in foster care")
    page = client_for(social_worker).get("/library/").content.decode()
    assert "Evidence briefs" not in page


def test_it_never_shows_a_draft_or_a_brief_the_person_may_not_read(
    client_for: Callable[[Person], Client],
    broker: Person,
    academic: Person,
    council: Organisation,
) -> None:
    draft = make_brief(council, "Sibling groups draft", state=State.DRAFT, authors=(broker,))
    private = make_brief(council, "Sibling contact", visibility=Visibility.ORGANISATION)
    as_author = client_for(broker).get("/library/", {"q": "sibling"}).content.decode()
    assert f"/briefs/{draft.pk}/" not in as_author and f"/briefs/{private.pk}/" in as_author
    as_academic = client_for(academic).get("/library/", {"q": "sibling"}).content.decode()
    assert "Evidence briefs" not in as_academic and f"/briefs/{private.pk}/" not in as_academic
