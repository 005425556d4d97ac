"""Profiles through their services: a person's own draft; a broker hands an imported draft to
its person, who alone publishes, hides or deletes it; works picked from the library. Each rule
has someone who is refused."""

import pytest

from pontio.accounts.models import Person
from pontio.library.models import Record, Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.people.models import Profile, ProfileState
from pontio.people.services import (
    PeopleError,
    profile_add_works,
    profile_assign,
    profile_delete,
    profile_for,
    profile_hide,
    profile_publish,
)


@pytest.fixture
def draft(university: Organisation) -> Profile:
    """An unclaimed draft, as an institution import makes them."""
    return Profile.objects.create(
        name="Mair Thomas",
        organisation=university,
        openalex_id="A5023888391",
        visibility=Visibility.PARTNERSHIP,
    )


def shown(person: Person, profile: Profile) -> bool:
    return Profile.objects.visible_to(person).filter(pk=profile.pk).exists()


def test_it_makes_a_persons_own_draft_once(academic: Person, university: Organisation) -> None:
    profile = profile_for(academic)
    assert profile.person == academic and profile.name == "Mair Thomas"
    assert profile.organisation == university and profile.state == ProfileState.DRAFT
    assert profile_for(academic) == profile
    assert Profile.objects.count() == 1


def test_a_broker_gives_a_draft_to_its_person_who_then_publishes_it(
    broker: Person, academic: Person, social_worker: Person, draft: Profile
) -> None:
    profile_assign(broker=broker, profile=draft, person=academic)
    draft.refresh_from_db()
    assert draft.person == academic and draft.state == ProfileState.DRAFT
    assert shown(academic, draft) and not shown(social_worker, draft)
    profile_publish(person=academic, profile=draft)
    assert shown(social_worker, draft)


def test_only_a_broker_gives_a_draft_away(
    academic: Person, champion: Person, draft: Profile
) -> None:
    for someone in (academic, champion):
        with pytest.raises(PeopleError, match="Only a knowledge broker"):
            profile_assign(broker=someone, profile=draft, person=academic)
    draft.refresh_from_db()
    assert draft.person is None


def test_a_claimed_profile_is_not_given_again(
    broker: Person, academic: Person, social_worker: Person, draft: Profile
) -> None:
    profile_assign(broker=broker, profile=draft, person=academic)
    with pytest.raises(PeopleError, match="already belongs to someone"):
        profile_assign(broker=broker, profile=draft, person=social_worker)
    draft.refresh_from_db()
    assert draft.person == academic


def test_nobody_gets_a_second_profile(broker: Person, academic: Person, draft: Profile) -> None:
    own = profile_for(academic)
    with pytest.raises(PeopleError, match="already has a profile"):
        profile_assign(broker=broker, profile=draft, person=academic)
    draft.refresh_from_db()
    assert draft.person is None and Profile.objects.get(person=academic) == own


def test_a_broker_does_not_give_a_profile_to_themselves(broker: Person, draft: Profile) -> None:
    with pytest.raises(PeopleError, match="another knowledge broker"):
        profile_assign(broker=broker, profile=draft, person=broker)
    draft.refresh_from_db()
    assert draft.person is None


def test_only_the_owner_publishes_or_hides(
    broker: Person, academic: Person, social_worker: Person, draft: Profile
) -> None:
    # Not even a broker publishes a draft nobody has claimed.
    with pytest.raises(PeopleError, match="Only the person"):
        profile_publish(person=broker, profile=draft)
    profile_assign(broker=broker, profile=draft, person=academic)
    for someone in (broker, social_worker):
        with pytest.raises(PeopleError, match="Only the person"):
            profile_publish(person=someone, profile=draft)
    draft.refresh_from_db()
    assert draft.state == ProfileState.DRAFT
    profile_publish(person=academic, profile=draft)
    for someone in (broker, social_worker):
        with pytest.raises(PeopleError, match="Only the person"):
            profile_hide(person=someone, profile=draft)
    draft.refresh_from_db()
    assert draft.state == ProfileState.PUBLISHED
    profile_hide(person=academic, profile=draft)
    assert not shown(social_worker, draft) and shown(academic, draft)


def test_deleting_a_profile_keeps_its_records(
    broker: Person, academic: Person, social_worker: Person, university: Organisation
) -> None:
    profile = profile_for(academic)
    record = make_record(academic, university)
    profile_add_works(person=academic, profile=profile, records=[record])
    for someone in (broker, social_worker):
        with pytest.raises(PeopleError, match="Only the person"):
            profile_delete(person=someone, profile=profile)
    assert Profile.objects.filter(pk=profile.pk).exists()
    profile_delete(person=academic, profile=profile)
    assert not Profile.objects.exists()
    assert Record.objects.filter(pk=record.pk).exists()


def test_a_broker_deletes_an_unclaimed_draft_but_nobody_else_does(
    broker: Person, academic: Person, draft: Profile
) -> None:
    with pytest.raises(PeopleError):
        profile_delete(person=academic, profile=draft)
    profile_delete(person=broker, profile=draft)
    assert not Profile.objects.exists()


def test_works_are_picked_from_what_the_person_may_see(
    academic: Person,
    social_worker: Person,
    council: Organisation,
    university: Organisation,
) -> None:
    profile = profile_for(academic)
    shared = make_record(academic, university, "Kinship care in Wales")
    council_only = make_record(
        social_worker, council, "Our team's audit", visibility=Visibility.ORGANISATION
    )
    assert profile_add_works(person=academic, profile=profile, records=[shared]) == 1
    assert profile_add_works(person=academic, profile=profile, records=[shared]) == 0
    with pytest.raises(PeopleError, match="not shared with you"):
        profile_add_works(person=academic, profile=profile, records=[shared, council_only])
    with pytest.raises(PeopleError, match="Only the person"):
        profile_add_works(person=social_worker, profile=profile, records=[council_only])
    assert list(profile.works.all()) == [shared]


def test_a_broker_adds_works_to_a_draft_but_not_to_a_claimed_profile(
    broker: Person, academic: Person, council: Organisation, draft: Profile
) -> None:
    record = make_record(broker, council)
    assert profile_add_works(person=broker, profile=draft, records=[record]) == 1
    profile_assign(broker=broker, profile=draft, person=academic)
    other = make_record(broker, council, "Another study")
    with pytest.raises(PeopleError):
        profile_add_works(person=broker, profile=draft, records=[other])
    assert draft.works.count() == 1
