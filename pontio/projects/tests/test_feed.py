"""The organisation's projects as an Atom feed: its members read it, others get a 404, and it
never carries governance details or budgets."""

from typing import Any

from defusedxml import ElementTree

from pontio.accounts.models import Person
from pontio.projects.tests.helpers import make_project

ATOM = "{http://www.w3.org/2005/Atom}"


def test_members_read_the_feed_of_their_organisations_projects(
    client_for: Any, social_worker: Person, champion: Person, academic: Person
) -> None:
    project = make_project(social_worker, summary_en="What parents say helps.")
    path = f"/projects/organisations/{project.organisation_id}/feed/"
    response = client_for(champion).get(path)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = list(root.iter(f"{ATOM}entry"))
    assert len(entries) == 1
    title = entries[0].find(f"{ATOM}title")
    assert title is not None and title.text == project.title_en
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and link.get("href", "").endswith(f"/projects/{project.pk}/")
    assert client_for(academic).get(path).status_code == 404
