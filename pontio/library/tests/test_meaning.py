"""Search by meaning in the library: results that say why they were found, and similar records
on a record's page, never showing a record the reader may not see."""

from typing import Any

from pontio.accounts.models import Person
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation


def test_it_finds_by_meaning_and_says_so(
    client_for: Any,
    social_worker: Person,
    council: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        make_record(social_worker, council, "Educational outcomes of looked-after children")
        make_record(social_worker, council, "Knife crime and county lines")
    body = client_for(social_worker).get("/library/", {"q": "kids doing badly at school"})
    text = body.content.decode()
    assert "Educational outcomes" in text and "Knife crime" not in text
    assert "Similar in meaning: it may not use your words" in text


def test_it_keeps_exact_words_when_quoted(
    client_for: Any,
    social_worker: Person,
    council: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        make_record(social_worker, council, "Educational outcomes of looked-after children")
    text = client_for(social_worker).get("/library/", {"q": '"kids at school"'}).content.decode()
    assert "Educational outcomes" not in text


def test_it_shows_similar_records_the_reader_may_see(
    client_for: Any,
    social_worker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record = make_record(social_worker, council, "Kinship care by grandparents")
        make_record(social_worker, council, "Grandmothers raising their grandchildren")
        make_record(
            academic,
            university,
            "Grandparent carers: an internal draft",
            visibility=Visibility.ORGANISATION,
        )
    page = client_for(social_worker).get(f"/library/records/{record.pk}/").content.decode()
    assert "Similar records" in page
    assert "Grandmothers raising their grandchildren" in page
    assert "internal draft" not in page
    # The academic sees their own organisation's draft among the similar records.
    page = client_for(academic).get(f"/library/records/{record.pk}/").content.decode()
    assert "Grandparent carers: an internal draft" in page


def test_it_says_similar_records_come_once_the_record_is_read(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    record = make_record(social_worker, council, "Kinship care by grandparents")
    page = client_for(social_worker).get(f"/library/records/{record.pk}/").content.decode()
    assert "once Pontio has read this one" in page
