"""Event pages: the list, one event, arranging and changing one, cancelling (asked first),
recording who came, signing up and leaving, and the calendar file."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.core.forms import form_data
from pontio.core.paging import paginate
from pontio.core.permissions import person_of
from pontio.organisations.permissions import home_organisation, is_broker_of
from pontio.people.models import ExpertRequest, RequestState
from pontio.people.permissions import can_see_request
from pontio.projects.models import Project
from pontio.projects.permissions import can_see as can_see_project

from . import selectors, services
from .calendar import event_ics
from .forms import CancelForm, EventForm, RecordForm
from .models import Event, Kind, State
from .permissions import (
    can_change,
    can_organise_for,
    can_organise_in,
    can_see,
    gets_online_link,
)


def _visible_event(request: HttpRequest, pk: int, *, change: bool = False) -> Event:
    """The event if the person may see it (404 otherwise, so others' events are not shown to
    exist), and change it when asked (403 otherwise)."""
    person = person_of(request)
    event = get_object_or_404(Event.objects.select_related("organisation", "project"), pk=pk)
    if not can_see(person, event):
        raise Http404
    if change and not can_change(person, event):
        raise PermissionDenied
    return event


def event_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = selectors.filters_from(request.GET)
    organisation = home_organisation(person)
    return render(
        request,
        "events/list.html",
        {
            "page": paginate(request, selectors.events_for(person, filters)),
            "filters": filters,
            "kinds": Kind.choices,
            "can_create": organisation is not None and can_organise_in(person, organisation),
        },
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    event = _visible_event(request, pk)
    attendances = list(event.attendances.select_related("person"))
    signed_up = any(a.person_id == person.pk for a in attendances)
    organises = can_change(person, event)
    project = event.project
    return render(
        request,
        "events/event.html",
        {
            "event": event,
            "speakers": event.speakers.visible_to(person).select_related("organisation"),
            "questions": event.questions.visible_to(person),
            "project": project if project and can_see_project(person, project) else None,
            "going": len(attendances),
            "attendances": attendances if organises else None,  # names: staff data
            "signed_up": signed_up,
            "online_link": gets_online_link(person, event, signed_up=signed_up),
            "can_change": organises,
            "is_open": event.state == State.PLANNED and not event.has_started,
        },
    )


def _source(request: HttpRequest) -> tuple[Any, Project | None, ExpertRequest | None]:
    """Where a new event comes from: the person's organisation, a project (?project=) or an
    accepted request for an expert (?request=); refused if they may not arrange it there."""
    person = person_of(request)
    source = request.GET if request.method == "GET" else request.POST
    if (project_id := source.get("project", "")).isdecimal():
        project = get_object_or_404(Project, pk=int(project_id))
        if not can_see_project(person, project):
            raise Http404
        if not can_organise_for(person, project):
            raise PermissionDenied
        return project.organisation, project, None
    if (request_id := source.get("request", "")).isdecimal():
        asked = get_object_or_404(
            ExpertRequest.objects.select_related("expert"), pk=int(request_id)
        )
        if not can_see_request(person, asked):
            raise Http404
        if not is_broker_of(person, asked.organisation_id):
            raise PermissionDenied
        if (
            asked.state != RequestState.ACCEPTED
            or Event.objects.filter(expert_request=asked).exists()
        ):
            raise RequestNotReady(asked)
        return asked.organisation, None, asked
    organisation = home_organisation(person)
    if organisation is None or not can_organise_in(person, organisation):
        raise PermissionDenied
    return organisation, None, None


class RequestNotReady(Exception):
    """The request is not accepted yet, or already has its event."""

    def __init__(self, asked: ExpertRequest) -> None:
        self.asked = asked


def event_new(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    try:
        organisation, project, asked = _source(request)
    except RequestNotReady as not_ready:
        messages.error(
            request, _("Only an accepted request without an event yet becomes an event.")
        )
        return redirect("people:request", pk=not_ready.asked.pk)
    initial: dict[str, Any] = {}
    if asked is not None:
        initial = services.from_request(asked)
        initial["speakers"] = [asked.expert] if asked.expert else []
        initial["questions"] = [asked.question] if asked.question else []
    elif project is not None:
        initial = {"questions": list(project.questions.all())}
    form = EventForm(form_data(request), initial=initial, person=person, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        speakers, questions = data.pop("speakers", None), data.pop("questions", None)
        try:
            event = services.event_save(
                person=person,
                data=data,
                organisation=organisation,
                project=project,
                expert_request=asked,
                speakers=speakers,
                questions=questions,
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is arranged."))
            return redirect("events:event", pk=event.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "organisation": organisation, "project": project, "asked": asked},
    )


def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    event = _visible_event(request, pk, change=True)
    form = EventForm(
        form_data(request), instance=event, person=person, organisation=event.organisation
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        speakers, questions = data.pop("speakers", None), data.pop("questions", None)
        try:
            services.event_save(
                person=person, data=data, event=event, speakers=speakers, questions=questions
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is saved."))
            return redirect("events:event", pk=event.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "event": event, "organisation": event.organisation},
    )


def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first: the page says who will be told; only the POST cancels."""
    event = _visible_event(request, pk, change=True)
    form = CancelForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(
                person=person_of(request), event=event, reason=form.cleaned_data["reason"]
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is cancelled; the people coming are told."))
            return redirect("events:event", pk=event.pk)
    going = event.attendances.count()
    return render(request, "events/cancel.html", {"event": event, "form": form, "going": going})


def event_record(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk, change=True)
    form = RecordForm(form_data(request), event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_record(
                person=person_of(request),
                event=event,
                came=[int(pk) for pk in form.cleaned_data["came"]],
                notes_en=form.cleaned_data["notes_en"],
                notes_cy=form.cleaned_data["notes_cy"],
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is recorded as held."))
            return redirect("events:event", pk=event.pk)
    return render(request, "events/record.html", {"event": event, "form": form})


@require_POST
def attend(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    event = _visible_event(request, pk)
    try:
        if request.POST.get("leave"):
            services.attendance_leave(person=person, event=event)
            messages.success(request, _("You are no longer signed up."))
        else:
            services.attendance_join(person=person, event=event)
            messages.success(request, _("You are signed up. Add it to your calendar below."))
    except services.EventError as error:
        messages.error(request, str(error))
    return redirect("events:event", pk=event.pk)


def calendar_file(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    event = _visible_event(request, pk)
    signed_up = event.attendances.filter(person=person).exists()
    ics = event_ics(event, with_link=gets_online_link(person, event, signed_up=signed_up))
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pontio-event-{event.pk}.ics"'
    return response
