"""Reviewing likely duplicates: merging field by field, keeping history, undoing."""

from typing import Any

from pontio.accounts.models import Person
from pontio.library.models import DuplicateCandidate, DuplicateStatus, Record
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation


def pair(broker: Person, council: Organisation) -> tuple[Record, Record, DuplicateCandidate]:
    first = make_record(
        broker, council, "Kinship care in Wales", year=2019, abstract="Short abstract."
    )
    second = make_record(
        broker,
        council,
        "Kinship care in Wales",
        year=2020,
        doi="10.1000/kin",
        abstract="A much fuller abstract.",
    )
    candidate = DuplicateCandidate.objects.create(
        record=first, other=second, score=0.8, reason="same title; year differs"
    )
    return first, second, candidate


def test_a_broker_merges_choosing_field_by_field_and_can_undo(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    first, second, candidate = pair(broker, council)
    client = client_for(broker)
    assert "Kinship care in Wales" in client.get("/library/duplicates/").content.decode()
    page = client.get(f"/library/duplicates/{candidate.pk}/").content.decode()
    assert "A much fuller abstract." in page
    response = client.post(
        f"/library/duplicates/{candidate.pk}/",
        {"keep": "record", "merge": "1", "abstract": "other", "doi": "other", "year": "record"},
    )
    assert response.url == f"/library/records/{first.pk}/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.abstract == "A much fuller abstract." and first.doi == "10.1000/kin"
    assert first.year == 2019
    assert second.merged_into == first
    assert first.history.count() >= 2  # history kept
    merge = first.merges_kept.get()
    client.post(f"/library/merges/{merge.pk}/undo/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.abstract == "Short abstract." and first.doi == ""
    assert second.merged_into is None
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.OPEN


def test_a_broker_can_say_they_differ(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    _first, _second, candidate = pair(broker, council)
    client_for(broker).post(f"/library/duplicates/{candidate.pk}/", {"dismiss": "1"})
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.DISMISSED


def test_others_may_not_review_or_merge(
    client_for: Any, broker: Person, champion: Person, council: Organisation
) -> None:
    _first, second, candidate = pair(broker, council)
    client = client_for(champion)
    assert client.get("/library/duplicates/").status_code == 403
    assert (
        client.post(
            f"/library/duplicates/{candidate.pk}/", {"keep": "record", "merge": "1"}
        ).status_code
        == 403
    )
    second.refresh_from_db()
    assert second.merged_into is None


def test_a_broker_can_look_for_duplicates_on_demand(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    make_record(broker, council, "Family group conferences", year=2010)
    make_record(broker, council, "Family Group Conferences!", year=2012)
    make_record(broker, council, "Something else", year=2012)
    client = client_for(broker)
    client.post("/library/duplicates/find/")
    assert DuplicateCandidate.objects.count() == 1
    client.post("/library/duplicates/find/")
    assert DuplicateCandidate.objects.count() == 1  # found once, not twice
