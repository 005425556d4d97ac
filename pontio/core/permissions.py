"""Who may see a page. Every page needs a signed-in person (LoginRequiredMiddleware); these
decorators add role checks on top, refusing with 403 and changing nothing."""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from pontio.accounts.models import Person

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


def person_of(request: HttpRequest) -> "Person":
    """The signed-in person making a request (every view but a few public ones has one)."""
    from pontio.accounts.models import Person

    person = request.user
    if not isinstance(person, Person):
        raise PermissionDenied
    return person
