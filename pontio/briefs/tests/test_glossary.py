"""The glossary page: knowledge brokers add words the checks flag (each once) and remove them
after being asked; nobody else sees or changes it."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from pontio.accounts.models import Person
from pontio.briefs.models import GlossaryTerm

ClientFor = Callable[[Person], Client]


@pytest.fixture
def term(db: Any) -> GlossaryTerm:
    found, _created = GlossaryTerm.objects.update_or_create(
        term="heterogeneity", defaults={"plain": "differences between studies"}
    )
    return found


def test_it_lists_the_terms_for_a_broker(
    client_for: ClientFor, broker: Person, term: GlossaryTerm
) -> None:
    response = client_for(broker).get("/briefs/glossary/")
    assert response.status_code == 200
    assert "heterogeneity" in response.content.decode()
    assert "differences between studies" in response.content.decode()


def test_it_adds_a_term(client_for: ClientFor, broker: Person) -> None:
    response = client_for(broker).post(
        "/briefs/glossary/", {"term": "  service   user ", "plain": "person who uses services"}
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="service user").plain == "person who uses services"
    page = client_for(broker).get(response["Location"]).content.decode()
    assert "“service user” is in the glossary." in page


def test_it_refuses_a_duplicate_and_keeps_what_was_typed(
    client_for: ClientFor, broker: Person, term: GlossaryTerm
) -> None:
    response = client_for(broker).post(
        "/briefs/glossary/", {"term": "Heterogeneity", "plain": "how much studies differ"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "“Heterogeneity” is already in the glossary" in page
    assert 'value="Heterogeneity"' in page
    assert 'value="how much studies differ"' in page
    assert GlossaryTerm.objects.get(term="heterogeneity").plain == "differences between studies"
    assert not GlossaryTerm.objects.filter(term="Heterogeneity").exists()


def test_it_asks_for_both_fields(client_for: ClientFor, broker: Person) -> None:
    response = client_for(broker).post("/briefs/glossary/", {"term": "", "plain": "kept"})
    page = response.content.decode()
    assert "Enter the word or phrase to flag" in page
    assert 'value="kept"' in page


def test_it_asks_before_deleting(client_for: ClientFor, broker: Person, term: GlossaryTerm) -> None:
    url = f"/briefs/glossary/{term.pk}/delete/"
    response = client_for(broker).get(url)
    assert response.status_code == 200
    assert "Remove this word from the glossary?" in response.content.decode()
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()
    response = client_for(broker).post(url)
    assert response.status_code == 302
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()


def test_deleting_a_term_that_is_gone_is_not_found(client_for: ClientFor, broker: Person) -> None:
    assert client_for(broker).post("/briefs/glossary/999999/delete/").status_code == 404


@pytest.mark.parametrize("who", ["social_worker", "champion"])
def test_only_brokers_see_or_change_it(
    client_for: ClientFor, request: pytest.FixtureRequest, term: GlossaryTerm, who: str
) -> None:
    client = client_for(request.getfixturevalue(who))
    before = list(GlossaryTerm.objects.values_list("term", "plain"))
    delete = f"/briefs/glossary/{term.pk}/delete/"
    assert client.get("/briefs/glossary/").status_code == 403
    assert client.post("/briefs/glossary/", {"term": "new", "plain": "x"}).status_code == 403
    assert client.get(delete).status_code == 403
    assert client.post(delete).status_code == 403
    assert list(GlossaryTerm.objects.values_list("term", "plain")) == before
