"""Briefs for the tests, made through the app's own services."""

from typing import Any

from pontio.briefs import services
from pontio.briefs.models import Brief

KEY_MESSAGES = (
    "Embedded researchers help teams use research.\n"
    "They work best with time set aside.\n"
    "Managers' support matters most."
)


def make_brief(author: Any, title: str = "What embedded researchers do", **texts: str) -> Brief:
    """A draft brief by the author in their first organisation, with English text filled in."""
    organisation = author.memberships.first().organisation
    brief = services.brief_create(person=author, organisation=organisation, title_en=title)
    filled = {
        "question_en": "What helps an embedded researcher make a difference?",
        "key_messages_en": KEY_MESSAGES,
        "practice_en": "Plan **time** for research in team meetings.",
        "evidence_en": "Studies in three councils found benefits [@1].",
        "title_cy": "Beth mae ymchwilwyr sydd wedi'u lleoli yn ei wneud",
        "question_cy": "Beth sy'n helpu ymchwilydd sydd wedi'i leoli i wneud gwahaniaeth?",
        "key_messages_cy": (
            "Mae ymchwilwyr yn helpu timau.\nMaen nhw angen amser.\n"
            "Mae cefnogaeth rheolwyr yn bwysig."
        ),
        "practice_cy": "Cynlluniwch amser ar gyfer ymchwil.",
        "evidence_cy": "Canfu astudiaethau fanteision [@1].",
        **texts,
    }
    return services.brief_save(person=author, brief=brief, revision=brief.revision, texts=filled)


def publish(brief: Brief, author: Any, reviewer: Any, broker: Any) -> Brief:
    """Through review to published, as people would."""
    services.review_request(person=author, brief=brief, reviewer=reviewer)
    services.review_decide(person=reviewer, brief=brief, approve=True)
    return services.brief_publish(person=broker, brief=Brief.objects.get(pk=brief.pk))
