"""Mail in the embedded default: each message is written to the data directory as an .eml file,
so administrators can read what Pontio sent (invitations, password resets) in the UI."""

import email
import email.policy
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage as ParsedMessage
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class DataDirEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        folder = Path(settings.MAIL_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            assert isinstance(message, EmailMessage)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            path = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            path.write_bytes(message.message().as_bytes())
            sent += 1
        return sent


@dataclass(frozen=True)
class StoredMail:
    id: str
    sent_at: datetime
    to: str
    subject: str
    body: str


def _read(path: Path) -> StoredMail:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, ParsedMessage)
    part = parsed.get_body(preferencelist=("plain", "html"))
    body = part.get_content() if part is not None else ""
    stamp = path.name.split("-", 1)[0]
    return StoredMail(
        id=path.stem,
        sent_at=datetime.strptime(stamp, "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC),
        to=str(parsed.get("To", "")),
        subject=str(parsed.get("Subject", "")),
        body=str(body),
    )


def stored_mail(*, to: str = "") -> list[StoredMail]:
    """Messages written to the data directory, newest first, optionally for one address."""
    folder = Path(settings.MAIL_DIR)
    if not folder.is_dir():
        return []
    messages = [_read(p) for p in sorted(folder.glob("*.eml"), reverse=True)]
    return [m for m in messages if to.lower() in m.to.lower()] if to else messages


def stored_mail_get(mail_id: str) -> StoredMail | None:
    path = Path(settings.MAIL_DIR) / f"{mail_id}.eml"
    if "/" in mail_id or not path.is_file():
        return None
    return _read(path)
