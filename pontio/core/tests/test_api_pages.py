"""Every list in the API refuses a page number out of range with a message, instead of an
error from the database; page 1 works."""

from typing import Any

import pytest
from django.test import Client

from pontio.accounts.models import Person
from pontio.projects.tests.test_api import bearer

LISTS = [
    "/api/v1/records",
    "/api/v1/questions",
    "/api/v1/briefs",
    "/api/v1/projects",
    "/api/v1/events",
]


@pytest.mark.parametrize("url", LISTS)
def test_a_page_out_of_range_is_refused_with_a_message(
    client: Client, social_worker: Person, url: str
) -> None:
    headers: dict[str, Any] = bearer(social_worker)
    assert client.get(url, {"page": 1}, **headers).status_code == 200
    for page in ("0", "999999999999999999999"):
        response = client.get(url, {"page": page}, **headers)
        assert response.status_code == 422, (url, page)
        assert "page" in response.content.decode()
