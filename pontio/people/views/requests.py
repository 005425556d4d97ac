"""Requests for an expert: asking, the lists (mine, to me as the expert, the brokers' queue),
and one request with what each person may do next."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pontio.agenda.selectors import question_for
from pontio.core.forms import form_data
from pontio.core.paging import paginate
from pontio.core.permissions import person_of
from pontio.events.models import Event
from pontio.organisations.permissions import is_broker_of
from pontio.people import requests as service
from pontio.people.forms import AnswerForm, ApproachForm, RequestForm
from pontio.people.models import ExpertRequest, Profile, RequestState
from pontio.people.permissions import (
    can_ask_for_expert,
    can_see_profile,
    can_see_request,
    is_broker,
)


def ask(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    expert = get_object_or_404(Profile, pk=pk)
    if not can_see_profile(person, expert):
        raise Http404
    if not can_ask_for_expert(person):
        raise PermissionDenied
    about = request.GET.get("question", "")
    question = question_for(person, int(about)) if about.isdecimal() else None
    initial = {"about": question.text if question else ""}
    form = RequestForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            made = service.request_make(
                person=person, expert=expert, question=question, **form.cleaned_data
            )
        except service.RequestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your request is with a knowledge broker, who will approach the expert.")
            )
            return redirect("people:request", pk=made.pk)
    return render(
        request, "people/ask.html", {"expert": expert, "form": form, "question": question}
    )


def request_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    mine = Q(requested_by=person)
    to_me = Q(expert__person=person) & ~Q(state=RequestState.NEW)
    shown = mine | to_me
    if is_broker(person):  # the brokers' queue: their organisations' requests
        shown |= Q(organisation__in=person.memberships.values("organisation"))
    found = ExpertRequest.objects.filter(shown).select_related("expert", "requested_by")
    return render(request, "people/requests.html", {"page": paginate(request, found)})


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    found = get_object_or_404(ExpertRequest.objects.select_related("expert", "question"), pk=pk)
    if not can_see_request(person, found):
        raise Http404
    data = form_data(request)
    approach_form = ApproachForm(data if request.POST.get("step") == "approach" else None)
    answer_form = AnswerForm(data if request.POST.get("step") == "answer" else None)
    if request.method == "POST":
        try:
            done = _act(request, found, approach_form, answer_form)
        except service.RequestError as error:
            messages.error(request, str(error))
            done = False
        if done:
            return redirect("people:request", pk=found.pk)
    return render(
        request,
        "people/request.html",
        {
            "req": found,
            "approach_form": approach_form,
            "answer_form": answer_form,
            "is_expert": found.expert is not None and found.expert.person_id == person.pk,
            "is_asker": found.requested_by_id == person.pk,
            "may_approach": is_broker_of(person, found.organisation_id),
            "event": Event.objects.visible_to(person).filter(expert_request=found).first(),
        },
    )


def _act(
    request: HttpRequest, found: ExpertRequest, approach: ApproachForm, answer: AnswerForm
) -> bool:
    person = person_of(request)
    step = request.POST.get("step")
    if step == "approach" and approach.is_valid():
        service.request_approach(person=person, request=found, **approach.cleaned_data)
        messages.success(request, _("The expert has been asked."))
        return True
    if step == "answer" and answer.is_valid():
        service.request_answer(
            person=person,
            request=found,
            accept=answer.cleaned_data["answer"] == "accept",
            times=answer.cleaned_data["times"],
            reply=answer.cleaned_data["reply"],
        )
        messages.success(request, _("Thank you: your answer has been sent."))
        return True
    if step == "withdraw":
        service.request_withdraw(person=person, request=found)
        messages.success(request, _("The request is withdrawn."))
        return True
    if step not in ("approach", "answer"):
        raise PermissionDenied
    return False
