"""The briefs API: the briefs a person may see, filtered, searched and sorted, and one brief,
with the same rules as the pages: published briefs for their readers, drafts only for their
authors, reviewer and the organisation's brokers. Who read a brief, feedback and comments are
never given."""

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pontio.core.paging import ApiPage
from pontio.core.permissions import person_of

from . import selectors
from .models import Brief, State, Strength, lines_of

router = Router(tags=["briefs"])
PAGE = 25
NOT_FOUND = "No brief with this id, or you may not see it."


class StrengthOut(Schema):
    key: str
    label: str


class ReferenceOut(Schema):
    reference: str
    record_id: int | None  # the current library record, when the caller may see it


class BriefOut(Schema):
    id: int
    organisation: str
    state: str
    version: int
    title_en: str
    title_cy: str
    question_en: str
    question_cy: str
    key_messages_en: list[str]
    key_messages_cy: list[str]
    practice_en: str
    practice_cy: str
    evidence_en: str
    evidence_cy: str
    limitations_en: str
    limitations_cy: str
    discussion_en: list[str]
    discussion_cy: list[str]
    strength: StrengthOut | None
    strength_rationale_en: str
    strength_rationale_cy: str
    study_kinds: list[str]
    audience: list[str]
    format: str
    topics: list[str]
    references: list[ReferenceOut]
    published_at: datetime | None
    review_by: date | None
    superseded_by: int | None
    supersedes: int | None

    @staticmethod
    def resolve_organisation(obj: Brief) -> str:
        return str(obj.organisation.name_en)

    @staticmethod
    def resolve_key_messages_en(obj: Brief) -> list[str]:
        return lines_of(obj.key_messages_en)

    @staticmethod
    def resolve_key_messages_cy(obj: Brief) -> list[str]:
        return lines_of(obj.key_messages_cy)

    @staticmethod
    def resolve_discussion_en(obj: Brief) -> list[str]:
        return lines_of(obj.discussion_en)

    @staticmethod
    def resolve_discussion_cy(obj: Brief) -> list[str]:
        return lines_of(obj.discussion_cy)

    @staticmethod
    def resolve_strength(obj: Brief) -> dict[str, str] | None:
        if obj.strength not in Strength.values:
            return None
        return {"key": obj.strength, "label": str(Strength(obj.strength).label)}

    @staticmethod
    def resolve_topics(obj: Brief) -> list[str]:
        return [t.slug for t in obj.topics.all()]

    # The rest are set on each instance by _prepare, for the caller.
    @staticmethod
    def resolve_references(obj: Brief) -> list[dict[str, Any]]:
        return list(vars(obj).get("references_out", []))

    @staticmethod
    def resolve_superseded_by(obj: Brief) -> int | None:
        found = vars(obj).get("superseded_by_out")
        return int(found) if found is not None else None

    @staticmethod
    def resolve_supersedes(obj: Brief) -> int | None:
        found = vars(obj).get("supersedes_out")
        return int(found) if found is not None else None


class BriefPage(Schema):
    count: int
    page: int
    results: list[BriefOut]


class BriefFilters(Schema):
    state: State | None = None
    topic: str = ""  # a topic's slug (or id)
    q: str = ""
    sort: Literal["newest", "most_read"] | None = None  # by relevance when searching
    page: ApiPage = 1


def _prepare(person: Any, briefs: list[Brief]) -> list[Brief]:
    """Each brief's references, with the records the caller may see, and the versions before
    and after it when the caller may see those, kept on the instance for the schema."""
    from pontio.library.selectors import records_visible

    ids = [b.pk for b in briefs]
    after = dict(Brief.objects.filter(supersedes__in=ids).values_list("supersedes_id", "pk"))
    near = {*after.values(), *(b.supersedes_id for b in briefs if b.supersedes_id)}
    seen = set(selectors.briefs_visible(person).filter(pk__in=near).values_list("pk", flat=True))
    records = {
        citation.pk: citation.current_record for b in briefs for citation in b.citations.all()
    }
    shown = {r.pk for r in records.values() if r is not None}
    shown = set(records_visible(person).filter(pk__in=shown).values_list("pk", flat=True))
    for brief in briefs:
        references = []
        for citation in brief.citations.all():
            record = records[citation.pk]
            record_id = record.pk if record is not None and record.pk in shown else None
            references.append({"reference": citation.reference, "record_id": record_id})
        vars(brief)["references_out"] = references
        newer = after.get(brief.pk)
        vars(brief)["superseded_by_out"] = newer if newer in seen else None
        vars(brief)["supersedes_out"] = brief.supersedes_id if brief.supersedes_id in seen else None
    return briefs


@router.get("", response=BriefPage)
def briefs_list(request: HttpRequest, filters: Query[BriefFilters]) -> dict[str, Any]:
    person = person_of(request)
    chosen = selectors.BriefFilters(
        state=filters.state or "", topic=filters.topic.strip(), q=filters.q.strip()[:500]
    )
    briefs = selectors.briefs_list(person, chosen, filters.sort or "")
    page = filters.page
    found = list(
        briefs.select_related("organisation").prefetch_related("topics", "citations__record")[
            (page - 1) * PAGE : page * PAGE
        ]
    )
    return {"count": briefs.count(), "page": page, "results": _prepare(person, found)}


@router.get("/{int:brief_id}", response=BriefOut)
def brief_read(request: HttpRequest, brief_id: int) -> Brief:
    person = person_of(request)
    brief = selectors.brief_for(person, brief_id)
    if brief is None:
        raise HttpError(404, NOT_FOUND)
    return _prepare(person, [brief])[0]
