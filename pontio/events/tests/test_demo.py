"""The demo events: every kind of state, a held seminar among a project's outputs, a briefing
that began as a request for an expert, and loading twice changes nothing."""

from typing import Any

from pontio.core.demo import demo_load
from pontio.events.demo import demo_events_load
from pontio.events.models import Attendance, Event, State
from pontio.organisations.models import Organisation
from pontio.projects.models import Project


def test_the_demo_events_load_once(seeded_topics: Any) -> None:
    demo_load()  # loads the demo events too
    council = Organisation.objects.get(name_en="Caerwen Council")
    counts = (Event.objects.count(), Attendance.objects.count())
    assert demo_events_load(organisation=council) == 0
    assert (Event.objects.count(), Attendance.objects.count()) == counts

    assert set(Event.objects.values_list("state", flat=True)) == set(State.values)
    assert Event.objects.filter(visibility="partnership").exists()
    assert all(event.title_cy for event in Event.objects.all())
    findings = Event.objects.get(title_en="Kinship care evaluation: findings seminar")
    assert findings.state == State.HELD and findings.attendances.filter(attended=True).count() == 3
    project = Project.objects.get(title_en="Kinship care evaluation")
    assert project.has_outputs and findings in project.events.all()
    briefing = Event.objects.get(expert_request__isnull=False)
    assert briefing.state == State.HELD and briefing.speakers.exists()
