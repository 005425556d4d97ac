"""Who may see a page. Every page needs a signed-in person (LoginRequiredMiddleware); these
decorators add role checks on top, refusing with 403 and changing nothing."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def role_required(*roles: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated or not user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def administrator_required(view: View) -> View:
    from pontio.accounts.models import Role

    return role_required(Role.ADMIN)(view)
