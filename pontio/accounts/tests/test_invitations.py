"""Inviting people by email and accepting an invitation, once."""

import re
from datetime import timedelta
from typing import Any

from django.core import mail
from django.utils import timezone

from pontio.accounts.models import Invitation, Person, Role
from pontio.organisations.models import Membership, Organisation, Team


def invite(client: Any, organisation: Organisation, team: Team | None, **extra: Any) -> Any:
    from django.test import TestCase

    data = {
        "email": "new.person@example.org",
        "name": "Nia Powell",
        "organisation": organisation.pk,
        "team": team.pk if team else "",
        "roles": [Role.CHAMPION],
        "language": "cy",
        **extra,
    }
    # The invitation is mailed once the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/manage/people/invite/", data)


def link_from_mail() -> str:
    match = re.search(r"http://\S+/invitation/(\S+)/", mail.outbox[-1].body)
    assert match
    return f"/invitation/{match.group(1)}/"


def test_it_invites_by_email(
    client_for: Any, admin: Person, council: Organisation, team: Team
) -> None:
    response = invite(client_for(admin), council, team)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert invitation.roles == [Role.CHAMPION]
    assert len(mail.outbox) == 1
    # The email is written in the language chosen for the invitation.
    assert "Pontio" in mail.outbox[0].subject
    assert mail.outbox[0].subject != "You are invited to Pontio"
    assert invitation.token_hash not in mail.outbox[0].body


def test_it_refuses_a_duplicate_email(
    client_for: Any, admin: Person, council: Organisation, team: Team, social_worker: Person
) -> None:
    response = invite(client_for(admin), council, team, email=social_worker.email.upper())
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    # What was typed is kept.
    assert "Nia Powell" in response.content.decode()
    assert not Invitation.objects.exists()
    assert len(mail.outbox) == 0


def test_it_refuses_a_second_pending_invitation(
    client_for: Any, admin: Person, council: Organisation, team: Team
) -> None:
    client = client_for(admin)
    invite(client, council, team)
    response = invite(client, council, team)
    assert "already has an invitation waiting" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_it_refuses_a_team_from_another_organisation(
    client_for: Any, admin: Person, university: Organisation, team: Team
) -> None:
    response = invite(client_for(admin), university, team)
    assert response.status_code == 200
    assert "Choose a team in the organisation you chose" in response.content.decode()
    assert not Invitation.objects.exists()


def test_it_creates_the_account_from_the_link(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    invite(client_for(admin), council, team)
    client.logout()
    link = link_from_mail()
    page = client.get(link)
    assert page.status_code == 200
    assert "new.person@example.org" in page.content.decode()
    response = client.post(link, {"name": "Nia Powell", "password": "a-very-long-passphrase"})
    assert response.status_code == 302
    person = Person.objects.get(email="new.person@example.org")
    assert person.language == "cy"
    assert person.has_role(Role.CHAMPION)
    assert Membership.objects.filter(person=person, team=team).exists()
    assert client.get("/").status_code == 200  # signed in


def test_it_refuses_a_reused_invitation(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    invite(client_for(admin), council, team)
    client.logout()
    link = link_from_mail()
    client.post(link, {"name": "Nia Powell", "password": "a-very-long-passphrase"})
    client.logout()
    response = client.post(link, {"name": "Someone Else", "password": "another-long-passphrase"})
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    person = Person.objects.get(email="new.person@example.org")
    assert person.name == "Nia Powell"
    assert Person.objects.filter(email="new.person@example.org").count() == 1


def test_it_refuses_an_expired_invitation(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    invite(client_for(admin), council, team)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.get(link_from_mail())
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_it_refuses_a_made_up_link(client: Any, db: Any) -> None:
    response = client.get("/invitation/not-a-real-token/")
    assert response.status_code == 410
    assert "not valid" in response.content.decode()


def test_it_keeps_what_was_typed_when_the_password_is_weak(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    invite(client_for(admin), council, team)
    client.logout()
    response = client.post(link_from_mail(), {"name": "Nia Powell", "password": "password"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert 'value="Nia Powell"' in body
    assert not Person.objects.filter(email="new.person@example.org").exists()


def test_it_cancels_an_invitation(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    admin_client = client_for(admin)
    invite(admin_client, council, team)
    invitation = Invitation.objects.get()
    admin_client.post(f"/manage/invitations/{invitation.pk}/cancel/")
    client.logout()
    response = client.get(link_from_mail())
    assert response.status_code == 410
    assert "cancelled" in response.content.decode()


def test_accepting_marks_the_address_verified(
    client_for: Any, client: Any, admin: Person, council: Organisation, team: Team
) -> None:
    from allauth.account.models import EmailAddress

    invite(client_for(admin), council, team)
    client.logout()
    client.post(link_from_mail(), {"name": "Nia Powell", "password": "a-very-long-passphrase"})
    assert EmailAddress.objects.get(email="new.person@example.org").verified
