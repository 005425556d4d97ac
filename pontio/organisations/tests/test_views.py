"""Administrators manage organisations and teams in English and Welsh."""

from typing import Any

from pontio.accounts.models import Person
from pontio.organisations.models import Organisation, Team


def test_it_adds_an_organisation_in_both_languages(client_for: Any, admin: Person) -> None:
    client = client_for(admin)
    response = client.post(
        "/manage/organisations/add/",
        {
            "name_en": "Valleys Health Board",
            "name_cy": "Bwrdd Iechyd y Cymoedd",
            "kind": "health",
            "agenda_sharing": "public",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name_en="Valleys Health Board")
    assert organisation.name_cy == "Bwrdd Iechyd y Cymoedd"
    assert organisation.agenda_sharing == "public"
    assert organisation.history.first().history_user == admin
    admin.language = "cy"
    admin.save()
    assert "Bwrdd Iechyd y Cymoedd" in client.get("/manage/organisations/").content.decode()


def test_it_refuses_a_duplicate_name_and_keeps_the_form(
    client_for: Any, admin: Person, council: Organisation
) -> None:
    response = client_for(admin).post(
        "/manage/organisations/add/",
        {
            "name_en": council.name_en,
            "name_cy": "Rhywbeth",
            "kind": "council",
            "agenda_sharing": "members",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and 'value="Rhywbeth"' in body
    assert Organisation.objects.filter(name_en=council.name_en).count() == 1


def test_it_adds_and_edits_teams(client_for: Any, admin: Person, council: Organisation) -> None:
    client = client_for(admin)
    client.post(
        f"/manage/organisations/{council.pk}/teams/add/",
        {"name_en": "Early Help", "name_cy": "Cymorth Cynnar", "is_active": "on"},
    )
    team = Team.objects.get(name_en="Early Help")
    assert team.organisation == council
    client.post(
        f"/manage/organisations/{council.pk}/teams/{team.pk}/edit/",
        {"name_en": "Early Help Hub", "name_cy": "Hwb Cymorth Cynnar"},
    )
    team.refresh_from_db()
    assert team.name_en == "Early Help Hub" and not team.is_active
    detail = client.get(f"/manage/organisations/{council.pk}/").content.decode()
    assert "Early Help Hub" in detail


def test_it_will_not_edit_a_team_through_another_organisation(
    client_for: Any, admin: Person, university: Organisation, team: Team
) -> None:
    response = client_for(admin).post(
        f"/manage/organisations/{university.pk}/teams/{team.pk}/edit/", {"name_en": "Moved"}
    )
    assert response.status_code == 404
    team.refresh_from_db()
    assert team.name_en != "Moved"


def test_it_shows_an_empty_state(client_for: Any, admin: Person, council: Organisation) -> None:
    body = client_for(admin).get(f"/manage/organisations/{council.pk}/").content.decode()
    assert "no teams yet" in body
