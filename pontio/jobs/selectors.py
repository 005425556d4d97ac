"""Reads of the job queue for the health check and the administrators' jobs page."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat


def queue_health() -> dict[str, Any]:
    now = timezone.now()
    alive_since = now - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "ok": True,
        "ready": ready.count(),
        "running": DBTaskResult.objects.running().count(),
        "failed": DBTaskResult.objects.failed().count(),
        "oldest_ready_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "workers_alive": WorkerHeartbeat.objects.filter(last_seen__gte=alive_since).count(),
    }


def jobs_list(*, status: str = "") -> QuerySet[DBTaskResult[..., Any]]:
    jobs = DBTaskResult.objects.order_by("-enqueued_at")
    return jobs.filter(status=status) if status else jobs


def workers_list() -> QuerySet[WorkerHeartbeat]:
    return WorkerHeartbeat.objects.all()
