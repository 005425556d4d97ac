"""The shared vocabulary: a two-level topic taxonomy seeded from the briefing, and each
organisation's strategic priorities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.core.bilingual import BilingualName, in_language


class TopicQuerySet(models.QuerySet["Topic"]):
    def active(self) -> "TopicQuerySet":
        return self.filter(is_active=True)

    def top_level(self) -> "TopicQuerySet":
        return self.filter(parent__isnull=True)


class Topic(BilingualName):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("broader topic"),
    )
    description_en = models.TextField(_("description in English"), blank=True)
    description_cy = models.TextField(_("description in Welsh"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("topic")

    @property
    def description(self) -> str:
        return in_language(self, "description")


class Priority(BilingualName):
    """A strategic priority of an organisation, e.g. from its corporate plan."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="priorities",
        verbose_name=_("organisation"),
    )
    description_en = models.TextField(_("description in English"), blank=True)
    description_cy = models.TextField(_("description in Welsh"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name_en", "name_en"]
        verbose_name = _("strategic priority")
        verbose_name_plural = _("strategic priorities")

    @property
    def description(self) -> str:
        return in_language(self, "description")
