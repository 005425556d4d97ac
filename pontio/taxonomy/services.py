"""Writes to the taxonomy. simple-history records who changed what."""

from typing import Any

from pontio.core.history import save_as

from .models import Priority, Topic


def topic_save(*, actor: Any, topic: Topic) -> Topic:
    save_as(actor, topic)
    return topic


def priority_save(*, actor: Any, priority: Priority) -> Priority:
    save_as(actor, priority)
    return priority
