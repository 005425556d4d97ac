"""Requests for an expert: a practitioner asks, a broker of their organisation approaches the
expert, who accepts with times or declines; each step refused to everyone else, and an
accepted request keeps who, about what and when."""

from typing import Any

import pytest

from pontio.accounts.models import Person
from pontio.people import requests as service
from pontio.people.models import ExpertRequest, Profile, RequestState


@pytest.fixture
def expert(academic: Person, university: Any) -> Profile:
    return Profile.objects.create(
        person=academic,
        name=academic.name,
        organisation=university,
        state="published",
        visibility="partnership",
    )


def test_a_request_goes_through_a_broker_to_the_expert(
    client_for: Any, social_worker: Person, broker: Person, academic: Person, expert: Profile
) -> None:
    asker = client_for(social_worker)
    refused = asker.post(f"/experts/{expert.pk}/ask/", {"kind": "briefing"})
    assert "Say what you would like to talk about" in refused.content.decode()
    assert not ExpertRequest.objects.exists()
    asker.post(f"/experts/{expert.pk}/ask/", {"kind": "briefing", "about": "Kinship care"})
    made = ExpertRequest.objects.get()
    assert made.state == RequestState.NEW and made.requested_by == social_worker
    # The expert does not see it until a broker passes it on.
    assert client_for(academic).get(f"/experts/requests/{made.pk}/").status_code == 404
    client_for(broker).post(f"/experts/requests/{made.pk}/", {"step": "approach", "note": "Hi"})
    assert ExpertRequest.objects.get().state == RequestState.APPROACHED
    expert_client = client_for(academic)
    page = expert_client.post(
        f"/experts/requests/{made.pk}/", {"step": "answer", "answer": "accept"}
    )
    assert "Propose one or more times" in page.content.decode()
    expert_client.post(
        f"/experts/requests/{made.pk}/",
        {"step": "answer", "answer": "accept", "times": "Tuesday 10am"},
    )
    done = ExpertRequest.objects.get()
    assert done.state == RequestState.ACCEPTED and done.proposed_times == "Tuesday 10am"
    assert (
        "Tuesday 10am"
        in client_for(social_worker).get(f"/experts/requests/{made.pk}/").content.decode()
    )


def test_each_step_is_refused_to_the_wrong_person(
    social_worker: Person, champion: Person, broker: Person, academic: Person, expert: Profile
) -> None:
    made = service.request_make(person=social_worker, expert=expert, kind="roundtable", about="x")
    for person in (social_worker, champion, academic):
        with pytest.raises(service.RequestError, match="Only knowledge brokers"):
            service.request_approach(person=person, request=made)
    service.request_approach(person=broker, request=made)
    for person in (social_worker, broker, champion):
        with pytest.raises(service.RequestError, match="Only the expert"):
            service.request_answer(person=person, request=made, accept=False)
    with pytest.raises(service.RequestError, match="Only the person who asked"):
        service.request_withdraw(person=champion, request=made)
    assert ExpertRequest.objects.get().state == RequestState.APPROACHED


def test_requests_are_seen_only_by_those_involved(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    steering_member: Person,
    expert: Profile,
) -> None:
    made = service.request_make(
        person=social_worker, expert=expert, kind="briefing", about="Secret"
    )
    for person in (champion, steering_member):
        client = client_for(person)
        assert client.get(f"/experts/requests/{made.pk}/").status_code == 404
        assert client.post(f"/experts/requests/{made.pk}/", {"step": "withdraw"}).status_code == 404
        assert "Secret" not in client.get("/experts/requests/").content.decode()
    assert ExpertRequest.objects.get().state == RequestState.NEW


def test_a_draft_or_hidden_expert_takes_no_requests(
    client_for: Any, social_worker: Person, expert: Profile
) -> None:
    Profile.objects.filter(pk=expert.pk).update(state="hidden")
    assert client_for(social_worker).get(f"/experts/{expert.pk}/ask/").status_code == 404
    expert.refresh_from_db()
    with pytest.raises(service.RequestError, match="not taking requests"):
        service.request_make(person=social_worker, expert=expert, kind="briefing", about="x")
