"""The audit trail shows who changed what, when, before and after."""

from typing import Any

from pontio.accounts.models import Person, Role


def test_it_records_who_changed_what(client_for: Any, admin: Person, social_worker: Person) -> None:
    client = client_for(admin)
    client.post(f"/manage/people/{social_worker.pk}/", {"save_roles": "1", "roles": [Role.BROKER]})
    client.post(
        "/manage/organisations/add/",
        {"name_en": "Old Name", "kind": "council", "agenda_sharing": "members"},
    )
    from pontio.organisations.models import Organisation

    organisation = Organisation.objects.get(name_en="Old Name")
    client.post(
        f"/manage/organisations/{organisation.pk}/edit/",
        {"name_en": "New Name", "kind": "council", "agenda_sharing": "members", "is_active": "on"},
    )
    body = client.get("/manage/audit/").content.decode()
    assert "Knowledge broker" in body or "broker" in body
    assert "<del>Old Name</del> → New Name" in body
    assert admin.name in body


def test_it_pages_through_older_changes(client_for: Any, admin: Person) -> None:
    from pontio.organisations.models import Organisation, OrganisationKind

    for n in range(60):
        Organisation.objects.create(name_en=f"Org {n:02d}", kind=OrganisationKind.COUNCIL)
    client = client_for(admin)
    first = client.get("/manage/audit/").content.decode()
    assert "Older changes" in first
    import re

    older = re.search(r'href="\?before=([^"]+)"', first)
    assert older
    second = client.get(f"/manage/audit/?before={older.group(1)}").content.decode()
    assert "Org 00" in second
