"""An event as an iCalendar file (RFC 5545), for people to add to Outlook or any calendar. Written
here rather than with a library: one VEVENT needs escaping, UTC times and folded lines, no more."""

from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .models import Event, State


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    without splitting a character's UTF-8 bytes."""
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def event_ics(event: Event, *, with_link: bool) -> str:
    """The event as a calendar file. The online link only `with_link` (for those coming and the
    organisers, as on the page). SEQUENCE grows with every saved change, so a calendar that
    already has the event takes the new time or the cancellation."""
    link = settings.SITE_URL + reverse("events:event", args=[event.pk])
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "pontio"
    online = event.online_link if with_link else ""
    where = ", ".join(part for part in (event.place, online) if part)
    cancelled = event.state == State.CANCELLED
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Pontio//Events//EN",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"SEQUENCE:{max(event.history.count() - 1, 0)}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape((event.description + chr(10) + chr(10) + link).strip())}",
        f"URL:{link}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    if where:
        lines.append(f"LOCATION:{_escape(where)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
