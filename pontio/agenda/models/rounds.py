"""Prioritisation rounds, their secret ballots, and the order the final workshop agreed."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pontio.core.bilingual import in_either_language

from .questions import Question, SupporterGroup


class RoundQuerySet(models.QuerySet["Round"]):
    def visible_to(self, person: Any) -> "RoundQuerySet":
        """A round is seen inside its organisation and by the partner organisations it asks."""
        organisations = person.memberships.values("organisation")
        asked = self.filter(partners__in=organisations).values("pk")
        return self.filter(models.Q(organisation__in=organisations) | models.Q(pk__in=asked))


class Round(models.Model):
    """A prioritisation round: the steering group asks an electorate to rank a shortlist."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("organisation"),
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    shortlist = models.ManyToManyField(Question, related_name="rounds")
    # The electorate: SupporterGroup keys, and if any teams are named, only their members.
    groups = models.JSONField(_("who may vote"), default=list)
    teams = models.ManyToManyField("organisations.Team", blank=True, related_name="rounds")
    # Other organisations whose members are asked too; they vote as partners.
    partners = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="rounds_joined"
    )
    picks = models.PositiveSmallIntegerField(_("how many questions each person picks"), default=10)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_at", "-pk"]
        verbose_name = _("prioritisation round")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_it_opens",
            ),
            models.CheckConstraint(condition=models.Q(picks__gte=1), name="round_picks_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_either_language(self, "title")

    def is_open_at(self, moment: Any) -> bool:
        return bool(self.opens_at <= moment < self.closes_at)

    def is_closed_at(self, moment: Any) -> bool:
        return bool(moment >= self.closes_at)

    @property
    def group_labels(self) -> list[str]:
        return [str(SupporterGroup(g).label) for g in self.groups if g in SupporterGroup.values]


class Ballot(models.Model):
    """One person's ballot in a round. Only its voter ever sees its choices; results count
    choices by the group stored here, so they need no one's identity."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ballots"
    )
    # The voter's group when they voted (see permissions.person_group).
    group = models.CharField(max_length=20, choices=SupporterGroup.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint("round", "voter", name="ballot_once_per_round")]

    def __str__(self) -> str:
        return f"ballot {self.pk} in round {self.round_id}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()  # 1 is the voter's first choice

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint("ballot", "question", name="ballot_question_once"),
            models.UniqueConstraint("ballot", "rank", name="ballot_rank_once"),
            models.CheckConstraint(condition=models.Q(rank__gte=1), name="ballot_rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} ranked {self.rank}"


class AgreedPlace(models.Model):
    """The place the final workshop agreed for a question of a round, and why it moved from the
    place the ballots gave it. The top places are the agenda's top ten."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="agreed_places")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    place = models.PositiveSmallIntegerField()
    ballot_place = models.PositiveSmallIntegerField(null=True)  # None when too few ballots
    reason = models.TextField(blank=True)  # why it moved; empty when it did not
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["place"]
        constraints = [
            models.UniqueConstraint("round", "question", name="agreed_question_once"),
            models.UniqueConstraint("round", "place", name="agreed_place_once"),
            models.CheckConstraint(condition=models.Q(place__gte=1), name="agreed_place_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} agreed at {self.place}"

    @property
    def moved(self) -> bool:
        """Moved from its ballot place: a reason is kept exactly then (see workshop.py)."""
        return bool(self.reason)
