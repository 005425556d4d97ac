"""The one way Pontio sends mail, so every message has the same sender and is plain text."""

from django.conf import settings
from django.core.mail import EmailMessage


def mail_send(*, to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
