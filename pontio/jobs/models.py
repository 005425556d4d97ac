"""What the job machinery needs beyond django-tasks-db's queue: which periods of each
periodic job have been claimed, and when each worker was last seen alive."""

from django.db import models


class ScheduledRun(models.Model):
    """One row per periodic job per period. The unique constraint is what makes a periodic job
    run once per period however many workers' schedulers race to enqueue it."""

    name = models.CharField(max_length=100)
    period_start = models.DateTimeField()
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint("name", "period_start", name="scheduled_run_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.period_start:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return self.worker_id
