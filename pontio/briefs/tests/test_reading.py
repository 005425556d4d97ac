"""Reading briefs: the list with its filters and empty state, a page with key messages first,
"I've read this" counted once and shown only to the reader, feedback, out-of-date warnings,
the Welsh version's state, and the downloads."""

from datetime import date, timedelta
from typing import Any

from django.utils import translation

from pontio.accounts.models import Person, Role
from pontio.briefs.models import Brief, Read
from pontio.briefs.tests.helpers import make_brief, publish
from pontio.conftest import make_person, make_team
from pontio.organisations.models import Organisation


def published(champion: Person, academic: Person, broker: Person, **texts: str) -> Brief:
    return publish(make_brief(champion, **texts), champion, academic, broker)


def test_the_list_has_an_empty_state_filters_and_sorting(
    client_for: Any, social_worker: Person, champion: Person, academic: Person, broker: Person
) -> None:
    client = client_for(social_worker)
    assert "No briefs have been published yet." in client.get("/briefs/").content.decode()
    older = published(champion, academic, broker, title_en="Research champions")
    published(champion, academic, broker, title_en="Knowledge brokers")
    Brief.objects.filter(pk=older.pk).update(read_count=5)
    body = client_for(social_worker).get("/briefs/").content.decode()
    assert body.index("Knowledge brokers") < body.index("Research champions")
    body = client_for(social_worker).get("/briefs/?sort=read").content.decode()
    assert body.index("Research champions") < body.index("Knowledge brokers")
    body = client_for(social_worker).get("/briefs/?sort=most_read").content.decode()
    assert body.index("Research champions") < body.index("Knowledge brokers")
    make_brief(champion, title_en="A draft nobody else sees")
    assert (
        "A draft nobody else sees" not in client_for(social_worker).get("/briefs/").content.decode()
    )


def test_for_my_team_lists_what_my_team_reads(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    academic: Person,
    broker: Person,
    council: Organisation,
) -> None:
    read_here = published(champion, academic, broker, title_en="Read in my team")
    published(champion, academic, broker, title_en="Read elsewhere")
    other = make_person("ifan@example.org", "Ifan", team=make_team(council, "Fostering"))
    client_for(champion).post(f"/briefs/{read_here.pk}/read/")
    client_for(other).post(f"/briefs/{Brief.objects.get(title_en='Read elsewhere').pk}/read/")
    body = client_for(social_worker).get("/briefs/?for=team").content.decode()
    assert "Read in my team" in body and "Read elsewhere" not in body


def test_the_page_puts_key_messages_first_and_the_rest_a_tap_away(
    client_for: Any, social_worker: Person, champion: Person, academic: Person, broker: Person
) -> None:
    brief = published(champion, academic, broker)
    body = client_for(social_worker).get(f"/briefs/{brief.pk}/").content.decode()
    assert body.index("Key messages") < body.index("What the evidence says")
    assert "Embedded researchers help teams use research." in body
    assert '<details class="govuk-details">' in body
    assert "In English and Welsh" in body and "About 1 minute" in body


def test_a_welsh_reader_gets_welsh_and_the_welsh_state_is_shown(
    client_for: Any, steering_member: Person, champion: Person, academic: Person, broker: Person
) -> None:
    brief = published(champion, academic, broker)
    body = client_for(steering_member).get(f"/briefs/{brief.pk}/").content.decode()
    assert "Mae ymchwilwyr yn helpu timau." in body
    Brief.objects.filter(pk=brief.pk).update(practice_cy="", evidence_cy="")
    with translation.override("en"):
        body = client_for(champion).get(f"/briefs/{brief.pk}/").content.decode()
    assert "Welsh version in progress" in body


def test_reads_are_counted_once_and_never_shown_as_names(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    academic: Person,
    broker: Person,
    team: Any,
) -> None:
    brief = published(champion, academic, broker)
    reader = client_for(social_worker)
    reader.post(f"/briefs/{brief.pk}/read/")
    reader.post(f"/briefs/{brief.pk}/read/")
    assert Brief.objects.get(pk=brief.pk).read_count == 1
    assert Read.objects.get().team == team
    assert "You have read this brief." in reader.get(f"/briefs/{brief.pk}/").content.decode()
    leader = make_person("huw@example.org", "Huw Davies", team=team, roles=(Role.LEADER,))
    for person in (broker, leader, champion):
        page = client_for(person).get(f"/briefs/{brief.pk}/").content.decode()
        assert social_worker.name not in page and "You have read this brief." not in page
        assert "Read by 1 person." in page and f"{team.name_en}: 1" not in page  # too few to show
    other = make_person("ifan@example.org", "Ifan", team=team)
    assert "How it is used" not in client_for(other).get(f"/briefs/{brief.pk}/").content.decode()


def test_feedback_is_kept_one_per_person(
    client_for: Any, social_worker: Person, champion: Person, academic: Person, broker: Person
) -> None:
    brief = published(champion, academic, broker)
    client = client_for(social_worker)
    response = client.post(f"/briefs/{brief.pk}/feedback/", {}, follow=True)
    assert "Choose yes or no" in response.content.decode()
    client.post(f"/briefs/{brief.pk}/feedback/", {"useful": "yes", "why": "Clear"})
    client.post(f"/briefs/{brief.pk}/feedback/", {"useful": "no", "why": "Too long"})
    assert brief.feedback.get().useful is False
    assert "You said it was not useful" in client.get(f"/briefs/{brief.pk}/").content.decode()


def test_a_brief_past_its_review_date_says_so(
    client_for: Any, social_worker: Person, champion: Person, academic: Person, broker: Person
) -> None:
    brief = published(champion, academic, broker)
    Brief.objects.filter(pk=brief.pk).update(review_by=date.today() - timedelta(days=1))
    body = client_for(social_worker).get(f"/briefs/{brief.pk}/").content.decode()
    assert "newer research may change it" in body


def test_downloads_follow_who_may_read(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    academic: Person,
    broker: Person,
    university: Organisation,
) -> None:
    brief = published(champion, academic, broker)
    client = client_for(social_worker)
    assert client.get(f"/briefs/{brief.pk}/brief.pdf").content.startswith(b"%PDF")
    assert client.get(f"/briefs/{brief.pk}/team-pack.pdf").content.startswith(b"%PDF")
    assert client.get(f"/briefs/{brief.pk}/brief.docx").content.startswith(b"PK")
    outsider = make_person("rhys@uni.example", "Rhys", organisation=university)
    for path in ("", "brief.pdf", "brief.docx", "team-pack.pdf"):
        assert client_for(outsider).get(f"/briefs/{brief.pk}/{path}").status_code == 404
    Brief.objects.filter(pk=brief.pk).update(visibility="partnership")
    assert client_for(outsider).get(f"/briefs/{brief.pk}/").status_code == 200
