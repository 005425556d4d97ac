"""Mail about events to the people signed up, each in their reader's language, with the event's
calendar file so that their calendar follows."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pontio.core.mail_send import mail_send

from .calendar import event_ics
from .models import Event, State


def _tell(event: Event, subject: str, template: str) -> int:
    """Send one message to everyone signed up. Returns how many were told."""
    told = 0
    link = settings.SITE_URL + reverse("events:event", args=[event.pk])
    ics = event_ics(event, with_link=True)  # they are coming: the link is theirs
    for attendance in event.attendances.select_related("person"):
        person = attendance.person
        if not person.is_active:
            continue
        with translation.override(person.language):
            mail_send(
                to=person.email,
                subject=_(subject) % {"title": event.title},
                body=render_to_string(template, {"event": event, "link": link}),
                attachments=[(f"pontio-event-{event.pk}.ics", ics, "text/calendar")],
            )
        told += 1
    return told


def cancelled_tell(event_id: int) -> int:
    """Tell everyone signed up to a cancelled event, and why."""
    event = Event.objects.get(pk=event_id)
    return _tell(event, CANCELLED, "events/email/cancelled.txt")


def changed_tell(event_id: int) -> int:
    """Tell everyone signed up to a planned event its new time or place."""
    event = Event.objects.get(pk=event_id)
    if event.state != State.PLANNED:
        return 0
    return _tell(event, CHANGED, "events/email/changed.txt")


# Marked for the catalogue here; put into each reader's language when their message is sent.
CANCELLED = gettext_noop("Cancelled: %(title)s")
CHANGED = gettext_noop("Changed: %(title)s")
