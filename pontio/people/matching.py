"""Matching experts and questions in the app: the scorer of pontio.lib.matching (mean of a
person's three closest texts, ADR 0018) over vectors from the search app (each publication's
record vector and each profile's stated-expertise vector; search embeds any not stored yet, so
nobody is left out, and is the only place that embeds)."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Prefetch

from pontio.agenda.indexing import question_text
from pontio.agenda.models import OPEN_STATES, Question
from pontio.lib.embedding import model_available
from pontio.lib.matching import PeopleVectors, score_vectors
from pontio.search.services import semantic_query_vector, semantic_vectors

from .indexing import KIND as PROFILE_KIND
from .indexing import expertise_text
from .models import Profile, ProfileState

# A best match below this is no match: the question is a gap for brokers to fill.
GAP_BELOW = 0.35
MAX_WORKS = 50  # the most recent publications a profile is matched on


@dataclass
class ExpertMatch:
    profile: Profile
    score: float
    reasons: list[tuple[Any, float]] = field(default_factory=list)  # (record or None, similarity)


@dataclass
class QuestionMatch:
    question: Question
    score: float


def _people(profiles: list[Profile]) -> tuple[PeopleVectors, list[list[Any]]]:
    """Every profile's rows: its publications' vectors, then its stated expertise. Returns the
    vectors and, per profile, what each row is (a record, or None for the expertise)."""
    works = [list(profile.works.all())[:MAX_WORKS] for profile in profiles]  # see _works
    record_items = [
        (r.pk, ". ".join(p for p in (r.title, r.abstract) if p)) for own in works for r in own
    ]
    record_vectors = iter(semantic_vectors("record", record_items))
    expertise = semantic_vectors(PROFILE_KIND, [(p.pk, expertise_text(p)) for p in profiles])
    rows: list[Any] = []
    owners: list[list[Any]] = []
    starts = [0]
    for profile_works, stated in zip(works, expertise, strict=True):
        mine: list[Any] = []
        for record in profile_works:
            vector = next(record_vectors)
            if vector is not None:
                rows.append(vector)
                mine.append(record)
        if stated is not None:
            rows.append(stated)
            mine.append(None)
        owners.append(mine)
        starts.append(len(rows))
    stacked = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 384), np.float32)
    return PeopleVectors(stacked, np.array(starts, np.intp)), owners


def _question_vectors(questions: list[Question]) -> Any:
    rows = semantic_vectors("question", [(q.pk, question_text(q)) for q in questions])
    size = next((len(row) for row in rows if row is not None), 384)
    return np.vstack([row if row is not None else np.zeros(size) for row in rows]).astype(
        np.float32
    )


def _score(people: PeopleVectors, targets: Any) -> Any:
    """[targets × people] from vectors already made (nothing is embedded here)."""
    return score_vectors(people, targets)


def _candidates(person: Any) -> list[Profile]:
    """Published profiles the person may see, with only the publications they may see (the
    reasons name them), newest first."""
    found = Profile.objects.visible_to(person).filter(state=ProfileState.PUBLISHED)
    return list(found.select_related("organisation").prefetch_related(_works(person), "topics"))


def _works(person: Any) -> "Prefetch[Any]":
    """Each profile's publications the person may see, newest first (the first MAX_WORKS are
    scored), the same for every direction of matching."""
    from pontio.library.selectors import records_visible

    return Prefetch("works", queryset=records_visible(person).order_by("-year", "-pk"))


def experts_for_text(person: Any, text: str, *, limit: int = 10) -> list[ExpertMatch]:
    """Published experts the person may see, best first, each with the texts that matched."""
    query = semantic_query_vector(text)
    profiles = _candidates(person) if query is not None else []
    if not profiles:
        return []
    people, owners = _people(profiles)
    target = np.asarray(query, np.float32)[None, :]
    scores = _score(people, target)[0]
    similarities = people.vectors @ target[0] if len(people.vectors) else np.zeros(0)
    matches = []
    for i in np.argsort(-scores, kind="stable")[:limit]:
        start, end = int(people.starts[i]), int(people.starts[i + 1])
        if end == start:
            continue
        own = similarities[start:end]
        best = np.argsort(-own, kind="stable")[:3]
        reasons = [(owners[i][j], float(own[j])) for j in best]
        matches.append(ExpertMatch(profiles[i], float(scores[i]), reasons))
    return matches


def experts_for_question(person: Any, question: Question, *, limit: int = 10) -> list[ExpertMatch]:
    return experts_for_text(person, question_text(question), limit=limit)


def experts_for_project(person: Any, project: Any, *, limit: int = 10) -> list[ExpertMatch]:
    parts = (project.title_en or project.title_cy, project.summary_en, project.scope)
    return experts_for_text(person, ". ".join(p for p in parts if p), limit=limit)


def questions_for_profile(person: Any, profile: Profile, *, limit: int = 5) -> list[QuestionMatch]:
    """Open questions on agendas the person may see that the profile fits best."""
    if not model_available():
        return []
    from pontio.agenda.selectors import questions_visible

    questions = list(questions_visible(person).current().filter(state__in=OPEN_STATES)[:500])
    if not questions:
        return []
    profile = Profile.objects.prefetch_related(_works(person)).get(pk=profile.pk)
    people, _owners = _people([profile])
    scores = _score(people, _question_vectors(questions))[:, 0]
    order = np.argsort(-scores, kind="stable")[:limit]
    return [QuestionMatch(questions[i], float(scores[i])) for i in order if scores[i] > 0]


def gaps(person: Any, organisation: Any) -> list[tuple[Question, float]]:
    """The organisation's open questions whose best expert is weak or missing: where brokers
    should look for someone (the best score is given, 0 when there is no expert at all)."""
    if not model_available():
        return []
    questions = list(
        Question.objects.current().filter(organisation=organisation, state__in=OPEN_STATES)[:300]
    )
    profiles = _candidates(person)
    if not questions:
        return []
    if not profiles:
        return [(q, 0.0) for q in questions]
    people, _owners = _people(profiles)
    best = _score(people, _question_vectors(questions)).max(axis=1)
    return sorted(
        [(q, float(score)) for q, score in zip(questions, best, strict=True) if score < GAP_BELOW],
        key=lambda pair: pair[1],
    )
