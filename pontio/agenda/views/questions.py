"""A question's page (its lifecycle, support by group, what triage did to it), and supporting
and following it."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.agenda import selectors, services
from pontio.agenda.forms import SupportForm
from pontio.agenda.models import Question, State, Support
from pontio.agenda.permissions import can_edit, can_triage
from pontio.core.permissions import person_of
from pontio.organisations.permissions import is_member

# The lifecycle as shown on every question: the steps in order, then how it ends.
STEPS = [State.SUBMITTED, State.TRIAGED, State.SHORTLISTED, State.PRIORITISED, State.COMMISSIONED]


def _visible_question(request: HttpRequest, pk: int) -> Question:
    question = selectors.question_for(person_of(request), pk)
    if question is None:
        raise Http404
    return question


def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = _visible_question(request, pk)
    counts = selectors.support_counts(question)
    # The states it has been in, from its history: a question can skip steps or end early.
    been = set(question.history.values_list("state", flat=True))
    return render(
        request,
        "agenda/question.html",
        {
            "question": question,
            "steps": [(step.label, step in been, step == question.state) for step in STEPS],
            "ended": question.state in (State.ANSWERED, State.CLOSED),
            "topics": question.topics.all(),
            "counts": counts,
            "total": sum(n for _label, n in counts),
            "my_support": Support.objects.filter(question=question, person=person).first(),
            "following": question.followers.filter(pk=person.pk).exists(),
            "actions": question.actions.select_related("actor", "other"),
            "records": selectors.records_answering(person, question),
            "briefs": selectors.briefs_answering(person, question),
            "merged_in": selectors.questions_visible(person).filter(merged_into=question),
            "support_form": SupportForm(),
            "can_edit": can_edit(person, question),
            "can_triage": can_triage(person, question),
            "is_author": question.author_id == person.pk,
            # Partners who see a shared question are not shown who in the organisation did what.
            "is_member": is_member(person, question.organisation_id),
        },
    )


@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = _visible_question(request, pk)
    form = SupportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        _support, created = services.question_support(
            person=person, question=question, reason=reason
        )
    except services.AgendaError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You support this question, and you will hear when it moves on.")
            if created
            else _("You already support this question."),
        )
    return redirect("agenda:question", pk=question.pk)


@require_POST
def support_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = _visible_question(request, pk)
    if services.question_support_withdraw(person=person, question=question):
        messages.success(
            request,
            _("Your support was withdrawn. You still follow the question until you stop."),
        )
    return redirect("agenda:question", pk=question.pk)


@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = _visible_question(request, pk)
    following = request.POST.get("follow") == "1"
    services.question_follow(person=person, question=question, follow=following)
    messages.success(
        request,
        _("You follow this question.") if following else _("You no longer follow this question."),
    )
    return redirect("agenda:question", pk=question.pk)
