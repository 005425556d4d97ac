"""The agenda's home page (the organisation's questions, filtered and sorted) and the person's
notices."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pontio.agenda import selectors, services
from pontio.agenda.models import State
from pontio.agenda.permissions import (
    can_see_meetings,
    can_triage_anything,
    raising_organisation,
    raising_organisations,
)
from pontio.core.paging import paginate
from pontio.core.permissions import person_of


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = selectors.QuestionFilters.from_query(request.GET)
    sort = request.GET.get("sort", "newest")
    if sort not in selectors.SORTS:
        sort = "newest"
    questions = selectors.questions_list(person, filters, sort)
    organisation = raising_organisation(person)
    return render(
        request,
        "agenda/home.html",
        {
            "page": paginate(request, questions),
            "filters": filters,
            "sort": sort,
            "states": State.choices,
            "topics": selectors.topics_with_questions(person),
            "teams": selectors.teams_with_questions(person),
            "unread": selectors.unread_notices(person),
            "organisation": organisation,
            "can_raise": bool(raising_organisations(person)),
            "can_triage": can_triage_anything(person),
            "can_see_meetings": organisation is not None
            and can_see_meetings(person, organisation.pk),
        },
    )


def notices(request: HttpRequest) -> HttpResponse:
    """The person's notices, newest first; those on the page are marked read once shown."""
    person = person_of(request)
    page = paginate(request, selectors.notices_for(person))
    shown = list(page.object_list)
    response = render(request, "agenda/notices.html", {"page": page, "notices": shown})
    services.notices_mark_read(person=person, notices=shown)
    return response
