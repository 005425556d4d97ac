"""Collections: team shelves, reading lists, named collections, notes, following, exports."""

from typing import Any

from pontio.accounts.models import Person
from pontio.library import services
from pontio.library.models import Collection, CollectionItem, CollectionKind, Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation, Team


def test_a_team_shelf_replaces_the_shared_folder(
    client_for: Any, social_worker: Person, champion: Person, team: Team, council: Organisation
) -> None:
    record = make_record(social_worker, council, "Signs of Safety in practice")
    client = client_for(social_worker)
    assert "Intake and Assessment" in client.get("/library/collections/").content.decode()
    shelf = Collection.objects.get(kind=CollectionKind.TEAM_SHELF, team=team)
    client.post(
        f"/library/records/{record.pk}/add-to-collection/",
        {"collection": shelf.pk, "note": "To discuss at the team meeting on 4 March"},
    )
    item = CollectionItem.objects.get()
    assert item.note == "To discuss at the team meeting on 4 March"
    page = client_for(champion).get(f"/library/collections/{shelf.pk}/").content.decode()
    assert "Signs of Safety in practice" in page and "4 March" in page


def test_people_outside_the_team_cannot_add_to_its_shelf(
    client_for: Any,
    academic: Person,
    social_worker: Person,
    team: Team,
    council: Organisation,
) -> None:
    record = make_record(social_worker, council)
    shelf = services.team_shelf(team)
    client_for(academic).post(
        f"/library/records/{record.pk}/add-to-collection/", {"collection": shelf.pk}
    )
    assert not CollectionItem.objects.exists()
    assert client_for(academic).get(f"/library/collections/{shelf.pk}/").status_code == 404


def test_a_reading_list_is_private(
    client_for: Any, social_worker: Person, champion: Person, council: Organisation
) -> None:
    mine = services.reading_list(social_worker, council)
    assert client_for(champion).get(f"/library/collections/{mine.pk}/").status_code == 404
    assert client_for(social_worker).get(f"/library/collections/{mine.pk}/").status_code == 200


def test_named_collections_notes_follow_and_remove(
    client_for: Any, broker: Person, champion: Person, council: Organisation
) -> None:
    record = make_record(broker, council, "Trauma-informed practice")
    client = client_for(broker)
    response = client.post(
        "/library/collections/add/",
        {"name": "Journal club", "description": "", "visibility": Visibility.ORGANISATION},
    )
    collection = Collection.objects.get(name="Journal club")
    assert response.url == f"/library/collections/{collection.pk}/"
    client.post(f"/library/records/{record.pk}/add-to-collection/", {"collection": collection.pk})
    item = CollectionItem.objects.get()
    client.post(
        f"/library/collections/{collection.pk}/items/{item.pk}/note/",
        {"note": "Read before Thursday"},
    )
    assert CollectionItem.objects.get().note == "Read before Thursday"
    from django.test import Client

    other = Client()
    other.force_login(champion)
    other.post(f"/library/collections/{collection.pk}/follow/", {"follow": "1"})
    assert collection.followers.filter(pk=champion.pk).exists()
    # A follower cannot remove items; the owner can.
    assert (
        other.post(f"/library/collections/{collection.pk}/items/{item.pk}/remove/").status_code
        == 403
    )
    client.post(f"/library/collections/{collection.pk}/items/{item.pk}/remove/")
    assert not CollectionItem.objects.exists()
    assert record.__class__.objects.filter(pk=record.pk).exists()  # the record stays


def test_an_empty_collection_says_what_to_do(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    collection = services.collection_create(
        person=broker,
        organisation=council,
        name="Empty",
        description="",
        visibility=Visibility.ORGANISATION,
    )
    body = client_for(broker).get(f"/library/collections/{collection.pk}/").content.decode()
    assert "Nothing here yet" in body


def test_followers_get_one_email_a_day_of_what_was_added(
    broker: Person,
    champion: Person,
    social_worker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
) -> None:
    from django.core import mail

    collection = services.collection_create(
        person=broker,
        organisation=council,
        name="Journal club",
        description="",
        visibility=Visibility.ORGANISATION,
    )
    Person.objects.filter(pk=champion.pk).update(language="cy")
    champion.refresh_from_db()
    for person in (champion, social_worker, academic, broker):
        services.collection_follow(person=person, collection=collection, follow=True)
    shared = make_record(broker, council, "Trauma-informed practice")
    hidden = make_record(
        academic, university, "A university draft", visibility=Visibility.ORGANISATION
    )
    services.collection_add(person=broker, collection=collection, record=shared, note="Thursday")
    services.collection_add(person=broker, collection=collection, record=hidden)
    Person.objects.filter(pk=social_worker.pk).update(is_active=False)

    assert services.collections_tell_followers() == 1
    [message] = mail.outbox
    # The champion, in Welsh; the university draft is not theirs to see. The broker added
    # the items, the social worker has left, and the academic cannot see the collection.
    assert message.to == [champion.email]
    assert "Trauma-informed practice" in message.body and "Thursday" in message.body
    assert "university draft" not in message.body
    assert "Journal club" in message.subject and message.subject.startswith("Newydd")
    # Nothing new: nobody is told twice.
    assert services.collections_tell_followers() == 0


def test_a_collection_page_says_what_following_brings(
    client_for: Any, broker: Person, council: Organisation
) -> None:
    collection = services.collection_create(
        person=broker,
        organisation=council,
        name="Journal club",
        description="",
        visibility=Visibility.ORGANISATION,
    )
    page = client_for(broker).get(f"/library/collections/{collection.pk}/").content.decode()
    assert "one email a day" in page
