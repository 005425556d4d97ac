"""Single sign-on through OpenID Connect is off by default; when configured, only people with an
account or an invitation get in, and an invitation used through it is applied."""

from types import SimpleNamespace
from typing import Any

from django.test import RequestFactory

from pontio.accounts.adapters import SocialAccountAdapter
from pontio.accounts.models import Invitation, Person, Role
from pontio.accounts.services import invitation_apply_for_sso, person_invite
from pontio.organisations.models import Membership, Organisation, Team

ENTRA = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Microsoft Entra ID",
                "client_id": "abc",
                "secret": "xyz",
                "settings": {"server_url": "https://login.microsoftonline.com/tenant/v2.0"},
            }
        ]
    }
}


def test_it_is_off_by_default(client: Any, db: Any) -> None:
    assert "Entra" not in client.get("/auth/login/").content.decode()


def test_it_offers_the_provider_when_configured(client: Any, db: Any, settings: Any) -> None:
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA
    assert "Microsoft Entra ID" in client.get("/auth/login/").content.decode()


def _sociallogin(email: str) -> Any:
    return SimpleNamespace(user=SimpleNamespace(email=email))


def test_only_invited_people_can_join_through_it(
    admin: Person, council: Organisation, team: Team
) -> None:
    adapter = SocialAccountAdapter()
    request = RequestFactory().get("/")
    assert not adapter.is_open_for_signup(request, _sociallogin("stranger@example.org"))
    person_invite(
        actor=admin,
        email="nia@example.org",
        name="Nia",
        organisation=council,
        team=team,
        roles=[Role.BROKER],
        language="en",
    )
    assert adapter.is_open_for_signup(request, _sociallogin("NIA@example.org"))


def test_an_invitation_is_applied_on_first_sign_in(
    admin: Person, council: Organisation, team: Team
) -> None:
    person_invite(
        actor=admin,
        email="nia@example.org",
        name="Nia Powell",
        organisation=council,
        team=team,
        roles=[Role.BROKER],
        language="cy",
    )
    person = Person.objects.create_user(email="nia@example.org", name="")
    invitation_apply_for_sso(person=person)
    person.refresh_from_db()
    assert person.name == "Nia Powell"
    assert person.has_role(Role.BROKER)
    assert Membership.objects.filter(person=person, team=team).exists()
    assert Invitation.objects.get().accepted_by == person
