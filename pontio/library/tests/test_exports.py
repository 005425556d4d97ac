"""Exports: RIS, BibTeX, CSV and CSL-JSON of a search or a collection, which Pontio (and the
common parsers) read back unchanged."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.lib.formats import parse
from pontio.library import services
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation


@pytest.mark.parametrize("file_format", ["ris", "bibtex", "csv", "csl-json"])
def test_a_search_exports_and_reads_back(
    client_for: Any, broker: Person, council: Organisation, file_format: str
) -> None:
    make_record(
        broker,
        council,
        "Child neglect: a review of reviews",
        year=2018,
        doi="10.1000/neglect",
        container="Child Abuse Review",
        volume="27",
        issue="2",
        pages="99-110",
        keywords=["neglect"],
    )
    response = client_for(broker).get("/library/export/", {"q": "neglect", "format": file_format})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    mapping = None
    if file_format == "csv":
        from pontio.lib.formats.csv_format import csv_columns, guess_mapping

        mapping = guess_mapping(csv_columns(response.content.decode()))
    [back] = parse(file_format, response.content, csv_mapping=mapping).records
    assert back.title == "Child neglect: a review of reviews"
    assert back.doi == "10.1000/neglect" and back.year == 2018
    assert back.authors[0].family == "Firmin"
    assert back.container == "Child Abuse Review"


def test_a_collection_exports_only_what_the_person_may_see(
    client_for: Any,
    broker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
) -> None:
    collection = services.collection_create(
        person=broker,
        organisation=council,
        name="Mixed",
        description="",
        visibility=Visibility.PUBLIC,
    )
    services.collection_add(
        person=broker, collection=collection, record=make_record(broker, council, "Visible study")
    )
    hidden = make_record(academic, university, "Hidden study", visibility=Visibility.ORGANISATION)
    services.collection_add(person=academic, collection=collection, record=hidden)
    body = (
        client_for(broker)
        .get(f"/library/collections/{collection.pk}/export/", {"format": "ris"})
        .content.decode()
    )
    assert "Visible study" in body and "Hidden study" not in body


def test_an_unknown_format_is_not_found(client_for: Any, broker: Person) -> None:
    assert client_for(broker).get("/library/export/", {"format": "exe"}).status_code == 404
