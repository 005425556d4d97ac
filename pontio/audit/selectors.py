"""The audit trail: every change recorded by django-simple-history on Pontio's models, merged
into one list, newest first, each with who, what, when, and the fields before and after."""

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

PONTIO_APPS = ("accounts", "organisations", "taxonomy")
HIDDEN_FIELDS = {"password", "token_hash", "last_login"}


@dataclass(frozen=True)
class Change:
    when: datetime
    who: Any
    action: str  # "+" created, "~" changed, "-" deleted
    kind: str
    object_repr: str
    reason: str
    fields: list[tuple[str, str, str]]  # (field, before, after)


def history_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, HistoricalChanges) and model._meta.app_label in PONTIO_APPS
    ]


def _changes(record: Any) -> list[tuple[str, str, str]]:
    if record.history_type == "~" and record.prev_record is not None:
        delta = record.diff_against(record.prev_record)
        return [
            (c.field, str(c.old), str(c.new)) for c in delta.changes if c.field not in HIDDEN_FIELDS
        ]
    if record.history_type == "+":
        instance = record.instance
        return [
            (f.name, "", str(getattr(record, f.attname, "")))
            for f in instance._meta.concrete_fields
            if f.name not in HIDDEN_FIELDS and f.name != "id"
        ]
    return []


def audit_changes(
    *, before: datetime | None = None, limit: int = 50, person: Any = None
) -> list[Change]:
    """The newest `limit` changes older than `before`, across every audited model."""
    streams: list[Iterator[Any]] = []
    for model in history_models():
        rows = model.objects.select_related("history_user").order_by("-history_date")  # type: ignore[attr-defined]
        if before is not None:
            rows = rows.filter(history_date__lt=before)
        if person is not None:
            rows = rows.filter(history_user=person)
        streams.append(iter(rows[:limit]))
    merged = heapq.merge(*streams, key=lambda r: r.history_date, reverse=True)
    changes: list[Change] = []
    for record in merged:
        if len(changes) >= limit:
            break
        changes.append(
            Change(
                when=record.history_date,
                who=record.history_user,
                action=record.history_type,
                kind=str(record.instance_type._meta.verbose_name),
                object_repr=str(record.instance),
                reason=record.history_change_reason or "",
                fields=_changes(record),
            )
        )
    return changes
