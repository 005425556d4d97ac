"""Periodic jobs: each entry of settings.SCHEDULE is enqueued once per period. Every worker runs
this; the first to insert the (name, period) row enqueues the job, the others find it taken."""

import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun

logger = logging.getLogger(__name__)


def period_start(now: datetime, period_seconds: int) -> datetime:
    """The start of the period that `now` falls in, counted from the Unix epoch in UTC."""
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % period_seconds, tz=UTC)


def schedule_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueue every periodic job whose current period has not been claimed. Returns the names
    this call enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, (task_path, period) in settings.SCHEDULE.items():
        start = period_start(now, period)
        if ScheduledRun.objects.filter(name=name, period_start=start).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(name=name, period_start=start)
                task: Task[..., object] = import_string(task_path)
                result = task.enqueue()
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another worker claimed this period first
        logger.info("Scheduled %s for the period starting %s", name, start.isoformat())
        enqueued.append(name)
    ScheduledRun.objects.filter(created_at__lt=now - timedelta(days=90)).delete()
    return enqueued
