"""Raising a question in two steps without JavaScript: first Pontio shows the questions on the
agenda and the research in the library that look alike, then the person submits theirs (or
supports one already there). And the author's changes to it while it waits for triage."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pontio.agenda import selectors, services
from pontio.agenda.forms import QuestionForm, new_submission_key
from pontio.agenda.permissions import can_edit, raising_organisations
from pontio.core.forms import form_data
from pontio.core.permissions import person_of


def _first_team(person: Any, organisation: Any) -> Any:
    membership = person.memberships.filter(organisation=organisation, team__isnull=False).first()
    return membership.team_id if membership else None


def _chosen_organisation(request: HttpRequest, choices: list[Any]) -> Any:
    """The agenda the person chose to ask on (a field of either form), else their first."""
    wanted = request.POST.get("organisation") or request.GET.get("organisation") or ""
    chosen = [o for o in choices if str(o.pk) == wanted]
    return chosen[0] if chosen else choices[0]


def ask(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    choices = raising_organisations(person)
    if not choices:
        raise PermissionDenied
    organisation = _chosen_organisation(request, choices)
    initial = {
        "language": person.language,
        "team": _first_team(person, organisation),
        "submission_key": new_submission_key(),
    }
    form = QuestionForm(
        form_data(request),
        initial=initial,
        person=person,
        organisation=organisation,
    )
    checked = False
    similar: list[Any] = []
    records: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "submit" in request.POST:
            question, created = services.question_raise(
                person=person,
                organisation=organisation,
                submission_key=data["submission_key"] or new_submission_key(),
                text=data["text"],
                why=data["why"],
                language=data["language"],
                affects=data["affects"],
                topics=data["topics"],
                team=data["team"],
                priority=data["priority"],
            )
            if created:
                messages.success(
                    request, _("Your question is on the agenda. You will hear when it moves on.")
                )
            else:
                messages.info(request, _("You had already sent this question: here it is."))
            return redirect("agenda:question", pk=question.pk)
        checked = True
        similar = selectors.similar_questions(person, data["text"])
        records = selectors.records_that_may_answer(person, data["text"])
    return render(
        request,
        "agenda/ask.html",
        {
            "form": form,
            "checked": checked,
            "similar": similar,
            "records": records,
            "organisation": organisation,
            "choices": choices,
        },
    )


def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = selectors.question_for(person, pk)
    if question is None:
        raise Http404
    if not can_edit(person, question):
        raise PermissionDenied
    language = question.language
    initial = {
        "text": getattr(question, f"text_{language}"),
        "why": getattr(question, f"why_{language}"),
        "language": language,
        "affects": question.affects,
        "topics": question.topics.all(),
        "team": question.team_id,
        "priority": question.priority_id,
    }
    form = QuestionForm(
        form_data(request),
        initial=initial,
        person=person,
        organisation=question.organisation,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.question_edit(
            person=person,
            question=question,
            text=data["text"],
            why=data["why"],
            language=data["language"],
            affects=data["affects"],
            topics=data["topics"],
            team=data["team"],
            priority=data["priority"],
        )
        messages.success(request, _("Your question was saved."))
        return redirect("agenda:question", pk=question.pk)
    return render(request, "agenda/question_edit.html", {"form": form, "question": question})
