"""Administrators' pages for people: the list, roles, memberships, deactivation."""

from typing import Any

from pontio.accounts.models import Person, Role
from pontio.organisations.models import Membership, Organisation, Team


def test_it_lists_people_with_search_and_paging(
    client_for: Any, admin: Person, social_worker: Person, broker: Person, settings: Any
) -> None:
    client = client_for(admin)
    body = client.get("/manage/people/").content.decode()
    assert social_worker.name in body and broker.name in body
    found = client.get("/manage/people/", {"q": "alys"}).content.decode()
    assert broker.name in found and social_worker.name not in found
    by_role = client.get("/manage/people/", {"role": Role.BROKER}).content.decode()
    assert broker.name in by_role and social_worker.name not in by_role
    settings.PAGE_SIZE = 1
    paged = client.get("/manage/people/", {"sort": "email"}).content.decode()
    assert "govuk-pagination" in paged


def test_it_shows_an_empty_state(client_for: Any, admin: Person) -> None:
    body = client_for(admin).get("/manage/people/", {"q": "nobody-at-all"}).content.decode()
    assert "Nobody matches" in body


def test_it_gives_and_takes_away_roles(
    client_for: Any, admin: Person, social_worker: Person
) -> None:
    client = client_for(admin)
    path = f"/manage/people/{social_worker.pk}/"
    client.post(path, {"save_roles": "1", "roles": [Role.CHAMPION, Role.BROKER]})
    assert Person.objects.get(pk=social_worker.pk).roles == {Role.CHAMPION, Role.BROKER}
    client.post(path, {"save_roles": "1", "roles": [Role.BROKER]})
    assert Person.objects.get(pk=social_worker.pk).roles == {Role.BROKER}


def test_it_keeps_the_last_administrator(client_for: Any, admin: Person) -> None:
    response = client_for(admin).post(
        f"/manage/people/{admin.pk}/", {"save_roles": "1", "roles": []}
    )
    assert response.status_code == 200
    assert "at least one administrator" in response.content.decode()
    assert Person.objects.get(pk=admin.pk).has_role(Role.ADMIN)


def test_it_adds_and_removes_memberships(
    client_for: Any, admin: Person, social_worker: Person, university: Organisation
) -> None:
    client = client_for(admin)
    client.post(
        f"/manage/people/{social_worker.pk}/",
        {"add_membership": "1", "organisation": university.pk},
    )
    membership = Membership.objects.get(person=social_worker, organisation=university)
    client.post(f"/manage/people/{social_worker.pk}/memberships/{membership.pk}/remove/")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_it_refuses_a_team_of_another_organisation(
    client_for: Any, admin: Person, social_worker: Person, university: Organisation, team: Team
) -> None:
    response = client_for(admin).post(
        f"/manage/people/{social_worker.pk}/",
        {"add_membership": "1", "organisation": university.pk, "team": team.pk},
    )
    assert "Choose a team in the organisation you chose" in response.content.decode()
    assert not Membership.objects.filter(person=social_worker, organisation=university).exists()


def test_it_asks_before_deactivating(client_for: Any, admin: Person, social_worker: Person) -> None:
    client = client_for(admin)
    page = client.get(f"/manage/people/{social_worker.pk}/deactivate/").content.decode()
    assert "Are you sure" in page
    response = client.post(f"/manage/people/{social_worker.pk}/deactivate/", {"reason": ""})
    assert response.status_code == 200  # a reason is required
    assert Person.objects.get(pk=social_worker.pk).is_active


def test_it_deactivates_and_keeps_their_work(
    client_for: Any, client: Any, admin: Person, social_worker: Person
) -> None:
    from pontio.conftest import PASSWORD

    admin_client = client_for(admin)
    admin_client.post(
        f"/manage/people/{social_worker.pk}/deactivate/", {"reason": "Left the council"}
    )
    person = Person.objects.get(pk=social_worker.pk)
    assert not person.is_active
    assert Membership.objects.filter(person=person).exists()  # nothing deleted
    assert person.history.first().history_change_reason == "Left the council"
    admin_client.logout()
    response = client.post("/auth/login/", {"login": person.email, "password": PASSWORD})
    assert client.get("/").status_code == 302  # cannot sign in
    assert response.status_code in (200, 302)
    client_for(admin).post(f"/manage/people/{social_worker.pk}/reactivate/")
    assert Person.objects.get(pk=social_worker.pk).is_active


def test_it_refuses_to_deactivate_yourself(client_for: Any, admin: Person) -> None:
    response = client_for(admin).post(f"/manage/people/{admin.pk}/deactivate/", {"reason": "oops"})
    assert "cannot deactivate your own account" in response.content.decode()
    assert Person.objects.get(pk=admin.pk).is_active
