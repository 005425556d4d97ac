"""The briefs API: published briefs for those who may read them, drafts only for their authors,
reviewer and the organisation's brokers; search finds published briefs only; who read a brief,
feedback and comments are never given."""

from typing import Any

from django.test import Client
from django.utils import timezone

from pontio.accounts.models import Person
from pontio.accounts.services import api_token_create
from pontio.briefs.indexing import index_briefs
from pontio.briefs.models import Brief, Citation, Comment, Feedback, Read, State
from pontio.library.models import Visibility
from pontio.library.tests.helpers import make_record
from pontio.organisations.models import Organisation
from pontio.taxonomy.models import Topic


def bearer(person: Person) -> dict[str, str]:
    _token, secret = api_token_create(person=person, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def make_brief(
    organisation: Organisation,
    title: str = "Keeping children looked after in school",
    *,
    state: str = State.PUBLISHED,
    visibility: str = Visibility.ORGANISATION,
    authors: tuple[Person, ...] = (),
    **fields: Any,
) -> Brief:
    """A brief in the given state; a published one is put in the search index."""
    published = state in (State.PUBLISHED, State.SUPERSEDED)
    fields.setdefault("key_messages_en", "Moves of school set children back.\nKeep the school.")
    brief = Brief.objects.create(
        organisation=organisation,
        title_en=title,
        state=state,
        visibility=visibility,
        published_at=timezone.now() if published else None,
        **fields,
    )
    brief.authors.set(authors)
    index_briefs([brief])
    return brief


def ids(response: Any) -> list[int]:
    return [b["id"] for b in response.json()["results"]]


def test_it_gives_a_published_brief_of_the_organisation_to_a_member(
    client: Client, social_worker: Person, broker: Person, council: Organisation
) -> None:
    brief = make_brief(council, authors=(broker,))
    headers = bearer(social_worker)
    assert ids(client.get("/api/v1/briefs", **headers)) == [brief.pk]
    response = client.get(f"/api/v1/briefs/{brief.pk}", **headers)
    assert response.status_code == 200 and response.json()["title_en"] == brief.title_en


def test_a_partnership_brief_reaches_other_organisations_and_an_organisation_one_does_not(
    client: Client, academic: Person, council: Organisation
) -> None:
    shared = make_brief(council, "Shared brief", visibility=Visibility.PARTNERSHIP)
    private = make_brief(council, "Council only brief", visibility=Visibility.ORGANISATION)
    headers = bearer(academic)
    assert ids(client.get("/api/v1/briefs", **headers)) == [shared.pk]
    assert client.get(f"/api/v1/briefs/{shared.pk}", **headers).status_code == 200
    refused = client.get(f"/api/v1/briefs/{private.pk}", **headers)
    unknown = client.get("/api/v1/briefs/999999", **headers)
    assert refused.status_code == unknown.status_code == 404
    assert (
        refused.json()
        == unknown.json()
        == {"detail": "No brief with this id, or you may not see it."}
    )


def test_a_draft_is_seen_only_by_its_authors_reviewer_and_the_organisations_brokers(
    client: Client,
    champion: Person,
    broker: Person,
    social_worker: Person,
    steering_member: Person,
    academic: Person,
    council: Organisation,
) -> None:
    for state in (State.DRAFT, State.IN_REVIEW, State.APPROVED, State.WITHDRAWN):
        Brief.objects.all().delete()
        draft = make_brief(
            council,
            state=state,
            visibility=Visibility.PUBLIC,
            authors=(champion,),
            reviewer=academic,
        )
        for person in (champion, academic, broker):
            headers = bearer(person)
            assert client.get(f"/api/v1/briefs/{draft.pk}", **headers).status_code == 200
            assert ids(client.get("/api/v1/briefs", **headers)) == [draft.pk]
        for person in (social_worker, steering_member):
            headers = bearer(person)
            assert client.get(f"/api/v1/briefs/{draft.pk}", **headers).status_code == 404
            assert ids(client.get("/api/v1/briefs", **headers)) == []


def test_a_broker_of_another_organisation_does_not_see_its_drafts(
    client: Client, champion: Person, university: Organisation, council: Organisation
) -> None:
    from pontio.accounts.models import Role
    from pontio.conftest import make_person

    other_broker = make_person(
        "ffion@example.org", "Ffion Price", organisation=university, roles=(Role.BROKER,)
    )
    draft = make_brief(council, state=State.DRAFT, authors=(champion,))
    headers = bearer(other_broker)
    assert client.get(f"/api/v1/briefs/{draft.pk}", **headers).status_code == 404
    assert ids(client.get("/api/v1/briefs", **headers)) == []


def test_it_refuses_without_a_valid_token(client: Client, council: Organisation) -> None:
    brief = make_brief(council, visibility=Visibility.PUBLIC)
    assert client.get("/api/v1/briefs").status_code == 401
    assert client.get(f"/api/v1/briefs/{brief.pk}").status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer nonsense"}
    assert client.get("/api/v1/briefs", **bad).status_code == 401


def test_it_pages_by_25(client: Client, social_worker: Person, council: Organisation) -> None:
    made = [make_brief(council, f"Brief {n}") for n in range(27)]
    headers = bearer(social_worker)
    first = client.get("/api/v1/briefs", **headers).json()
    second = client.get("/api/v1/briefs", {"page": 2}, **headers).json()
    assert first["count"] == second["count"] == 27
    assert len(first["results"]) == 25 and len(second["results"]) == 2
    assert {b["id"] for b in first["results"] + second["results"]} == {b.pk for b in made}
    assert second["page"] == 2


def test_it_filters_by_state_and_topic_and_sorts_by_most_read(
    client: Client, broker: Person, council: Organisation, seeded_topics: None
) -> None:
    topic = Topic.objects.filter(parent__isnull=False).first()
    assert topic is not None
    older = make_brief(council, "Older but read", read_count=9)
    newer = make_brief(council, "Newer")
    newer.topics.add(topic)
    draft = make_brief(council, "Draft", state=State.DRAFT)
    headers = bearer(broker)
    assert ids(client.get("/api/v1/briefs", **headers)) == [newer.pk, older.pk, draft.pk]
    published = client.get("/api/v1/briefs", {"state": "published"}, **headers)
    assert ids(published) == [newer.pk, older.pk]
    assert ids(client.get("/api/v1/briefs", {"state": "draft"}, **headers)) == [draft.pk]
    assert ids(client.get("/api/v1/briefs", {"topic": topic.slug}, **headers)) == [newer.pk]
    read = client.get("/api/v1/briefs", {"sort": "most_read", "state": "published"}, **headers)
    assert ids(read) == [older.pk, newer.pk]


def test_it_refuses_an_unknown_state_or_sort(client: Client, broker: Person) -> None:
    headers = bearer(broker)
    assert client.get("/api/v1/briefs", {"state": "lost"}, **headers).status_code == 422
    assert client.get("/api/v1/briefs", {"sort": "oldest"}, **headers).status_code == 422


def test_search_finds_a_published_brief_by_its_words_and_never_a_draft(
    client: Client, broker: Person, council: Organisation
) -> None:
    found = make_brief(
        council, "Sibling contact in foster care", key_messages_en="Siblings placed apart."
    )
    make_brief(council, "Sibling groups in kinship care", state=State.DRAFT, authors=(broker,))
    make_brief(council, "Direct work with teenagers")
    headers = bearer(broker)
    response = client.get("/api/v1/briefs", {"q": "sibling"}, **headers)
    assert ids(response) == [found.pk] and response.json()["count"] == 1
    assert ids(client.get("/api/v1/briefs", {"q": "siblings", "state": "draft"}, **headers)) == []
    assert ids(client.get("/api/v1/briefs", {"q": "nothing matches this"}, **headers)) == []


def test_search_leaves_out_briefs_the_caller_may_not_read(
    client: Client, academic: Person, council: Organisation
) -> None:
    shared = make_brief(council, "Sibling contact", visibility=Visibility.PARTNERSHIP)
    make_brief(council, "Sibling groups", visibility=Visibility.ORGANISATION)
    assert ids(client.get("/api/v1/briefs", {"q": "sibling"}, **bearer(academic))) == [shared.pk]


def test_it_gives_every_field_and_nothing_about_readers_feedback_or_comments(
    client: Client,
    social_worker: Person,
    broker: Person,
    academic: Person,
    council: Organisation,
    university: Organisation,
    seeded_topics: None,
) -> None:
    topic = Topic.objects.filter(parent__isnull=False).first()
    assert topic is not None
    older = make_brief(council, "School stability, first version", state=State.SUPERSEDED)
    brief = make_brief(
        council,
        "School stability",
        authors=(broker,),
        reviewer=academic,
        title_cy="Sefydlogrwydd ysgol",
        question_en="Does moving school harm children looked after?",
        question_cy="A yw symud ysgol yn niweidio plant?",
        key_messages_en="- Moves set children back.\n\n* Keep the school where safe.",
        key_messages_cy="Mae symud yn niweidio.",
        practice_en="Plan school first.",
        practice_cy="Cynlluniwch yr ysgol yn gyntaf.",
        evidence_en="Cohort studies agree.",
        evidence_cy="Mae astudiaethau'n cytuno.",
        limitations_en="Mostly English data.",
        limitations_cy="Data o Loegr.",
        discussion_en="What stops us?\nWho decides?",
        discussion_cy="Beth sy'n ein rhwystro?",
        strength="3",
        strength_rationale_en="Several cohorts.",
        strength_rationale_cy="Sawl carfan.",
        study_kinds=["cohort", "admin_data"],
        audience=["frontline"],
        format="practice_guide",
        version=2,
        supersedes=older,
        review_by=timezone.now().date(),
    )
    brief.topics.add(topic)
    next_version = make_brief(council, "Draft v3", state=State.DRAFT, supersedes=brief)
    shared = make_record(broker, council, "School moves and attainment")
    hidden = make_record(
        academic, university, "Unpublished study", visibility=Visibility.ORGANISATION
    )
    Citation.objects.create(brief=brief, record=shared, position=1, reference="Smith (2020)")
    Citation.objects.create(brief=brief, record=hidden, position=2, reference="Jones (2021)")
    Citation.objects.create(brief=brief, record=None, position=3, reference="Gone (2019)")
    Read.objects.create(brief=brief, person=academic)
    Feedback.objects.create(brief=brief, person=academic, useful=True, why="Secret praise")
    Comment.objects.create(brief=brief, author=academic, text="Secret comment")

    response = client.get(f"/api/v1/briefs/{brief.pk}", **bearer(social_worker))
    data = response.json()
    assert data["organisation"] == "Caerwen Council" and data["state"] == "published"
    assert data["version"] == 2 and data["title_cy"] == "Sefydlogrwydd ysgol"
    assert data["key_messages_en"] == ["Moves set children back.", "Keep the school where safe."]
    assert data["key_messages_cy"] == ["Mae symud yn niweidio."]
    assert data["discussion_en"] == ["What stops us?", "Who decides?"]
    assert data["question_en"].startswith("Does moving") and data["practice_cy"]
    assert data["evidence_en"] == "Cohort studies agree." and data["limitations_cy"]
    assert data["strength"] == {"key": "3", "label": "Level 3: good evidence"}
    assert data["strength_rationale_cy"] == "Sawl carfan."
    assert data["study_kinds"] == ["cohort", "admin_data"] and data["audience"] == ["frontline"]
    assert data["format"] == "practice_guide" and data["topics"] == [topic.slug]
    assert data["references"] == [
        {"reference": "Smith (2020)", "record_id": shared.pk},
        {"reference": "Jones (2021)", "record_id": None},
        {"reference": "Gone (2019)", "record_id": None},
    ]
    assert data["published_at"] and data["review_by"] == str(brief.review_by)
    assert data["supersedes"] == older.pk
    assert data["superseded_by"] is None  # the next version is a draft she may not see
    as_broker = client.get(f"/api/v1/briefs/{brief.pk}", **bearer(broker)).json()
    assert as_broker["superseded_by"] == next_version.pk
    text = response.content.decode()
    for leak in ("Secret praise", "Secret comment", academic.name, academic.email, broker.name):
        assert leak not in text
    for field in ("read_count", "reads", "feedback", "comments", "authors", "reviewer"):
        assert field not in data


def test_a_reference_leads_to_the_record_it_was_merged_into(
    client: Client, broker: Person, council: Organisation
) -> None:
    kept = make_record(broker, council, "School moves and attainment")
    merged = make_record(broker, council, "School moves and attainment (copy)")
    merged.merged_into = kept
    merged.save(update_fields=["merged_into"])
    brief = make_brief(council)
    Citation.objects.create(brief=brief, record=merged, position=1, reference="Smith (2020)")
    data = client.get(f"/api/v1/briefs/{brief.pk}", **bearer(broker)).json()
    assert data["references"] == [{"reference": "Smith (2020)", "record_id": kept.pk}]


def test_the_schema_is_published(client: Client, db: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/briefs" in paths and "/api/v1/briefs/{brief_id}" in paths
