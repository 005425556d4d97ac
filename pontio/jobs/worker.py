"""Pontio's job worker: django-tasks-db's worker, plus what a job queue must do to be relied on:
failed jobs are retried with backoff, jobs left running by a worker that died are picked up
again, and the scheduler enqueues periodic jobs. A heartbeat shows each worker is alive."""

import logging
import random
import socket
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import WorkerHeartbeat
from .scheduler import schedule_due_jobs

logger = logging.getLogger(__name__)

HOUSEKEEPING_SECONDS = 15


class PermanentJobError(Exception):
    """Raised by a job whose failure another attempt cannot mend (bad input, not a blip)."""


def retry_delay(attempt: int) -> timedelta:
    """Exponential backoff with jitter: about 30 s, 2 min, 8 min ..."""
    base = 30 * 4 ** (attempt - 1)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


def schedule_retry(db_result: "DBTaskResult[..., Any]") -> bool:
    """Put a failed job back in the queue if it has attempts left. Returns whether it did."""
    attempts = len(db_result.worker_ids)
    permanent = db_result.exception_class_path.endswith("PermanentJobError")
    if permanent or attempts >= settings.JOB_MAX_ATTEMPTS:
        return False
    db_result.status = TaskResultStatus.READY
    db_result.run_after = timezone.now() + retry_delay(attempts)
    db_result.finished_at = None
    db_result.save(update_fields=["status", "run_after", "finished_at"])
    logger.warning("Job %s failed (attempt %d); retrying later", db_result.id, attempts)
    return True


def job_retry_now(db_result: "DBTaskResult[..., Any]") -> None:
    """An administrator's retry of a failed job: back in the queue, to run as soon as it can."""
    db_result.status = TaskResultStatus.READY
    db_result.run_after = get_date_max()
    db_result.finished_at = None
    db_result.save(update_fields=["status", "run_after", "finished_at"])


def recover_stale_jobs(now: Any = None) -> int:
    """Jobs marked running by a worker that has stopped sending heartbeats go back to the queue
    (or fail, if they have had all their attempts). Returns how many were recovered."""
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=stale_before).values_list(
            "worker_id", flat=True
        )
    )
    recovered = 0
    with transaction.atomic():
        for db_result in DBTaskResult.objects.running().select_for_update():
            last_worker = db_result.worker_ids[-1] if db_result.worker_ids else ""
            started = db_result.started_at or now
            if last_worker in alive or started >= stale_before:
                continue
            db_result.set_failed(RuntimeError(f"The worker {last_worker} stopped mid-job."))
            schedule_retry(db_result)
            recovered += 1
    return recovered


def housekeeping(worker_id: str, started_at: Any) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": now, "started_at": started_at, "hostname": socket.gethostname()},
    )
    recover_stale_jobs(now)
    schedule_due_jobs(now)
    WorkerHeartbeat.objects.filter(last_seen__lt=now - timedelta(days=1)).delete()


class PontioWorker(Worker):
    def __init__(self, *, worker_id: str, interval: float = 1.0, batch: bool = False) -> None:
        super().__init__(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        self.started_at = timezone.now()
        self._stop = threading.Event()

    def run_task(self, db_task_result: "DBTaskResult[..., Any]") -> None:
        super().run_task(db_task_result)
        db_task_result.refresh_from_db()
        if db_task_result.status == TaskResultStatus.FAILED:
            schedule_retry(db_task_result)

    def run_housekeeping_forever(self) -> None:
        while not self._stop.is_set():
            try:
                housekeeping(self.worker_id, self.started_at)
            except Exception:
                logger.exception("Worker housekeeping failed; trying again shortly")
            finally:
                close_old_connections()
            self._stop.wait(HOUSEKEEPING_SECONDS)

    def run(self) -> None:
        if self.batch:
            # A batch run (`pontio worker --batch`, and the tests) does its housekeeping once,
            # in its own thread, then runs what is ready.
            housekeeping(self.worker_id, self.started_at)
            super().run()
            return
        thread = threading.Thread(target=self.run_housekeeping_forever, daemon=True)
        thread.start()
        try:
            super().run()
        finally:
            self._stop.set()
