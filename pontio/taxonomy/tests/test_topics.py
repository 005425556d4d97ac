"""The seeded taxonomy, and administrators' pages for topics and priorities."""

from typing import Any

from pontio.accounts.models import Person
from pontio.organisations.models import Organisation
from pontio.taxonomy.models import Priority, Topic
from pontio.taxonomy.seed import TOPICS, seed_topics


def test_it_seeds_the_briefings_research_areas(seeded_topics: None) -> None:
    for slug in (
        "pre-birth",
        "contextual-harm",
        "children-looked-after",
        "safeguarding",
        "criminal-exploitation",
        "sexual-exploitation",
        "health-outcomes",
        "health-social-care-integration",
        "aces",
        "domestic-sexual-violence",
        "substance-use",
        "mental-health",
    ):
        topic = Topic.objects.get(slug=slug)
        assert topic.name_en and topic.name_cy
    assert Topic.objects.top_level().count() == len(TOPICS)
    assert not Topic.objects.filter(parent__parent__isnull=False).exists()  # two levels


def test_seeding_again_changes_nothing(seeded_topics: None) -> None:
    Topic.objects.filter(slug="aces").update(name_en="ACEs (renamed)")
    assert seed_topics(Topic) == 0
    assert Topic.objects.get(slug="aces").name_en == "ACEs (renamed)"


def test_it_shows_topic_names_in_welsh(seeded_topics: None) -> None:
    from django.utils import translation

    topic = Topic.objects.get(slug="mental-health")
    with translation.override("cy"):
        assert topic.name == "Iechyd meddwl"
    with translation.override("en"):
        assert topic.name == "Mental health"


def test_it_adds_a_narrower_topic(client_for: Any, admin: Person, seeded_topics: None) -> None:
    parent = Topic.objects.get(slug="safeguarding")
    response = client_for(admin).post(
        "/manage/topics/add/",
        {
            "name_en": "Online harm",
            "name_cy": "Niwed ar-lein",
            "slug": "online-harm",
            "parent": parent.pk,
            "position": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Topic.objects.get(slug="online-harm").parent == parent


def test_it_keeps_the_taxonomy_at_two_levels(
    client_for: Any, admin: Person, seeded_topics: None
) -> None:
    parent = Topic.objects.get(slug="safeguarding")
    other = Topic.objects.get(slug="trigger-trio")
    response = client_for(admin).post(
        f"/manage/topics/{parent.pk}/edit/",
        {
            "name_en": parent.name_en,
            "name_cy": parent.name_cy,
            "slug": parent.slug,
            "parent": other.pk,
            "position": 1,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    parent.refresh_from_db()
    assert parent.parent is None


def test_it_refuses_a_duplicate_slug(client_for: Any, admin: Person, seeded_topics: None) -> None:
    response = client_for(admin).post(
        "/manage/topics/add/", {"name_en": "Again", "name_cy": "Eto", "slug": "aces", "position": 1}
    )
    assert response.status_code == 200
    assert Topic.objects.filter(slug="aces").count() == 1


def test_it_manages_priorities(client_for: Any, admin: Person, council: Organisation) -> None:
    client = client_for(admin)
    assert "no strategic priorities yet" in client.get("/manage/priorities/").content.decode()
    client.post(
        "/manage/priorities/add/",
        {
            "organisation": council.pk,
            "name_en": "Early help",
            "name_cy": "Cymorth cynnar",
            "is_active": "on",
        },
    )
    priority = Priority.objects.get()
    client.post(
        f"/manage/priorities/{priority.pk}/edit/",
        {
            "organisation": council.pk,
            "name_en": "Early help and prevention",
            "name_cy": "Cymorth cynnar ac atal",
            "is_active": "on",
        },
    )
    priority.refresh_from_db()
    assert priority.name_en == "Early help and prevention"
    assert priority.history.count() == 2
