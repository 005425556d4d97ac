"""Writes about people: invitations, roles, deactivation, language preference. Each change is
recorded by django-simple-history with the person who made it."""

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from pontio.core.history import attribute_to
from pontio.core.mail_send import mail_send
from pontio.organisations.models import Organisation, Team
from pontio.organisations.services import membership_add

from .models import ApiToken, Invitation, Person, Role, RoleAssignment, _token_hash


class InvitationError(Exception):
    """An invitation that cannot be used, with a message the person can read."""


def person_set_language(*, person: Person, language: str) -> None:
    if person.language != language:
        person.language = language
        attribute_to(person, person)
        person.save(update_fields=["language"])


def person_invite(
    *,
    actor: Person,
    email: str,
    name: str,
    organisation: Organisation,
    team: Team | None,
    roles: list[str],
    language: str,
) -> Invitation:
    """Invite someone by email. Refused if they already have an account or a pending invitation."""
    email = email.strip().lower()
    if Person.objects.filter(email__iexact=email).exists():
        raise InvitationError(_("Someone with this email address already has an account."))
    if (
        Invitation.objects.pending()
        .filter(email__iexact=email, expires_at__gt=timezone.now())
        .exists()
    ):
        raise InvitationError(_("This email address already has an invitation waiting."))
    token, token_hash = Invitation.new_token()
    invitation = Invitation(
        email=email,
        name=name,
        organisation=organisation,
        team=team,
        roles=sorted(set(roles)),
        language=language,
        token_hash=token_hash,
        invited_by=actor,
        expires_at=Invitation.default_expiry(),
    )
    attribute_to(actor, invitation)
    with transaction.atomic():
        invitation.save()
        transaction.on_commit(lambda: _send_invitation(invitation, token))
    return invitation


def _send_invitation(invitation: Invitation, token: str) -> None:
    link = settings.SITE_URL + reverse("accounts:invitation_accept", args=[token])
    with translation.override(invitation.language):
        context = {"invitation": invitation, "link": link, "days": settings.INVITATION_DAYS}
        mail_send(
            to=invitation.email,
            subject=_("You are invited to Pontio"),
            body=render_to_string("accounts/email/invitation.txt", context),
        )


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link points at, or a clear reason it cannot be used."""
    invitation = Invitation.objects.by_token(token)
    if invitation is None:
        raise InvitationError(
            _(
                "This invitation link is not valid. Check that you copied the "
                "whole link from the email."
            )
        )
    if invitation.accepted_at:
        raise InvitationError(
            _(
                "This invitation has already been used. If it was you, sign in "
                "with your email address and password."
            )
        )
    if invitation.cancelled_at:
        raise InvitationError(
            _("This invitation was cancelled. Ask your administrator for a new one.")
        )
    if invitation.is_expired:
        raise InvitationError(
            _("This invitation has expired. Ask your administrator for a new one.")
        )
    return invitation


def invitation_accept(*, token: str, name: str, password: str) -> Person:
    """Create the person's account from an invitation, once. A second use is refused, even
    when two requests race (the row is locked and checked again inside the transaction)."""
    with transaction.atomic():
        invitation = invitation_for_token(token)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise InvitationError(_("This invitation has already been used."))
        try:
            with transaction.atomic():
                person = Person.objects.create_user(
                    email=invitation.email,
                    password=password,
                    name=name,
                    language=invitation.language,
                )
        except IntegrityError:
            raise InvitationError(
                _("Someone with this email address already has an account.")
            ) from None
        membership_add(
            actor=person, person=person, organisation=invitation.organisation, team=invitation.team
        )
        for role in invitation.roles:
            role_give(actor=person, person=person, role=role)
        email_mark_verified(person=person)  # the invitation link proved the address
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = person
        attribute_to(person, invitation)
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return person


def email_mark_verified(*, person: Person) -> None:
    """Record the person's address as verified and primary in allauth's table."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": True, "primary": True}
    )


def invitation_cancel(*, actor: Person, invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        attribute_to(actor, invitation)
        invitation.save(update_fields=["cancelled_at"])


def role_give(*, actor: Person | None, person: Person, role: str) -> bool:
    Role(role)  # refuses an unknown role
    if RoleAssignment.objects.filter(person=person, role=role).exists():
        return False
    assignment = RoleAssignment(person=person, role=role)
    attribute_to(actor, assignment)
    assignment.save()
    return True


def role_take(*, actor: Person, person: Person, role: str) -> bool:
    """Take a role away. The last active administrator cannot lose the role: someone must be
    able to run Pontio."""
    if role == Role.ADMIN and person.is_active:
        admins = Person.objects.active().filter(role_assignments__role=Role.ADMIN)
        if admins.count() <= 1 and admins.filter(pk=person.pk).exists():
            raise InvitationError(_("Pontio needs at least one administrator."))
    assignment = RoleAssignment.objects.filter(person=person, role=role).first()
    if assignment is None:
        return False
    attribute_to(actor, assignment)
    assignment.delete()
    return True


def person_deactivate(*, actor: Person, person: Person, reason: str) -> None:
    """Stop someone signing in. Their work stays; their sessions end now."""
    from allauth.usersessions.models import UserSession

    if person.pk == actor.pk:
        raise InvitationError(_("You cannot deactivate your own account."))
    with transaction.atomic():
        person.is_active = False
        attribute_to(actor, person)
        person.save(update_fields=["is_active"])
        update_change_reason(person, reason)
        for session in UserSession.objects.filter(user=person):
            session.end()


def person_reactivate(*, actor: Person, person: Person) -> None:
    person.is_active = True
    attribute_to(actor, person)
    person.save(update_fields=["is_active"])


def person_update(*, actor: Person, person: Person, name: str, language: str, topics: Any) -> None:
    with transaction.atomic():
        person.name = name
        person.language = language
        attribute_to(actor, person)
        person.save(update_fields=["name", "language"])
        person.topics.set(topics)


def invitation_apply_for_sso(*, person: Person) -> None:
    """Someone invited by email signed in with single sign-on instead of the link: give them
    what the invitation offered, and use it up."""
    invitation = Invitation.objects.pending().filter(email__iexact=person.email).first()
    if invitation is None:
        return
    with transaction.atomic():
        membership_add(
            actor=person, person=person, organisation=invitation.organisation, team=invitation.team
        )
        for role in invitation.roles:
            role_give(actor=person, person=person, role=role)
        if invitation.name and not person.name:
            person.name = invitation.name
            person.save(update_fields=["name"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = person
        invitation.save(update_fields=["accepted_at", "accepted_by"])


def api_token_create(*, person: Person, name: str) -> tuple[ApiToken, str]:
    """Make a personal API token. Returns the token itself, which is not stored anywhere."""
    token = "pt_" + Invitation.new_token()[0]
    api_token = ApiToken.objects.create(
        person=person, name=name[:100], token_hash=_token_hash(token), prefix=token[:8]
    )
    return api_token, token


def api_token_revoke(*, person: Person, api_token: ApiToken) -> None:
    if api_token.person_id == person.pk and api_token.revoked_at is None:
        api_token.revoked_at = timezone.now()
        api_token.save(update_fields=["revoked_at"])
