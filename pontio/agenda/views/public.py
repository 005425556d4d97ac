"""The agenda in public: an organisation's prioritised questions and where each one is now, for
whoever the organisation shares its agenda with (its members, everyone signed in, or everyone).
The Atom feed of the same questions (feeds.py) follows the same rule."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from pontio.agenda.models import Question, State
from pontio.agenda.permissions import agenda_shared_with
from pontio.core.paging import paginate
from pontio.organisations.models import Organisation
from pontio.organisations.permissions import is_member


def shared_organisation(request: HttpRequest, pk: int) -> Organisation | None:
    """The organisation if it shares its agenda with whoever is asking, else None."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or not agenda_shared_with(request.user, organisation):
        return None
    return organisation


@dataclass
class AgendaEntry:
    question: Question
    linked: bool  # the viewer may open the question's own page
    records: list[Any] = field(default_factory=list)  # answering records the viewer may see


def _entries(user: Any, questions: list[Question]) -> list[AgendaEntry]:
    if not user.is_authenticated:
        return [AgendaEntry(question, linked=False) for question in questions]
    from pontio.library.selectors import records_visible

    ids = [question.pk for question in questions]
    linked = set(Question.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    answered = [question.pk for question in questions if question.state == State.ANSWERED]
    pairs = list(
        Question.answered_by.through.objects.filter(
            question_id__in=answered, record_id__in=records_visible(user).values("pk")
        ).values_list("question_id", "record_id")
    )
    records = records_visible(user).in_bulk([r for _q, r in pairs])
    by_question: dict[int, list[Any]] = {}
    for question_id, record_id in pairs:
        by_question.setdefault(question_id, []).append(records[record_id])
    return [
        AgendaEntry(
            question,
            linked=question.pk in linked,
            records=sorted(by_question.get(question.pk, []), key=lambda r: r.title),
        )
        for question in questions
    ]


@login_not_required
def agenda_page(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = shared_organisation(request, organisation_pk)
    if organisation is None:
        # Anyone signed in is not told whether the organisation exists; anyone else may be
        # able to see it once signed in.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    page = paginate(
        request, Question.objects.on_agenda_of(organisation).select_related("organisation")
    )
    return render(
        request,
        "agenda/public.html",
        {
            "organisation": organisation,
            "page": page,
            "entries": _entries(request.user, list(page.object_list)),
            "is_member": request.user.is_authenticated and is_member(request.user, organisation.pk),
        },
    )
