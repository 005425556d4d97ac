"""The demo briefs: six briefs on the briefing's themes, in English and Welsh, in every state a
reader or broker meets (published, superseded by a newer version, in review, changes requested,
draft), citing records of the demo library; loading the demo twice changes nothing."""

import re
from typing import Any

from pontio.briefs.checks import publishing_problems
from pontio.briefs.models import Brief, Citation, Comment, Revision, State
from pontio.core.demo import demo_load
from pontio.library.models import Record


def test_the_demo_briefs_load_once(seeded_topics: Any) -> None:
    demo_load()
    counts = (
        Brief.objects.count(),
        Citation.objects.count(),
        Revision.objects.count(),
        Comment.objects.count(),
    )
    demo_load()
    assert (
        Brief.objects.count(),
        Citation.objects.count(),
        Revision.objects.count(),
        Comment.objects.count(),
    ) == counts

    briefs = list(Brief.objects.all())
    assert len(briefs) >= 5
    assert len({b.title_en for b in briefs}) >= 5
    states = {b.state for b in briefs}
    assert {State.PUBLISHED, State.IN_REVIEW, State.SUPERSEDED} <= states
    assert states & {State.DRAFT, State.CHANGES}
    assert Brief.objects.filter(state=State.PUBLISHED).count() >= 3

    for brief in briefs:
        for name in ("title", "question", "key_messages"):
            assert getattr(brief, f"{name}_en").strip(), (brief.title_en, name)
            assert getattr(brief, f"{name}_cy").strip(), (brief.title_en, name)
        assert 3 <= len(brief.key_messages_en.splitlines()) <= 5
        assert 3 <= len(brief.key_messages_cy.splitlines()) <= 5
        assert all(len(m.split()) < 30 for m in brief.key_messages_en.splitlines())
        assert brief.topics.exists() and brief.review_by and brief.strength
        assert 2 <= brief.citations.count() <= 4
        # Every citation mark in the text points at a reference the brief has.
        positions = set(brief.citations.values_list("position", flat=True))
        for name in ("practice", "evidence", "limitations"):
            for language in ("en", "cy"):
                marks = re.findall(r"\[@(\d+)\]", getattr(brief, f"{name}_{language}"))
                assert {int(n) for n in marks} <= positions, (brief.title_en, name, language)

    current = Record.objects.current()
    for brief in Brief.objects.filter(state=State.PUBLISHED):
        assert publishing_problems(brief) == [], brief.title_en
        assert not brief.english_first
        cited = [c.current_record for c in brief.citations.all()]
        assert len(cited) >= 2
        assert all(r is not None and current.filter(pk=r.pk).exists() for r in cited)

    in_review = Brief.objects.get(state=State.IN_REVIEW)
    assert in_review.reviewer is not None and in_review.reviewer.email.endswith("-uni.example")
    assert in_review.answers.exists()  # the agenda question on research in supervision

    sent_back = Brief.objects.filter(state=State.CHANGES).first()
    if sent_back is not None:  # the reviewer said what should change
        assert Comment.objects.filter(brief=sent_back, author=sent_back.reviewer).exists()

    older = Brief.objects.get(state=State.SUPERSEDED)
    newer = older.superseded_by
    assert newer.state == State.PUBLISHED and newer.version == older.version + 1
    assert newer.title_en == older.title_en
    assert newer.citations.count() > older.citations.count()
    assert newer.published_at and older.published_at
    assert newer.published_at > older.published_at
