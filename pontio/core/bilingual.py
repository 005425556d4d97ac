"""Content that people write is kept in English and Welsh: `name_en` and `name_cy` fields, read
through one property that follows the active language and falls back to English."""

from typing import Any

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def reader_language() -> str:
    """The page's language as Pontio keeps content: "cy" or "en"."""
    return "cy" if (get_language() or "en").startswith("cy") else "en"


def shown_in(obj: Any, field: str, language: str | None = None) -> tuple[str, str]:
    """A written field (`field_en`, `field_cy`) in the reader's language (or the one asked
    for), else in the other one, with the language it is in, for the `lang` attribute."""
    wanted = language or reader_language()
    for lang in (wanted, "en" if wanted == "cy" else "cy"):
        value = str(getattr(obj, f"{field}_{lang}") or "")
        if value.strip():
            return value, lang
    return "", wanted


def in_either_language(obj: Any, field: str) -> str:
    """The field in the reader's language, else in the other: content written in Welsh first is
    still shown to English readers."""
    return shown_in(obj, field)[0]


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
