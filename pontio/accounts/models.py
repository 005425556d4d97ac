"""People, the roles they hold and the invitations that bring them in."""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    CHAMPION = "champion", _("Research champion")
    BROKER = "broker", _("Knowledge broker")
    EMBEDDED = "embedded", _("Embedded researcher")
    STEERING = "steering", _("Steering group member")
    LEADER = "leader", _("Senior leader")
    ACADEMIC = "academic", _("Academic")
    ADMIN = "admin", _("Administrator")


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class PersonManager(BaseUserManager["Person"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "Person":
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def active(self) -> models.QuerySet["Person"]:
        return self.filter(is_active=True)

    def with_role(self, role: str) -> models.QuerySet["Person"]:
        return self.filter(role_assignments__role=role)


class Person(AbstractBaseUser):
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("full name"), max_length=150)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="people", verbose_name=_("topics")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = PersonManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def roles(self) -> set[str]:
        """The roles this person holds, read once per request."""
        if not hasattr(self, "_roles"):
            self._roles = set(self.role_assignments.values_list("role", flat=True))
        return self._roles

    @property
    def organisation_ids(self) -> frozenset[int]:
        """The organisations this person belongs to, read once per request (pages ask "is this
        person in that organisation?" of many items)."""
        if not hasattr(self, "_organisation_ids"):
            ids = self.memberships.values_list("organisation", flat=True)
            self._organisation_ids = frozenset(ids)
        return self._organisation_ids

    def has_role(self, *roles: str) -> bool:
        return self.is_active and bool(self.roles & set(roles))

    @property
    def is_administrator(self) -> bool:
        return self.has_role(Role.ADMIN)


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role"]
        constraints = [models.UniqueConstraint("person", "role", name="role_once_per_person")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, cancelled_at__isnull=True)

    def by_token(self, token: str) -> "Invitation | None":
        return self.filter(token_hash=_token_hash(token)).first()


class Invitation(models.Model):
    """An administrator's invitation to join an organisation and team with some roles.
    Only a hash of the token is stored: the link in the email is the only copy."""

    email = models.EmailField(_("email address"))
    name = models.CharField(_("full name"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("team"),
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, _token_hash(token)

    @staticmethod
    def default_expiry() -> Any:
        return timezone.now() + timedelta(days=settings.INVITATION_DAYS)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.cancelled_at:
            return "cancelled"
        return "expired" if self.is_expired else "pending"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, person__is_active=True)

    def by_token(self, token: str) -> "ApiToken | None":
        return self.active().select_related("person").filter(token_hash=_token_hash(token)).first()


class ApiToken(models.Model):
    """A personal token for the API. Like an invitation, only its hash is kept: the person sees
    the token once, when it is made."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
