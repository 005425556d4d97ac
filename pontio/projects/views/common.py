"""What every projects page needs: the project, if the person may see it (404 otherwise, so
projects of others are not shown to exist) and change it (403 otherwise)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from pontio.core.permissions import person_of
from pontio.projects.models import Project
from pontio.projects.permissions import can_edit, can_see


def visible_project(request: HttpRequest, pk: int, *, change: bool = False) -> Project:
    person = person_of(request)
    project = get_object_or_404(Project.objects.select_related("organisation"), pk=pk)
    if not can_see(person, project):
        raise Http404
    if change and not can_edit(person, project):
        raise PermissionDenied
    return project
