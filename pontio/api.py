"""Pontio's JSON API: each app's `api.py` router mounted under /api/v1/, with the OpenAPI schema
at /api/v1/openapi.json. Callers sign in with a personal token (Authorization: Bearer ...) or,
from the browser, with their session (CSRF-protected)."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from pontio.accounts.models import ApiToken


class PersonalToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.by_token(token)
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.person
        return found.person


# No bundled docs page: Swagger UI would load from a CDN, which the CSP forbids. The schema is
# at /api/v1/openapi.json for any OpenAPI tool.
api = NinjaAPI(
    title="Pontio API",
    version="1",
    urls_namespace="api",
    docs_url=None,
    auth=[PersonalToken(), django_auth],
)


def urls() -> Any:
    """The API's URL patterns. Ninja checks every call's authentication itself, so Django's
    LoginRequiredMiddleware (which would redirect token callers to a sign-in page) stands back."""
    from pontio.agenda.api import router as agenda
    from pontio.briefs.api import router as briefs
    from pontio.events.api import router as events
    from pontio.library.api import router as library
    from pontio.projects.api import router as projects

    api.add_router("/records", library)
    api.add_router("/questions", agenda)
    api.add_router("/briefs", briefs)
    api.add_router("/projects", projects)
    api.add_router("/events", events)
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False  # type: ignore[union-attr]
    return patterns, app_name, namespace
