"""The steering group's meetings: the list, planning and changing one, its agenda, decisions
and actions, and the meeting pack as PDF or Word. Steering members, leaders and brokers of the
organisation see them; steering members change them."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.accounts.models import Person
from pontio.agenda import pack, steering
from pontio.agenda.models import AgendaItem, FollowUp, Meeting, Outcome, Question
from pontio.agenda.permissions import can_run_meetings, can_see_meetings, raising_organisation
from pontio.agenda.services import AgendaError
from pontio.agenda.steering_forms import DecisionForm, FollowUpForm, ItemForm, MeetingForm
from pontio.core.documents import DOCX_TYPE, PdfUnavailable, attachment
from pontio.core.forms import form_data
from pontio.core.paging import paginate
from pontio.core.permissions import person_of


def _organisation(request: HttpRequest) -> Any:
    """The person's organisation, if they may see its meetings."""
    person = person_of(request)
    organisation = raising_organisation(person)
    if organisation is None or not can_see_meetings(person, organisation.pk):
        raise PermissionDenied
    return organisation


def _meeting(request: HttpRequest, pk: int, *, change: bool = False) -> Meeting:
    """The meeting, if the person may see it (and change it, when asked)."""
    person = person_of(request)
    found = get_object_or_404(Meeting.objects.select_related("organisation"), pk=pk)
    if not can_see_meetings(person, found.organisation_id):
        raise Http404  # meetings of other organisations are not shown to exist
    if change and not can_run_meetings(person, found.organisation_id):
        raise PermissionDenied
    return found


def meeting_list(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    person = person_of(request)
    meetings = Meeting.objects.filter(organisation=organisation)
    return render(
        request,
        "agenda/meetings.html",
        {
            "organisation": organisation,
            "page": paginate(request, meetings),
            "now": timezone.now(),
            "can_run": can_run_meetings(person, organisation.pk),
            "my_actions": FollowUp.objects.filter(
                owner=person, done_at__isnull=True, meeting__organisation=organisation
            ).select_related("meeting"),
        },
    )


def meeting_new(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    if not can_run_meetings(person_of(request), organisation.pk):
        raise PermissionDenied
    return _meeting_form(request, organisation, None)


def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, change=True)
    return _meeting_form(request, found.organisation, found)


def _meeting_form(request: HttpRequest, organisation: Any, meeting: Meeting | None) -> HttpResponse:
    initial = {}
    if meeting is not None:
        initial = {
            "title_en": meeting.title_en,
            "title_cy": meeting.title_cy,
            "starts_at": timezone.localtime(meeting.starts_at),
            "place": meeting.place,
        }
    form = MeetingForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = steering.meeting_save(
                person=person_of(request),
                organisation=organisation,
                meeting=meeting,
                **form.cleaned_data,
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("agenda:meeting", pk=saved.pk)
    return render(
        request,
        "agenda/meeting_form.html",
        {"form": form, "meeting": meeting, "organisation": organisation},
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk)
    person = person_of(request)
    questions = Question.objects.select_related("organisation")
    return render(
        request,
        "agenda/meeting.html",
        {
            "meeting": found,
            "items": found.items.select_related("question"),
            "decisions": found.decisions.select_related("decided_by", "project").prefetch_related(
                Prefetch("questions", queryset=questions)
            ),
            "follow_ups": found.follow_ups.select_related("owner"),
            "can_run": can_run_meetings(person, found.organisation_id),
            "today": timezone.localdate(),
        },
    )


def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, change=True)
    questions = Question.objects.current().filter(organisation=found.organisation_id)
    form = ItemForm(form_data(request), questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            steering.item_add(person=person_of(request), meeting=found, **form.cleaned_data)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The item is on the agenda."))
            return redirect("agenda:meeting", pk=found.pk)
    return render(request, "agenda/meeting_item.html", {"form": form, "meeting": found})


def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first; removes on the confirming POST."""
    item = get_object_or_404(AgendaItem.objects.select_related("question"), pk=pk)
    found = _meeting(request, item.meeting_id, change=True)
    if request.method == "POST":
        steering.item_remove(person=person_of(request), item=item)
        messages.success(request, _("The item was taken off the agenda."))
        return redirect("agenda:meeting", pk=found.pk)
    return render(request, "agenda/meeting_item_remove.html", {"item": item, "meeting": found})


def decide(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, change=True)
    questions = steering.decidable_questions(found.organisation_id)
    # The questions on the meeting's agenda are ticked to start with.
    on_agenda = questions.filter(agenda_items__meeting=found).values_list("pk", flat=True)
    initial = {"questions": list(on_agenda)}
    form = DecisionForm(form_data(request), questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["outcome"] == Outcome.REJECT and request.POST.get("confirm") != "1":
            # Rejecting closes questions: ask first.
            return render(
                request,
                "agenda/meeting_decide.html",
                {"form": form, "meeting": found, "confirming": True},
            )
        try:
            steering.decision_record(person=person_of(request), meeting=found, **form.cleaned_data)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision is recorded and followers are told."))
            return redirect("agenda:meeting", pk=found.pk)
    return render(request, "agenda/meeting_decide.html", {"form": form, "meeting": found})


def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, change=True)
    people = Person.objects.filter(
        is_active=True, memberships__organisation=found.organisation_id
    ).distinct()
    form = FollowUpForm(form_data(request), people=people)
    if request.method == "POST" and form.is_valid():
        try:
            steering.follow_up_add(person=person_of(request), meeting=found, **form.cleaned_data)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The action is recorded."))
            return redirect("agenda:meeting", pk=found.pk)
    return render(request, "agenda/meeting_follow_up.html", {"form": form, "meeting": found})


@require_POST
def follow_up_mark(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(FollowUp.objects.select_related("meeting"), pk=pk)
    person = person_of(request)
    owner = follow_up.owner_id == person.pk
    if not owner and not can_see_meetings(person, follow_up.meeting.organisation_id):
        raise Http404
    try:
        steering.follow_up_mark(
            person=person, follow_up=follow_up, done=request.POST.get("done") == "1"
        )
    except AgendaError as error:
        raise PermissionDenied(str(error)) from error
    return redirect("agenda:meeting", pk=follow_up.meeting_id)


def _pack_name(meeting: Meeting, extension: str) -> str:
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return f"{slugify(meeting.title)[:60] or 'meeting'}-{day}.{extension}"


def meeting_pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk)
    try:
        pdf = pack.pack_pdf(found)
    except PdfUnavailable:
        messages.error(
            request,
            _(
                "The PDF pack cannot be made on this server (a text library is missing). "
                "Use the Word pack."
            ),
        )
        return redirect("agenda:meeting", pk=found.pk)
    return attachment(pdf, _pack_name(found, "pdf"), "application/pdf")


def meeting_pack_docx(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk)
    return attachment(pack.pack_docx(found), _pack_name(found, "docx"), DOCX_TYPE)
