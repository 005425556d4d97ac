"""The demo directory: 20+ profiles, some claimed and published, some unclaimed drafts, and
requests in every state; loading the demo twice changes nothing."""

from typing import Any

from pontio.core.demo import demo_load
from pontio.people.models import ExpertRequest, Profile, ProfileState, RequestState


def test_the_demo_directory_loads_once(seeded_topics: Any) -> None:
    demo_load()
    counts = (Profile.objects.count(), ExpertRequest.objects.count())
    demo_load()
    assert (Profile.objects.count(), ExpertRequest.objects.count()) == counts
    assert Profile.objects.count() >= 20
    assert Profile.objects.filter(person__isnull=False, state=ProfileState.PUBLISHED).count() >= 4
    assert Profile.objects.filter(person__isnull=True, state=ProfileState.DRAFT).count() >= 5
    assert set(ExpertRequest.objects.values_list("state", flat=True)) == set(RequestState.values)
