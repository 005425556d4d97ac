"""My Pontio, the areas to come, the language switch, the statements and error pages."""

from typing import Any

from django.test import Client

from pontio.accounts.models import Person


def test_home_shows_organisation_teams_roles_and_topics(client_for: Any, champion: Person) -> None:
    body = client_for(champion).get("/").content.decode()
    assert "Caerwen Council" in body
    assert "Intake and Assessment" in body
    assert "Research champion" in body
    assert "You do not follow any topics yet" in body  # the empty state


def test_home_names_the_areas_to_come(client_for: Any, social_worker: Person) -> None:
    client = client_for(social_worker)
    body = client.get("/").content.decode()
    for label in ("Library", "Briefs", "Research agenda", "Projects", "Experts"):
        assert label in body
    assert "Administration" not in body  # only administrators see it
    assert client.get("/areas/learning/").status_code == 200
    assert client.get("/areas/nothing-here/").status_code == 404


def test_the_language_switch_returns_to_the_same_page(
    client_for: Any, social_worker: Person
) -> None:
    client = client_for(social_worker)
    response = client.post("/language/", {"language": "cy", "next": "/account/"})
    assert response.status_code == 302 and response.url == "/account/"
    social_worker.refresh_from_db()
    assert social_worker.language == "cy"
    page = client.get("/account/").content.decode()
    assert '<html lang="cy"' in page
    assert 'lang="en">English</button>' in page


def test_the_language_switch_works_before_signing_in(client: Client, db: Any) -> None:
    client.post("/language/", {"language": "cy", "next": "/auth/login/"})
    assert '<html lang="cy"' in client.get("/auth/login/").content.decode()


def test_the_language_switch_refuses_other_sites(client: Client, db: Any) -> None:
    response = client.post("/language/", {"language": "cy", "next": "https://evil.example/"})
    assert response.url == "/"


def test_statements_are_public_and_bilingual(client: Client, db: Any) -> None:
    assert "Accessibility statement" in client.get("/accessibility/").content.decode()
    client.post("/language/", {"language": "cy", "next": "/"})
    assert client.get("/privacy/").status_code == 200


def test_unknown_pages_get_a_styled_404(client_for: Any, social_worker: Person) -> None:
    response = client_for(social_worker).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-header" in response.content.decode()


def test_refused_pages_get_a_styled_403(client_for: Any, social_worker: Person) -> None:
    response = client_for(social_worker).get("/manage/people/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_errors_get_a_styled_500(client: Client, db: Any) -> None:
    from pontio.core.views import error_500

    response = error_500(client.get("/accessibility/").wsgi_request)
    assert response.status_code == 500
    assert "problem with Pontio" in response.content.decode()


def test_a_csrf_failure_is_explained_and_changes_nothing(social_worker: Person) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(social_worker)
    response = client.post("/account/", {"name": "Changed", "language": "en"})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    social_worker.refresh_from_db()
    assert social_worker.name == "Siân Morgan"


def test_healthz_reports_database_and_jobs(client: Client, db: Any) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] and data["database"]["ok"]
    assert {"ready", "running", "failed", "workers_alive"} <= set(data["jobs"])


def test_healthz_says_when_the_database_is_down(client: Client, db: Any) -> None:
    from unittest import mock

    from django.db import connection

    with mock.patch.object(connection, "cursor", side_effect=RuntimeError("database gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["ok"] is False


def test_pages_send_security_headers(client_for: Any, social_worker: Person) -> None:
    response = client_for(social_worker).get("/")
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
