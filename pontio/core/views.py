"""Pages every person sees: My Pontio, the areas to come, the statements, errors, health."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pontio.accounts import selectors as accounts_selectors
from pontio.accounts.services import person_set_language
from pontio.events.selectors import events_going_to
from pontio.jobs.selectors import queue_health

from .areas import AREAS_BY_SLUG
from .mail import stored_mail, stored_mail_get
from .paging import paginate
from .permissions import administrator_required, person_of


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    context = accounts_selectors.person_overview(person=person)
    context["my_events"] = events_going_to(person)[:3]
    return render(request, "core/home.html", context)


def area(request: HttpRequest, slug: str) -> HttpResponse:
    found = AREAS_BY_SLUG.get(slug)
    if found is None:
        raise Http404
    return render(request, "core/area.html", {"area": found})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language and go back to the same page. For a signed-in person the choice is saved
    as their preference; for anyone it is kept in a cookie."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return redirect(urlsplit(next_url).path or "/")
    if request.user.is_authenticated:
        person_set_language(person=person_of(request), language=language)
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite="Lax",
        httponly=True,
    )
    return response


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and job-queue health for a load balancer or monitor: 200 when both are fine."""
    checks: dict[str, Any] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:
        checks["database"] = {"ok": False, "error": exc.__class__.__name__}
    if checks["database"]["ok"]:
        checks["jobs"] = queue_health()
    else:
        checks["jobs"] = {"ok": False, "error": "database unavailable"}
    ok = all(check["ok"] for check in checks.values())
    return JsonResponse({"ok": ok, **checks}, status=200 if ok else 503)


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # Error pages render without the request context processors that might fail themselves.
    return HttpResponse(render_to_string(template, request=request), status=status)


@login_not_required
def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "403.html", 403)


@login_not_required
def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "404.html", 404)


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        render_to_string("500.html", {"LANGUAGE_CODE": translation.get_language()}), status=500
    )


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_page(request, "csrf_failure.html", 403)


@administrator_required
def mail_list(request: HttpRequest) -> HttpResponse:
    to = request.GET.get("to", "").strip()
    return render(
        request, "core/mail_list.html", {"page": paginate(request, stored_mail(to=to)), "to": to}
    )


@administrator_required
def mail_detail(request: HttpRequest, mail_id: str) -> HttpResponse:
    mail = stored_mail_get(mail_id)
    if mail is None:
        raise Http404
    return render(request, "core/mail_detail.html", {"mail": mail})
