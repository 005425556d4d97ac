"""Requests for an expert: a practitioner or broker asks for a 1:1 briefing or a roundtable
about a question; a knowledge broker approaches the expert, who accepts (proposing times) or
declines. A broker turns an accepted request into an event (pontio.events)."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from pontio.core.history import save_as
from pontio.organisations.permissions import home_organisation, is_broker_of

from .models import ExpertRequest, Profile, ProfileState, RequestState
from .permissions import can_ask_for_expert


class RequestError(Exception):
    """Something a person asked for that cannot be done, with a message they can act on."""


def request_make(
    *,
    person: Any,
    expert: Profile,
    kind: str,
    about: str,
    question: Any = None,
) -> ExpertRequest:
    if not can_ask_for_expert(person):
        raise RequestError(_("Only people in an organisation ask for an expert."))
    if expert.state != ProfileState.PUBLISHED or expert.person_id is None:
        raise RequestError(_("This expert is not taking requests."))
    if not about.strip():
        raise RequestError(_("Say what you would like to talk about."))
    request = ExpertRequest(
        organisation=home_organisation(person),
        requested_by=person,
        expert=expert,
        kind=kind,
        question=question,
        about=about.strip(),
    )
    save_as(person, request)
    return request


@transaction.atomic
def request_approach(*, person: Any, request: ExpertRequest, note: str = "") -> ExpertRequest:
    """A knowledge broker of the organisation passes the request to the expert."""
    if not is_broker_of(person, request.organisation_id):
        raise RequestError(_("Only knowledge brokers of the organisation approach experts."))
    if request.state != RequestState.NEW:
        raise RequestError(_("This request has already been passed on."))
    request.state = RequestState.APPROACHED
    request.broker = person
    request.broker_note = note.strip()
    save_as(person, request)
    return request


@transaction.atomic
def request_answer(
    *, person: Any, request: ExpertRequest, accept: bool, times: str = "", reply: str = ""
) -> ExpertRequest:
    """The expert accepts, proposing times, or declines (a reply is optional)."""
    if request.expert is None or request.expert.person_id != person.pk:
        raise RequestError(_("Only the expert asked answers this request."))
    if request.state != RequestState.APPROACHED:
        raise RequestError(_("This request is not waiting for your answer."))
    if accept and not times.strip():
        raise RequestError(_("Propose one or more times that suit you."))
    request.state = RequestState.ACCEPTED if accept else RequestState.DECLINED
    request.proposed_times = times.strip() if accept else ""
    request.reply = reply.strip()
    save_as(person, request)
    return request


def request_withdraw(*, person: Any, request: ExpertRequest) -> ExpertRequest:
    if request.requested_by_id != person.pk and not is_broker_of(person, request.organisation_id):
        raise RequestError(_("Only the person who asked, or a broker, withdraws a request."))
    if request.state in (RequestState.DECLINED, RequestState.WITHDRAWN):
        raise RequestError(_("This request has already ended."))
    request.state = RequestState.WITHDRAWN
    save_as(person, request)
    return request
