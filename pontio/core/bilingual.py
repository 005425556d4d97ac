"""Content that people write is kept in English and Welsh: `name_en` and `name_cy` fields, read
through one property that follows the active language and falls back to English."""

from typing import Any

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def in_language(obj: Any, field: str) -> str:
    """The Welsh text when the page is in Welsh and one was written, otherwise the English."""
    if (get_language() or "en").startswith("cy"):
        welsh = getattr(obj, f"{field}_cy", "")
        if welsh:
            return str(welsh)
    return str(getattr(obj, f"{field}_en", ""))


class BilingualName(models.Model):
    """A thing with a name in English and Welsh."""

    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")
