"""Matching pages: the experts who could help with a question (with the publications that
matched), and for knowledge brokers the questions no expert fits yet."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from pontio.agenda.selectors import question_for
from pontio.core.permissions import person_of
from pontio.organisations.permissions import home_organisation
from pontio.people.matching import GAP_BELOW, experts_for_project, experts_for_question, gaps
from pontio.people.permissions import is_broker


def question_experts(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    question = question_for(person, pk)
    if question is None:
        raise Http404
    return render(
        request,
        "people/match.html",
        {"question": question, "matches": experts_for_question(person, question)},
    )


def project_experts(request: HttpRequest, pk: int) -> HttpResponse:
    from pontio.projects.models import Project

    person = person_of(request)
    project = Project.objects.visible_to(person).filter(pk=pk).first()
    if project is None:
        raise Http404
    return render(
        request,
        "people/match.html",
        {"project": project, "matches": experts_for_project(person, project)},
    )


def question_gaps(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    organisation = home_organisation(person)
    if organisation is None or not is_broker(person):
        raise PermissionDenied
    return render(
        request,
        "people/gaps.html",
        {"organisation": organisation, "gaps": gaps(person, organisation), "below": GAP_BELOW},
    )
