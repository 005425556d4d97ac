"""Template context every page needs: the navigation, with the current area marked."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .areas import AREAS


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    path = request.path
    home = reverse("core:home")
    items = [{"label": _("My Pontio"), "url": home, "active": path == home}]
    for area in AREAS:
        url = reverse(area.url_name) if area.url_name else reverse("core:area", args=[area.slug])
        items.append({"label": area.label, "url": url, "active": path.startswith(url)})
    if user.is_administrator:
        url = reverse("accounts:people")
        admin_prefix = "/manage/"
        items.append(
            {"label": _("Administration"), "url": url, "active": path.startswith(admin_prefix)}
        )
    return {"navigation": items}
