"""How django-allauth fits Pontio: nobody signs up on their own (people are invited), single
sign-on only lets in people who already have an account or an invitation."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.http import HttpRequest

from .models import Invitation


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):  # type: ignore[misc]
    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        email = (sociallogin.user.email or "").lower()
        return bool(email) and Invitation.objects.pending().filter(email__iexact=email).exists()

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        from .services import invitation_apply_for_sso

        person = super().save_user(request, sociallogin, form)
        invitation_apply_for_sso(person=person)
        return person
