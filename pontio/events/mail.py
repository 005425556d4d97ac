"""Mail about events, each in its reader's language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from pontio.core.mail_send import mail_send

from .models import Event


def cancelled_tell(event_id: int) -> int:
    """Tell everyone signed up to a cancelled event, and why. Returns how many were told."""
    event = Event.objects.get(pk=event_id)
    told = 0
    for attendance in event.attendances.select_related("person"):
        person = attendance.person
        if not person.is_active:
            continue
        with translation.override(person.language):
            context = {
                "event": event,
                "link": settings.SITE_URL + reverse("events:event", args=[event.pk]),
            }
            mail_send(
                to=person.email,
                subject=_("Cancelled: %(title)s") % {"title": event.title},
                body=render_to_string("events/email/cancelled.txt", context),
            )
        told += 1
    return told
