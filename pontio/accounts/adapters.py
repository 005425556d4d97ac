"""How django-allauth fits Pontio: nobody signs up on their own (people are invited), single
sign-on only lets in people who already have an account or an invitation, and ORCID only
connects to someone already signed in (it proves a researcher's identity, not their account):
it never signs anyone in, finds an account by email or makes one."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import Invitation

# Providers whose email address proves nothing about a Pontio account: anyone can put any
# address on an ORCID record, and ORCID keeps most of them private anyway.
IDENTITY_ONLY_PROVIDERS = frozenset({"orcid"})


def _provider_of(sociallogin: Any) -> str:
    account = getattr(sociallogin, "account", None)
    return str(getattr(account, "provider", ""))


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):  # type: ignore[misc]
    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        """ORCID only connects an iD to the person signed in. Signing in with it would let an
        ORCID account stand in for Pontio's own sign-in (password, two-step checks)."""
        identity_only = _provider_of(sociallogin) in IDENTITY_ONLY_PROVIDERS
        if identity_only and sociallogin.state.get("process") != "connect":
            messages.error(
                request,
                _(
                    "ORCID does not sign you in to Pontio. Sign in with your email address, "
                    "then connect your ORCID iD from your expert profile."
                ),
            )
            raise ImmediateHttpResponse(redirect("account_login"))
        super().pre_social_login(request, sociallogin)

    def list_providers(self, request: HttpRequest) -> list[Any]:
        """The providers offered for signing in: not ORCID (see pre_social_login). The ORCID
        connect button on the profile page asks for its provider by name."""
        providers = super().list_providers(request)
        return [p for p in providers if p.id not in IDENTITY_ONLY_PROVIDERS]

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        if _provider_of(sociallogin) in IDENTITY_ONLY_PROVIDERS:
            return False
        email = (sociallogin.user.email or "").lower()
        return bool(email) and Invitation.objects.pending().filter(email__iexact=email).exists()

    def can_authenticate_by_email(self, login: Any, email: str) -> bool:
        if _provider_of(login) in IDENTITY_ONLY_PROVIDERS:
            return False
        return bool(super().can_authenticate_by_email(login, email))

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        from .services import invitation_apply_for_sso

        person = super().save_user(request, sociallogin, form)
        invitation_apply_for_sso(person=person)
        return person
