"""An organisation's projects as an Atom feed, for its signed-in members (feed readers that
sign in with the session); people outside the organisation get a 404. Governance details and
budgets are never in it."""

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pontio.core.permissions import person_of
from pontio.organisations.models import Organisation
from pontio.organisations.permissions import is_member

from .models import Project

LIMIT = 100


class ProjectsFeed(Feed[Project, Organisation]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Organisation:
        person = person_of(request)
        organisation = get_object_or_404(Organisation, pk=kwargs["organisation_pk"])
        if not is_member(person, organisation.pk):
            raise Http404
        return organisation

    def title(self, obj: Organisation) -> str:
        return _("Research projects of %(organisation)s") % {"organisation": obj.name}

    def subtitle(self, obj: Organisation) -> str:
        return _("The research projects %(organisation)s runs, newest first.") % {
            "organisation": obj.name
        }

    def link(self, obj: Organisation) -> str:
        return reverse("projects:list") + "?mine=organisation"

    def items(self, obj: Organisation) -> Any:
        return Project.objects.filter(organisation=obj).order_by("-created_at", "-pk")[:LIMIT]

    def item_title(self, item: Project) -> str:
        return item.title

    def item_description(self, item: Project) -> SafeString:
        return format_html(
            "<p>{} · {}</p><p>{}</p>",
            item.get_kind_display(),
            item.get_status_display(),
            item.summary,
        )

    def item_link(self, item: Project) -> str:
        return reverse("projects:project", args=[item.pk])

    def item_pubdate(self, item: Project) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Project) -> datetime:
        return item.updated_at


projects_feed = ProjectsFeed()
