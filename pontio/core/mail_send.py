"""The one way Pontio sends mail, so every message has the same sender and is plain text
(with files attached where a message needs them, such as a calendar file)."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage


def mail_send(
    *, to: str, subject: str, body: str, attachments: Iterable[tuple[str, str, str]] = ()
) -> None:
    """`attachments`: (file name, content, MIME type) for each file."""
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
