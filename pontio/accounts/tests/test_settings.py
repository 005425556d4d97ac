"""A person's own settings: name, language, topics."""

from typing import Any

from pontio.accounts.models import Person
from pontio.taxonomy.models import Topic


def test_it_saves_name_language_and_topics(
    client_for: Any, social_worker: Person, seeded_topics: None
) -> None:
    topic = Topic.objects.get(slug="contextual-harm")
    client = client_for(social_worker)
    response = client.post("/account/", {"name": "Siân M.", "language": "cy", "topics": [topic.pk]})
    assert response.status_code == 302
    person = Person.objects.get(pk=social_worker.pk)
    assert person.name == "Siân M." and person.language == "cy"
    assert list(person.topics.all()) == [topic]
    home = client.get("/").content.decode()
    assert 'lang="cy"' in home
    assert topic.name_cy in home


def test_it_keeps_what_was_typed_on_error(client_for: Any, social_worker: Person) -> None:
    response = client_for(social_worker).post("/account/", {"name": "", "language": "xx"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert Person.objects.get(pk=social_worker.pk).name == "Siân Morgan"
