"""Prioritisation rounds: the list, opening one (steering members), a round's page, the ballot
in two steps (choose, then order) and the results once it has closed. Only the voter ever
sees their own ballot."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from pontio.agenda import rounds
from pontio.agenda import workshop as workshop_service
from pontio.agenda.forms import BallotOrderForm, BallotPickForm, RoundForm
from pontio.agenda.models import Round
from pontio.agenda.permissions import (
    can_open_round,
    in_electorate,
    raising_organisation,
)
from pontio.agenda.services import AgendaError
from pontio.agenda.steering_forms import WorkshopForm
from pontio.core.forms import form_data
from pontio.core.permissions import person_of
from pontio.organisations.permissions import is_member


def _visible_round(request: HttpRequest, pk: int) -> Round:
    found = Round.objects.visible_to(person_of(request)).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _voter_round(request: HttpRequest, pk: int) -> Round | HttpResponse:
    """The round if the person may vote in it now, or where to send them instead."""
    found = _visible_round(request, pk)
    if not in_electorate(person_of(request), found):
        raise PermissionDenied
    if not found.is_open_at(timezone.now()):
        messages.error(request, _("This round is not open for voting."))
        return redirect("agenda:round", pk=found.pk)
    return found


def round_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    organisation = raising_organisation(person)
    return render(
        request,
        "agenda/rounds.html",
        {
            "rounds": Round.objects.visible_to(person).select_related("organisation"),
            "now": timezone.now(),
            "can_open": organisation is not None and can_open_round(person, organisation.pk),
        },
    )


def round_open(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    organisation = raising_organisation(person)
    if organisation is None or not can_open_round(person, organisation.pk):
        raise PermissionDenied
    # Bound on any POST: a form of unticked boxes sends nothing, and must still say so.
    data = form_data(request)
    form = RoundForm(data, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            opened = rounds.round_open(
                person=person, organisation=organisation, **form.cleaned_data
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round is open."))
            return redirect("agenda:round", pk=opened.pk)
    return render(request, "agenda/round_open.html", {"form": form, "organisation": organisation})


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    found = _visible_round(request, pk)
    now = timezone.now()
    return render(
        request,
        "agenda/round.html",
        {
            "round": found,
            "shortlist": found.shortlist.order_by("pk"),
            "is_open": found.is_open_at(now),
            "is_closed": found.is_closed_at(now),
            "may_vote": in_electorate(person, found),
            "is_member": is_member(person, found.organisation_id),
            "my_choices": rounds.my_choices(person, found),
        },
    )


def ballot(request: HttpRequest, pk: int) -> HttpResponse:
    """Step one: choose up to N questions."""
    found = _voter_round(request, pk)
    if isinstance(found, HttpResponse):
        return found
    mine = [q.pk for q in rounds.my_choices(person_of(request), found)]
    data = form_data(request)
    form = BallotPickForm(data, round=found, initial={"questions": mine})
    if request.method == "POST" and form.is_valid():
        chosen = [q.pk for q in form.cleaned_data["questions"]]
        query = urlencode({"q": chosen}, doseq=True)
        return redirect(reverse("agenda:ballot_order", args=[found.pk]) + "?" + query)
    return render(request, "agenda/ballot.html", {"round": found, "form": form})


def ballot_order(request: HttpRequest, pk: int) -> HttpResponse:
    """Step two: put the chosen questions in order, then cast (or replace) the ballot."""
    found = _voter_round(request, pk)
    if isinstance(found, HttpResponse):
        return found
    person = person_of(request)
    data = request.POST if request.method == "POST" else request.GET
    wanted = [int(v) for v in data.getlist("q") if v.isdecimal()]
    by_pk = found.shortlist.in_bulk(wanted)
    questions = [by_pk[q] for q in dict.fromkeys(wanted) if q in by_pk]
    if not questions or len(questions) > found.picks:
        messages.error(request, _("Choose up to %(n)s questions first.") % {"n": found.picks})
        return redirect("agenda:ballot", pk=found.pk)
    mine = {q.pk: place for place, q in enumerate(rounds.my_choices(person, found), 1)}
    # Questions keep the place they had; new ones follow in the order they were chosen.
    ordered = sorted(questions, key=lambda q: (mine.get(q.pk, len(mine) + 1), wanted.index(q.pk)))
    initial = {f"place_{q.pk}": str(place) for place, q in enumerate(ordered, 1)}
    form = BallotOrderForm(form_data(request), questions=ordered, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            rounds.ballot_cast(person=person, round=found, question_ids=form.ordered_ids())
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your ballot is saved. You can change it until the round closes.")
            )
            return redirect("agenda:round", pk=found.pk)
    return render(
        request, "agenda/ballot_order.html", {"round": found, "form": form, "questions": ordered}
    )


def results(request: HttpRequest, pk: int) -> HttpResponse:
    found = _visible_round(request, pk)
    try:
        outcome = rounds.round_results(found)
    except AgendaError as error:
        messages.error(request, str(error))
        return redirect("agenda:round", pk=found.pk)
    return render(
        request,
        "agenda/round_results.html",
        {
            "round": found,
            "results": outcome,
            "min_shown": rounds.MIN_BALLOTS_SHOWN,
            "agreed": found.agreed_places.select_related("question"),
            "top": workshop_service.TOP,
            "can_agree": can_open_round(person_of(request), found.organisation_id),
            "is_member": is_member(person_of(request), found.organisation_id),
        },
    )


def workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """The final workshop: steering members record the agreed order and why questions moved."""
    found = _visible_round(request, pk)
    person = person_of(request)
    if not can_open_round(person, found.organisation_id):
        raise PermissionDenied
    if not found.is_closed_at(timezone.now()):
        messages.error(request, _("The order is agreed once the round has closed."))
        return redirect("agenda:round", pk=found.pk)
    from_ballots = workshop_service.ballot_places(found)
    questions = workshop_service.proposed_order(found, from_ballots)
    agreed = {a.question_id: a for a in found.agreed_places.all()}
    initial: dict[str, str] = {}
    for place, question in enumerate(questions, 1):
        initial[f"place_{question.pk}"] = str(place)
        if question.pk in agreed:
            initial[f"reason_{question.pk}"] = agreed[question.pk].reason
    form = WorkshopForm(
        form_data(request),
        questions=questions,
        ballot_places=from_ballots,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            workshop_service.workshop_agree(
                person=person, round=found, places=form.places(), reasons=form.reasons()
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The agreed order is recorded: the top ten is on the agenda.")
            )
            return redirect("agenda:round_results", pk=found.pk)
    return render(
        request, "agenda/workshop.html", {"round": found, "form": form, "top": workshop_service.TOP}
    )
