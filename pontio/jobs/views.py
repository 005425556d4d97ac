"""Administrators see queued, running and failed jobs, and retry a failed one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.tasks import TaskResultStatus
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from pontio.core.paging import paginate
from pontio.core.permissions import administrator_required

from . import selectors
from .worker import job_retry_now

STATUSES = [
    ("", _("All")),
    (TaskResultStatus.READY, _("Queued")),
    (TaskResultStatus.RUNNING, _("Running")),
    (TaskResultStatus.FAILED, _("Failed")),
    (TaskResultStatus.SUCCESSFUL, _("Finished")),
]


@administrator_required
def jobs(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in dict(STATUSES):
        status = ""
    return render(
        request,
        "jobs/list.html",
        {
            "page": paginate(request, selectors.jobs_list(status=status)),
            "status": status,
            "statuses": STATUSES,
            "health": selectors.queue_health(),
            "workers": selectors.workers_list()[:10],
        },
    )


@administrator_required
def job_detail(request: HttpRequest, pk: str) -> HttpResponse:
    job = get_object_or_404(DBTaskResult, pk=pk)
    return render(request, "jobs/detail.html", {"job": job})


@administrator_required
@require_POST
def job_retry(request: HttpRequest, pk: str) -> HttpResponse:
    job = get_object_or_404(DBTaskResult, pk=pk, status=TaskResultStatus.FAILED)
    job_retry_now(job)
    messages.success(request, _("The job is back in the queue."))
    return redirect("jobs:list")
