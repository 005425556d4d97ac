"""An organisation's research agenda as an Atom feed, shared as its page is (views/public.py):
the same questions in the same order, each linking to its place on the page."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pontio.agenda.models import Question
from pontio.agenda.views.public import shared_organisation
from pontio.organisations.models import Organisation

LIMIT = 100


@dataclass
class AgendaSource:
    organisation: Organisation
    page_url: str  # the agenda's page, absolute


class AgendaFeed(Feed[Question, AgendaSource]):
    feed_type = Atom1Feed
    # No language here: the feed is in the language of the request, as the page is.

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> AgendaSource:
        # Feed readers do not sign in, so a feed that is not shared is simply not there.
        organisation = shared_organisation(request, kwargs["organisation_pk"])
        if organisation is None:
            raise Http404
        page = reverse("agenda:organisation_agenda", args=[organisation.pk])
        return AgendaSource(organisation, request.build_absolute_uri(page))

    def title(self, obj: AgendaSource) -> str:
        return _("Research agenda of %(organisation)s") % {"organisation": obj.organisation.name}

    def subtitle(self, obj: AgendaSource) -> str:
        return _(
            "The questions from practice that %(organisation)s has prioritised for research, "
            "and where each one is now."
        ) % {"organisation": obj.organisation.name}

    def link(self, obj: AgendaSource) -> str:
        return obj.page_url

    def items(self, obj: AgendaSource) -> list[Question]:
        questions = list(Question.objects.on_agenda_of(obj.organisation)[:LIMIT])
        for number, question in enumerate(questions):
            anchor = f"#question-{question.pk}"
            page = number // settings.PAGE_SIZE + 1
            # Kept on each question for item_link and item_guid, which see only the item.
            vars(question)["feed_guid"] = obj.page_url + anchor
            vars(question)["feed_link"] = obj.page_url + (f"?page={page}" if page > 1 else "")
            vars(question)["feed_link"] += anchor
        return questions

    def item_title(self, item: Question) -> str:
        return item.text

    def item_description(self, item: Question) -> SafeString:
        if not item.why:
            return format_html("<p>{}</p>", item.get_state_display())
        return format_html("<p>{}</p><p>{}</p>", item.get_state_display(), item.why)

    def item_link(self, item: Question) -> str:
        return str(vars(item)["feed_link"])

    def item_guid(self, item: Question) -> str:
        return str(vars(item)["feed_guid"])

    def item_pubdate(self, item: Question) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Question) -> datetime:
        return item.updated_at


agenda_feed = login_not_required(AgendaFeed())
