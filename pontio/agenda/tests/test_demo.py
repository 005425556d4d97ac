"""The demo agenda: 20+ questions in every state, supports across teams, a closed round with
results per group and an agreed top ten, an open round, and a steering meeting with decisions;
loading the demo twice changes nothing."""

from typing import Any

from django.utils import timezone

from pontio.agenda.models import (
    AgreedPlace,
    Decision,
    FollowUp,
    Meeting,
    Question,
    Round,
    State,
    Support,
)
from pontio.agenda.rounds import round_results
from pontio.core.demo import demo_load


def test_the_demo_agenda_loads_once(seeded_topics: Any) -> None:
    demo_load()
    counts = (Question.objects.count(), Support.objects.count(), Decision.objects.count())
    demo_load()
    assert (Question.objects.count(), Support.objects.count(), Decision.objects.count()) == counts

    assert Question.objects.count() >= 20
    assert set(Question.objects.values_list("state", flat=True)) == set(State.values)
    assert Question.objects.filter(merged_into__isnull=False).count() == 1
    assert Question.objects.filter(clarification_asked=True).count() == 1
    teams = Support.objects.values("person__memberships__team").distinct().count()
    assert Support.objects.count() > 40 and teams >= 3

    now = timezone.now()
    closed = Round.objects.get(closes_at__lt=now)
    results = round_results(closed)
    shown = [
        label
        for (key, label), n in zip(results.groups, results.turnout.values(), strict=True)
        if n >= 3
    ]
    assert len(shown) == 2 and results.rows and all(None not in r.by_group for r in results.rows)
    assert AgreedPlace.objects.filter(round=closed).exclude(reason="").count() == 2
    top = Question.objects.filter(agenda_place__isnull=False).order_by("agenda_place")
    assert [q.agenda_place for q in top] == list(range(1, 11))
    assert Round.objects.filter(opens_at__lt=now, closes_at__gt=now).count() == 1

    assert Meeting.objects.count() == 2
    held = Meeting.objects.get(starts_at__lt=now)
    assert set(held.decisions.values_list("outcome", flat=True)) == {
        "commission",
        "defer",
        "reject",
    }
    assert held.items.count() == 4 and FollowUp.objects.filter(done_at__isnull=False).count() == 1
