"""Supporting and following: one support per person, counted by group and never named, withdrawn
at will; supporters follow, and followers hear of every change of state in their notices."""

from typing import Any

import pytest
from django.db import IntegrityError

from pontio.accounts.models import Person, Role
from pontio.agenda import services
from pontio.agenda.forms import RoundForm
from pontio.agenda.models import Notice, Support, SupporterGroup
from pontio.agenda.tests.helpers import make_question
from pontio.agenda.triage import question_close_out_of_scope
from pontio.conftest import make_person, make_team
from pontio.organisations.models import Organisation


def test_support_is_once_per_person_and_makes_you_follow(
    client_for: Any, social_worker: Person, champion: Person
) -> None:
    question = make_question(social_worker)
    client = client_for(champion)
    url = f"/agenda/questions/{question.pk}/support/"
    client.post(url, {"reason": "We lose children to school moves every month."})
    again = client.post(url, {"reason": ""})
    assert again.status_code == 302
    support = Support.objects.get()
    assert support.person == champion and support.reason.startswith("We lose children")
    assert question.followers.filter(pk=champion.pk).exists()
    assert "You already support this question." in client.get(again.url).content.decode()


def test_the_database_allows_one_support_per_person(
    social_worker: Person, champion: Person
) -> None:
    question = make_question(social_worker)
    services.question_support(person=champion, question=question)
    with pytest.raises(IntegrityError):
        Support.objects.create(question=question, person=champion, group="practitioner")


def test_counts_are_by_group_and_never_name_supporters(
    client_for: Any,
    social_worker: Person,
    champion: Person,
    broker: Person,
    steering_member: Person,
    council: Organisation,
) -> None:
    partner = make_person(
        "rhian@uni.example", "Rhian Price", organisation=council, roles=(Role.ACADEMIC,)
    )
    question = make_question(social_worker)
    for person in (champion, broker, steering_member, partner):
        services.question_support(person=person, question=question, reason="It matters")
    groups = dict(Support.objects.values_list("person__email", "group"))
    assert groups == {
        champion.email: SupporterGroup.PRACTITIONER,
        broker.email: SupporterGroup.PRACTITIONER,
        steering_member.email: SupporterGroup.MANAGER,
        partner.email: SupporterGroup.PARTNER,
    }
    body = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "4 people support this question." in body
    assert "Practitioners" in body and "Managers and leaders" in body and "Partners" in body
    assert "People with lived experience" not in body  # not recorded: not shown
    for person in (champion, broker, steering_member, partner):
        assert person.name not in body

    # An organisation records lived experience by a team marked so; its members count apart.
    panel = make_team(council, "Young people's panel")
    panel.lived_experience = True
    panel.save()
    young = make_person("cerys@example.org", "Cerys Ward", team=panel)
    services.question_support(person=young, question=question)
    assert Support.objects.get(person=young).group == SupporterGroup.LIVED_EXPERIENCE
    body = client_for(social_worker).get(f"/agenda/questions/{question.pk}/").content.decode()
    assert "People with lived experience" in body and young.name not in body
    groups = dict(RoundForm(organisation=council).fields["groups"].choices)  # type: ignore[attr-defined]
    assert SupporterGroup.LIVED_EXPERIENCE in groups


def test_support_can_be_withdrawn_and_you_still_follow(
    client_for: Any, social_worker: Person, champion: Person
) -> None:
    question = make_question(social_worker)
    client = client_for(champion)
    client.post(f"/agenda/questions/{question.pk}/support/")
    response = client.post(f"/agenda/questions/{question.pk}/support/withdraw/")
    assert response.status_code == 302
    assert not Support.objects.exists()
    assert question.followers.filter(pk=champion.pk).exists()
    body = client.get(response.url).content.decode()
    assert "Your support was withdrawn" in body and "Support this question" in body


def test_a_closed_question_takes_no_support(
    client_for: Any, social_worker: Person, champion: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    question_close_out_of_scope(person=broker, question=question, reason="About adults")
    response = client_for(champion).post(f"/agenda/questions/{question.pk}/support/")
    assert not Support.objects.exists()
    assert "no longer open for support" in client_for(champion).get(response.url).content.decode()


def test_supporting_instead_from_the_check_page(
    client_for: Any, social_worker: Person, champion: Person
) -> None:
    question = make_question(champion, "Which support keeps children looked after in school?")
    client = client_for(social_worker)
    body = client.post(
        "/agenda/ask/",
        {
            "text": "What keeps children looked after in the same school?",
            "language": "en",
            "check": "1",
        },
    ).content.decode()
    assert f'action="/agenda/questions/{question.pk}/support/"' in body
    client.post(f"/agenda/questions/{question.pk}/support/")
    assert Support.objects.get().person == social_worker


def test_following_and_hearing_of_every_change_of_state(
    client_for: Any, social_worker: Person, champion: Person, broker: Person, admin: Person
) -> None:
    question = make_question(social_worker)
    client_for(admin).post(f"/agenda/questions/{question.pk}/follow/", {"follow": "1"})
    services.question_support(person=champion, question=question)
    client_for(broker).post(
        f"/agenda/questions/{question.pk}/triage/move/", {"state": "triaged", "reason": ""}
    )
    told = set(Notice.objects.values_list("person__email", flat=True))
    assert told == {social_worker.email, champion.email, admin.email}  # not the broker
    notice = Notice.objects.filter(person=social_worker).get()
    assert notice.kind == "moved" and notice.params == {"before": "submitted", "after": "triaged"}
    assert notice.message == "It moved from “Submitted” to “Triaged”."
    client_for(admin).post(f"/agenda/questions/{question.pk}/follow/", {"follow": "0"})
    client_for(broker).post(
        f"/agenda/questions/{question.pk}/triage/move/", {"state": "shortlisted"}
    )
    assert Notice.objects.filter(person=admin).count() == 1


def test_notices_show_unread_then_read(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    client_for(broker).post(f"/agenda/questions/{question.pk}/triage/move/", {"state": "triaged"})
    client = client_for(social_worker)
    assert "1 new" in client.get("/agenda/").content.decode()
    body = client.get("/agenda/notices/").content.decode()
    assert "It moved from “Submitted” to “Triaged”." in body and ">New<" in body
    assert Notice.objects.get().read_at is not None
    assert "1 new" not in client.get("/agenda/").content.decode()
    assert ">New<" not in client.get("/agenda/notices/").content.decode()


def test_notices_are_written_in_the_readers_language(
    client_for: Any, social_worker: Person, broker: Person
) -> None:
    """The notice keeps a key and values, not English words, so a Welsh reader sees Welsh."""
    from django.utils import translation

    question = make_question(social_worker)
    services.question_move(person=broker, question=question, state="triaged")
    notice = Notice.objects.get()
    assert "moved" not in str(notice.params.values())
    with translation.override("cy"):
        assert notice.message == translation.gettext(
            "It moved from “%(before)s” to “%(after)s”."
        ) % {
            "before": translation.gettext("Submitted"),
            "after": translation.gettext("Triaged"),
        }


def test_nobody_has_notices_about_questions_they_can_no_longer_see(
    client_for: Any, social_worker: Person, champion: Person, broker: Person
) -> None:
    question = make_question(social_worker)
    services.question_support(person=champion, question=question)
    services.question_move(person=broker, question=question, state="triaged")
    champion.memberships.all().delete()
    body = client_for(champion).get("/agenda/notices/").content.decode()
    assert "You have no notices yet." in body
