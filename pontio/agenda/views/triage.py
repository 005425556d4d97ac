"""Triage for knowledge brokers: the queue of new questions, and the page for one question with
its actions. Closing a question and merging it ask first, on a page of their own."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pontio.accounts.models import Person
from pontio.agenda import selectors, triage
from pontio.agenda.forms import AnsweredForm, MergeForm, MoveForm, ReasonForm, RephraseForm
from pontio.agenda.models import Question, State
from pontio.agenda.permissions import can_triage, can_triage_anything
from pontio.agenda.services import AgendaError
from pontio.core.forms import form_data
from pontio.core.permissions import person_of


def _triager(request: HttpRequest, pk: int) -> tuple[Person, Question]:
    person = person_of(request)
    question = selectors.question_for(person, pk)
    if question is None:
        raise Http404
    if not can_triage(person, question):
        raise PermissionDenied
    return person, question


def _not_now(request: HttpRequest, question: Question, action: str) -> HttpResponse | None:
    """Back to the triage page when the action does not apply to the question as it is now."""
    if triage.triage_options(question)[action]:
        return None
    messages.error(request, _("That cannot be done to this question as it is now."))
    return redirect("agenda:triage", pk=question.pk)


def _done(request: HttpRequest, question: Question, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("agenda:question", pk=question.pk)


def _move_form(question: Question, data: Any = None) -> MoveForm:
    states = [(s, str(State(s).label)) for s in triage.triage_moves(question)]
    return MoveForm(data, states=states)


def queue(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not can_triage_anything(person):
        raise PermissionDenied
    return render(request, "agenda/triage_queue.html", selectors.triage_queue(person))


def question_triage(request: HttpRequest, pk: int) -> HttpResponse:
    _person, question = _triager(request, pk)
    return render(
        request,
        "agenda/triage.html",
        {
            "question": question,
            "move_form": _move_form(question) if triage.triage_moves(question) else None,
            "options": triage.triage_options(question),
            "reasons": selectors.support_reasons(question),
            "actions": question.actions.select_related("actor", "other"),
            "is_member": True,  # only the organisation's brokers triage
        },
    )


@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    person, question = _triager(request, pk)
    form = _move_form(question, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where to move the question."))
        return redirect("agenda:triage", pk=question.pk)
    try:
        triage.question_triage_move(
            person=person,
            question=question,
            state=form.cleaned_data["state"],
            reason=form.cleaned_data["reason"],
        )
    except AgendaError as error:
        messages.error(request, str(error))
        return redirect("agenda:triage", pk=question.pk)
    return _done(request, question, _("The question was moved. Its followers have been told."))


def _action_page(
    request: HttpRequest, question: Question, form: Any, **context: Any
) -> HttpResponse:
    return render(
        request, "agenda/triage_action.html", {"question": question, "form": form, **context}
    )


def _confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirm") == "1"


def _confirm_page(request: HttpRequest, question: Question, **context: Any) -> HttpResponse:
    """The page that asks before a question is closed or merged: title, hidden fields to post
    again, the button and the reason given."""
    return render(request, "agenda/triage_confirm.html", {"question": question, **context})


def rephrase(request: HttpRequest, pk: int) -> HttpResponse:
    person, question = _triager(request, pk)
    if refused := _not_now(request, question, "rephrase"):
        return refused
    initial = {
        "text_en": question.text_en,
        "text_cy": question.text_cy,
        "why_en": question.why_en,
        "why_cy": question.why_cy,
    }
    form = RephraseForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            triage.question_rephrase(person=person, question=question, **form.cleaned_data)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, question, _("The question was rephrased. Its author was told."))
    return _action_page(
        request,
        question,
        form,
        title=_("Rephrase the question"),
        intro=_(
            "Make the question clear and answerable, or add its other language. The words before "
            "are kept, and the author sees what changed and why."
        ),
        button=_("Save the new wording"),
    )


def clarify(request: HttpRequest, pk: int) -> HttpResponse:
    person, question = _triager(request, pk)
    if refused := _not_now(request, question, "clarify"):
        return refused
    label = gettext_lazy("What should the author clarify?")
    form = ReasonForm(form_data(request), label=label)
    if request.method == "POST" and form.is_valid():
        try:
            triage.question_ask_clarification(
                person=person, question=question, reason=form.cleaned_data["reason"]
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, question, _("The author was asked to clarify the question."))
    return _action_page(
        request,
        question,
        form,
        title=_("Ask the author to clarify"),
        intro=_("The question waits for triage until its author changes it."),
        button=_("Ask the author"),
    )


def answered(request: HttpRequest, pk: int) -> HttpResponse:
    from pontio.library.selectors import records_visible

    person, question = _triager(request, pk)
    if refused := _not_now(request, question, "answered"):
        return refused
    candidates = selectors.records_that_may_answer(
        person, question.text_en or question.text_cy, limit=8
    )
    form = AnsweredForm(form_data(request), candidates=candidates)
    if request.method == "POST" and form.is_valid():
        numbers = form.chosen_numbers()
        records = list(records_visible(person).filter(pk__in=numbers))
        if not records:
            form.add_error(
                "other_records", _("Choose or give at least one record from the library")
            )
        else:
            try:
                triage.question_mark_answered(
                    person=person,
                    question=question,
                    records=records,
                    reason=form.cleaned_data["reason"],
                )
            except AgendaError as error:
                form.add_error(None, str(error))
            else:
                return _done(
                    request, question, _("Marked as answered. Its followers have been told.")
                )
    return _action_page(
        request,
        question,
        form,
        title=_("Mark as already answered"),
        intro=_("Choose the research in the library that answers the question."),
        button=_("Mark as answered"),
    )


def out_of_scope(request: HttpRequest, pk: int) -> HttpResponse:
    person, question = _triager(request, pk)
    if refused := _not_now(request, question, "out_of_scope"):
        return refused
    label = gettext_lazy("Why is it out of scope?")
    help_text = gettext_lazy("The author and everyone who follows the question are told this.")
    form = ReasonForm(form_data(request), label=label, help_text=help_text)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if not _confirmed(request):
            return _confirm_page(
                request,
                question,
                title=_("Close this question as out of scope?"),
                hidden={"reason": reason},
                button=_("Yes, close it"),
                reason=reason,
            )
        try:
            triage.question_close_out_of_scope(person=person, question=question, reason=reason)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, question, _("The question was closed as out of scope."))
    return _action_page(
        request,
        question,
        form,
        title=_("Close as out of scope"),
        intro=_("You will be asked to confirm before it closes."),
        button=_("Continue"),
    )


def merge(request: HttpRequest, pk: int) -> HttpResponse:
    person, question = _triager(request, pk)
    if refused := _not_now(request, question, "merge"):
        return refused
    candidates = [
        q
        for q in selectors.similar_questions(
            person, question.text_en or question.text_cy, limit=8, exclude=question.pk
        )
        if triage.merge_targets_valid(question, q)
    ]
    form = MergeForm(form_data(request), candidates=candidates)
    if request.method == "POST" and form.is_valid():
        number = form.target_number()
        target = selectors.question_for(person, number) if number else None
        if target is None or not triage.merge_targets_valid(question, target):
            form.add_error(
                "other",
                _("Choose an open question of the same organisation for this one to join"),
            )
        elif not _confirmed(request):
            return _confirm_page(
                request,
                question,
                target=target,
                title=_("Merge this question into another?"),
                hidden={"other": target.pk, "reason": form.cleaned_data["reason"]},
                button=_("Yes, merge them"),
                reason=form.cleaned_data["reason"],
            )
        else:
            try:
                triage.questions_merge(
                    person=person,
                    merged=question,
                    into=target,
                    reason=form.cleaned_data["reason"],
                )
            except AgendaError as error:
                form.add_error(None, str(error))
            else:
                return _done(
                    request,
                    target,
                    _("Merged. Its supporters and followers now support and follow this one."),
                )
    return _action_page(
        request,
        question,
        form,
        title=_("Merge into another question"),
        intro=_(
            "Choose the question that stays. This one closes and links to it; its supporters "
            "and followers move across. You will be asked to confirm."
        ),
        button=_("Continue"),
    )
