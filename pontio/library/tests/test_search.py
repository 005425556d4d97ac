"""The library's search page: what you can see, filters and counts, sorting, paging,
highlighting, Welsh letters, and an empty state that helps."""

from typing import Any

from pontio.accounts.models import Person
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation


def test_it_finds_records_by_title_author_and_keyword(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    make_record(
        social_worker,
        council,
        "Educational outcomes of looked-after children",
        keywords=["schooling"],
        abstract="Children in care and their grades.",
    )
    make_record(social_worker, council, "Knife crime and exploitation")
    client = client_for(social_worker)
    body = client.get("/library/", {"q": "looked-after"}).content.decode()
    assert "<mark>" in body and "Educational outcomes" in body
    assert "Knife crime" not in body
    assert "Educational" in client.get("/library/", {"q": "schooling"}).content.decode()
    assert "Knife crime" in client.get("/library/", {"q": "Firmin"}).content.decode()


def test_it_folds_welsh_letters(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    make_record(social_worker, council, "Gofal plant: ŵyr ac wyresau yng Nghymru")
    body = client_for(social_worker).get("/library/", {"q": "wyr"}).content.decode()
    assert "wyresau" in body


def test_it_shows_only_what_the_person_may_see(
    client_for: Any,
    social_worker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
) -> None:
    make_record(
        academic, university, "University internal draft review", visibility=Visibility.ORGANISATION
    )
    make_record(academic, university, "Shared with partners", visibility=Visibility.PARTNERSHIP)
    body = client_for(social_worker).get("/library/", {"q": "review OR partners"}).content
    page = client_for(social_worker).get("/library/").content.decode()
    assert "University internal draft review" not in page
    assert "Shared with partners" in page
    assert b"University internal" not in body


def test_it_filters_with_counts_and_sorts(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    make_record(broker, council, "Old study on neglect", year=1999)
    make_record(broker, council, "New study on neglect", year=2023, oa_url="https://x.org/a")
    client = client_for(broker)
    body = client.get("/library/", {"q": "neglect"}).content.decode()
    assert "Journal article (2)" in body
    assert "Free to read (1)" in body
    recent = client.get("/library/", {"q": "neglect", "from": "2020"}).content.decode()
    assert "New study" in recent and "Old study" not in recent
    free = client.get("/library/", {"oa": "1"}).content.decode()
    assert "New study" in free and "Old study" not in free
    oldest = client.get("/library/", {"sort": "oldest"}).content.decode()
    assert oldest.index("Old study") < oldest.index("New study")


def test_it_pages_results(
    client_for: Any, broker: Person, council: Organisation, settings: Any
) -> None:
    for n in range(30):
        make_record(broker, council, f"Parenting programme evaluation {n}")
    body = client_for(broker).get("/library/", {"q": "parenting"}).content.decode()
    assert "30 results" in body and "govuk-pagination" in body
    second = client_for(broker).get("/library/", {"q": "parenting", "page": "2"})
    assert second.status_code == 200


def test_nothing_found_suggests_what_to_do(
    client_for: Any, social_worker: Person, seeded_topics: None
) -> None:
    body = client_for(social_worker).get("/library/", {"q": "zzyzx", "oa": "1"}).content.decode()
    assert "Nothing in the library matches" in body
    assert "search again without the filters" in body


def test_hostile_queries_do_not_break_the_page(client_for: Any, social_worker: Person) -> None:
    client = client_for(social_worker)
    for query in ['"', "AND OR NOT", "NEAR(", "<script>alert(1)</script>", "a" * 3000, "*:-"]:
        response = client.get("/library/", {"q": query})
        assert response.status_code == 200
        assert b"<script>alert(1)" not in response.content


def test_a_sentence_finds_records_with_some_of_its_words(
    client_for: Any, social_worker: Person, council: Organisation
) -> None:
    make_record(social_worker, council, "Educational outcomes of looked-after children")
    body = (
        client_for(social_worker)
        .get("/library/", {"q": "what do we know about outcomes for children in care"})
        .content.decode()
    )
    assert "Educational outcomes" in body


def test_a_very_broad_search_says_it_shows_the_best_matches(
    client_for: Any, broker: Person, council: Organisation, monkeypatch: Any
) -> None:
    monkeypatch.setattr("pontio.library.selectors.MAX_MATCHES", 3)
    monkeypatch.setattr("pontio.library.views.search.MAX_MATCHES", 3)
    for n in range(5):
        make_record(broker, council, f"Foster care placement study {n}")
    body = client_for(broker).get("/library/", {"q": "foster"}).content.decode()
    assert "Many more records match: these are the best 3" in body
    assert "3 results" in body


def test_it_counts_and_filters_by_collection(
    client_for: Any, social_worker: Person, team: Any, council: Organisation
) -> None:
    from pontio.library import services

    shelf = services.team_shelf(team)
    on_shelf = make_record(social_worker, council, "Neglect on the shelf")
    make_record(social_worker, council, "Neglect elsewhere")
    services.collection_add(person=social_worker, collection=shelf, record=on_shelf)
    client = client_for(social_worker)
    body = client.get("/library/", {"q": "neglect"}).content.decode()
    assert "Intake and Assessment (1)" in body
    only = client.get("/library/", {"q": "neglect", "collection": shelf.pk}).content.decode()
    assert "Neglect on the shelf" in only and "Neglect elsewhere" not in only
