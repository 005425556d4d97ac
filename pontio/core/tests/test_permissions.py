"""Deny by default: every page in Pontio's URL map sends an anonymous visitor to sign in, unless
it is on the short public list; every administration page refuses everyone but administrators."""

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from pontio.accounts.models import Person

PUBLIC = {
    "/accessibility/",
    "/privacy/",
    "/healthz",
    "/language/",
    "/invitation/x/",
    "/api/v1/openapi.json",  # the API's description, no data
    # An organisation's agenda and its feed decide for themselves, as the organisation shares
    # it (pontio/agenda/tests/test_public.py proves they refuse otherwise).
    "/agenda/organisations/1/",
    "/agenda/organisations/1/feed/",
}
# allauth's own pages for signing in, resetting a password and single sign-on are public by
# design; its account-management pages are not (checked below through Pontio's middleware).
ALLAUTH_PUBLIC_PREFIXES = (
    "/auth/login",
    "/auth/password/reset",
    "/auth/logout",
    "/auth/signup",
    "/auth/oidc",
    "/auth/orcid",  # connecting an ORCID iD; it never signs up or finds anyone by email
    "/auth/3rdparty/login",
    "/auth/3rdparty/signup",
    "/auth/2fa/authenticate",
    "/auth/2fa/reauthenticate",
    "/auth/reauthenticate",
    "/auth/confirm-email",
    "/auth/login/code",
    "/auth/inactive",
)


def _sample_paths(resolver: URLResolver | Any = None, prefix: str = "") -> list[str]:
    """One concrete path for every URL pattern, with sample values for its parameters."""
    resolver = resolver or get_resolver()
    samples = {
        "int": "1",
        "str": "x",
        "slug": "library",
        "uuid": "00000000-0000-0000-0000-000000000001",
        "path": "x",
    }
    paths = []
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        for converter, value in samples.items():
            while f"<{converter}:" in route:
                start = route.index(f"<{converter}:")
                route = route[:start] + value + route[route.index(">", start) + 1 :]
        if "<" in route or "(?P" in route or "^" in route:
            route = route.replace("^", "").replace("$", "")
            if "(?P" in route or "<" in route:
                continue
        if isinstance(entry, URLResolver):
            paths += _sample_paths(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            paths.append("/" + prefix + route)
    return sorted(set(paths))


ALL_PATHS = _sample_paths()
MANAGE_PATHS = [p for p in ALL_PATHS if p.startswith("/manage/")]


def test_it_finds_the_pages() -> None:
    assert "/" in ALL_PATHS
    assert "/manage/people/" in MANAGE_PATHS
    assert len(MANAGE_PATHS) >= 15


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", [p for p in ALL_PATHS if p not in PUBLIC and not p.startswith(ALLAUTH_PUBLIC_PREFIXES)]
)
def test_it_sends_anonymous_visitors_to_sign_in(client: Any, path: str) -> None:
    for method in (client.get, client.post):
        response = method(path)
        if path.startswith("/api/"):
            # The API answers machines: 401, not a redirect to a sign-in page.
            assert response.status_code in (401, 404, 405), (path, response.status_code)
            continue
        assert response.status_code in (302, 404, 405), (path, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith("/auth/login/"), (path, response.url)


@pytest.mark.django_db
@pytest.mark.parametrize("path", MANAGE_PATHS)
def test_it_refuses_administration_to_everyone_else(
    client_for: Any, social_worker: Person, broker: Person, steering_member: Person, path: str
) -> None:
    for person in (social_worker, broker, steering_member):
        client = client_for(person)
        assert client.get(path).status_code == 403, (person, path)
        assert client.post(path, {"name_en": "X", "roles": ["admin"]}).status_code == 403


@pytest.mark.django_db
def test_it_changes_nothing_when_refusing(client_for: Any, social_worker: Person) -> None:
    client = client_for(social_worker)
    client.post(f"/manage/people/{social_worker.pk}/", {"save_roles": "1", "roles": ["admin"]})
    assert not social_worker.has_role("admin")
    client.post("/manage/organisations/add/", {"name_en": "Sneaky", "kind": "council"})
    from pontio.organisations.models import Organisation

    assert not Organisation.objects.filter(name_en="Sneaky").exists()
