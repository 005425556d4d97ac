"""Writes to the taxonomy. simple-history records who changed what."""

from typing import Any

from .models import Priority, Topic


def topic_save(*, actor: Any, topic: Topic) -> Topic:
    topic._history_user = actor  # type: ignore[attr-defined]
    topic.save()
    return topic


def priority_save(*, actor: Any, priority: Priority) -> Priority:
    priority._history_user = actor  # type: ignore[attr-defined]
    priority.save()
    return priority
