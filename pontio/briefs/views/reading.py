"""Reading briefs: the list (by topic, newest, most read, for my team), a brief's page made
for a phone (key messages first, the rest a tap away), "I've read this", feedback, and the
brief as PDF, Word and a team meeting pack."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.accounts.models import Role
from pontio.briefs import outputs, selectors, services
from pontio.briefs.forms import FeedbackForm
from pontio.briefs.models import READABLE, Brief, Feedback, Read, State
from pontio.briefs.permissions import Access, writing_organisation
from pontio.briefs.views.common import reading_minutes, sections, visible_brief
from pontio.core.bilingual import shown_in
from pontio.core.documents import DOCX_TYPE, PdfUnavailable, attachment
from pontio.core.paging import paginate, sort_key
from pontio.core.permissions import person_of
from pontio.organisations.models import Team
from pontio.taxonomy.models import Topic

MIN_READS_SHOWN = 3
# The list's orders, by the selector's names; "read" is kept for links made before.
LIST_SORTS = {"newest": "newest", "most_read": "most_read", "read": "most_read"}


def brief_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    topic = request.GET.get("topic", "")
    _key, sort = sort_key(request, LIST_SORTS, "newest")
    filters = selectors.BriefFilters(
        state=State.PUBLISHED, topic=topic if topic.isdecimal() else ""
    )
    briefs = selectors.briefs_list(person, filters, sort)
    team_ids = [m.team_id for m in person.memberships.all() if m.team_id]
    for_team = request.GET.get("for") == "team" and bool(team_ids)
    if for_team:
        # Only the briefs read in the person's teams, the most read there first.
        team_reads = Count("reads", filter=Q(reads__team__in=team_ids), distinct=True)
        briefs = (
            briefs.annotate(team_reads=team_reads)
            .filter(team_reads__gt=0)
            .order_by("-team_reads", *selectors.SORTS[sort])
        )
    drafts = Brief.objects.visible_to(person).exclude(state__in=READABLE)
    return render(
        request,
        "briefs/list.html",
        {
            "page": paginate(request, briefs.prefetch_related("topics")),
            "sort": sort,
            "topic": int(topic) if topic else None,
            "for_team": for_team,
            "has_team": bool(team_ids),
            "topics": Topic.objects.filter(briefs__state=State.PUBLISHED).distinct(),
            "drafts": drafts.order_by("-updated_at")[:20],
            "can_write": writing_organisation(person) is not None,
            "is_broker": person.has_role(Role.BROKER),
            "read_ids": set(person.brief_reads.values_list("brief", flat=True)),
        },
    )


def brief_detail(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    person = person_of(request)
    access = Access(person, brief)  # who the person is to the brief, looked up once
    newer = Brief.objects.filter(supersedes=brief, state=State.PUBLISHED).first()
    return render(
        request,
        "briefs/brief.html",
        {
            "brief": brief,
            **sections(brief),
            "title_lang": shown_in(brief, "title")[1],
            "reading_minutes": reading_minutes(brief),
            "citations": brief.citations.select_related("record"),
            "authors": brief.authors.all(),
            "newer": newer,
            "out_of_date": bool(brief.review_by and brief.review_by < timezone.localdate()),
            "has_read": Read.objects.filter(brief=brief, person=person).exists(),
            "my_feedback": Feedback.objects.filter(brief=brief, person=person).first(),
            "feedback_form": FeedbackForm(),
            "can_edit": access.edits,
            "can_review": access.reviews and brief.state == State.IN_REVIEW,
            "can_publish": access.publishes,
            "sees_draft": access.sees_draft,
            "use": _use(brief) if access.sees_use else None,
        },
    )


def _use(brief: Brief) -> dict[str, Any]:
    """How much the brief is read and found useful, in numbers only: never who."""
    # A team's count is shown from MIN_READS_SHOWN reads: one or two would say who read it.
    by_team = list(
        Read.objects.filter(brief=brief)
        .values("team")
        .annotate(n=Count("pk"))
        .filter(n__gte=MIN_READS_SHOWN)
        .order_by("-n")
    )
    teams = Team.objects.in_bulk([row["team"] for row in by_team if row["team"]])
    useful = brief.feedback.filter(useful=True).count()
    return {
        "reads": brief.read_count,
        "by_team": [
            (teams[row["team"]].name if row["team"] in teams else "", row["n"]) for row in by_team
        ],
        "useful": useful,
        "not_useful": brief.feedback.count() - useful,
        "reasons": list(brief.feedback.exclude(why="").values_list("why", flat=True)[:20]),
    }


@require_POST
def read_mark(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    if brief.state == State.PUBLISHED:
        services.read_mark(person=person_of(request), brief=brief)
        messages.success(request, _("Noted: you have read this brief."))
    return redirect("briefs:brief", pk=brief.pk)


@require_POST
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        services.feedback_give(
            person=person_of(request),
            brief=brief,
            useful=form.cleaned_data["useful"] == "yes",
            why=form.cleaned_data["why"],
        )
        messages.success(request, _("Thank you: your feedback helps the authors."))
    else:
        messages.error(request, _("Choose yes or no to say whether it was useful."))
    return redirect("briefs:brief", pk=brief.pk)


def _filename(brief: Brief, what: str, extension: str) -> str:
    return f"{slugify(brief.title)[:60] or 'brief'}{what}.{extension}"


def _pdf(
    request: HttpRequest, brief: Brief, make: Callable[[Brief], bytes], what: str
) -> HttpResponse:
    try:
        content = make(brief)
    except PdfUnavailable:
        messages.error(
            request, _("PDFs cannot be made on this server (a text library is missing).")
        )
        return redirect("briefs:brief", pk=brief.pk)
    return attachment(content, _filename(brief, what, "pdf"), "application/pdf")


def brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, visible_brief(request, pk), outputs.brief_pdf, "")


def team_pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, visible_brief(request, pk), outputs.team_pack_pdf, "-team-pack")


def brief_docx(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    return attachment(outputs.brief_docx(brief), _filename(brief, "", "docx"), DOCX_TYPE)
