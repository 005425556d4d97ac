"""Failed sign-ins are logged (allauth's rate limits slow them down)."""

import logging
from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

logger = logging.getLogger("pontio.security")


@receiver(user_login_failed)
def log_failed_sign_in(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    address = request.META.get("REMOTE_ADDR", "?") if request is not None else "?"
    email = credentials.get("email") or credentials.get("username") or "?"
    logger.warning("Failed sign-in for %s from %s", email, address)
