"""Writes that the audit trail attributes to a person. django-simple-history reads the acting
person from the request in views; services name them explicitly, so commands and jobs are
attributed too (None means Pontio itself)."""

from typing import Any

from django.db import models


def attribute_to(actor: Any, obj: models.Model) -> None:
    obj._history_user = actor  # type: ignore[attr-defined]


def save_as(actor: Any, obj: models.Model, **kwargs: Any) -> None:
    attribute_to(actor, obj)
    obj.save(**kwargs)


def delete_as(actor: Any, obj: models.Model) -> None:
    attribute_to(actor, obj)
    obj.delete()
