"""The job queue: jobs survive a restart, failures are retried with backoff, periodic jobs run
once per period however many workers there are, and administrators can see and retry jobs."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pontio.accounts.models import Person
from pontio.jobs.models import ScheduledRun, WorkerHeartbeat
from pontio.jobs.scheduler import period_start, schedule_due_jobs
from pontio.jobs.tests import jobs_for_tests
from pontio.jobs.worker import PontioWorker, recover_stale_jobs


@pytest.fixture
def database_queue(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The worker closes stale connections between jobs, as a long-running process should; in a
    # test that would close the connection holding the test's transaction.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.JOB_MAX_ATTEMPTS = 3


def run_ready_jobs() -> None:
    PontioWorker(worker_id="test-worker", interval=0, batch=True).run()


def test_it_retries_a_failed_job_with_backoff(db: Any, database_queue: None) -> None:
    jobs_for_tests.CALLS.clear()
    result = jobs_for_tests.flaky.enqueue("a")
    run_ready_jobs()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY  # back in the queue, later
    assert row.run_after > timezone.now() + timedelta(seconds=20)
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    run_ready_jobs()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 2


def test_it_gives_up_after_the_last_attempt(db: Any, database_queue: None) -> None:
    result = jobs_for_tests.always_fails.enqueue()
    for _ in range(3):
        DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())
        run_ready_jobs()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED
    assert len(row.worker_ids) == 3
    assert "ConnectionError" in row.traceback


def test_it_does_not_retry_a_permanent_failure(db: Any, database_queue: None) -> None:
    result = jobs_for_tests.bad_input.enqueue()
    run_ready_jobs()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED


def test_a_job_survives_its_worker_dying(db: Any, database_queue: None) -> None:
    result = jobs_for_tests.flaky.enqueue("b")
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("dead-worker")  # the worker was killed mid-job
    long_ago = timezone.now() - timedelta(minutes=10)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=long_ago)
    WorkerHeartbeat.objects.create(worker_id="dead-worker", started_at=long_ago, last_seen=long_ago)
    assert recover_stale_jobs() == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY


def test_it_leaves_a_live_workers_job_alone(db: Any, database_queue: None) -> None:
    result = jobs_for_tests.flaky.enqueue("c")
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("live-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - timedelta(minutes=10))
    WorkerHeartbeat.objects.create(
        worker_id="live-worker", started_at=timezone.now(), last_seen=timezone.now()
    )
    assert recover_stale_jobs() == 0


def test_periods_start_on_the_boundary() -> None:
    now = datetime(2026, 11, 27, 15, 42, tzinfo=UTC)
    assert period_start(now, 86400) == datetime(2026, 11, 27, tzinfo=UTC)
    assert period_start(now, 3600) == datetime(2026, 11, 27, 15, tzinfo=UTC)


def test_two_workers_schedule_each_job_once_per_period(db: Any, database_queue: None) -> None:
    now = timezone.now()
    first = schedule_due_jobs(now)  # worker one
    second = schedule_due_jobs(now)  # worker two, same moment
    daily = sorted(settings.SCHEDULE)
    assert "clear-expired-sessions" in daily and sorted(first) == daily
    assert second == []
    assert DBTaskResult.objects.count() == len(daily)
    tomorrow = schedule_due_jobs(now + timedelta(days=1))
    assert len(tomorrow) == len(daily)
    assert ScheduledRun.objects.count() == 2 * len(daily)


@pytest.mark.django_db(transaction=True)
def test_racing_schedulers_in_threads_enqueue_once(database_queue: None) -> None:
    import threading

    from django.db import connection

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("an in-memory SQLite database cannot be shared between threads")
    now = timezone.now()
    results: list[list[str]] = []

    def worker() -> None:
        try:
            results.append(schedule_due_jobs(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(name for names in results for name in names) == sorted(settings.SCHEDULE)


def test_admins_see_and_retry_failed_jobs(
    client_for: Any, admin: Person, database_queue: None
) -> None:
    result = jobs_for_tests.bad_input.enqueue()
    run_ready_jobs()
    client = client_for(admin)
    listing = client.get("/manage/jobs/", {"status": "FAILED"}).content.decode()
    assert "bad_input" in listing
    detail = client.get(f"/manage/jobs/{result.id}/").content.decode()
    assert "this file is not RIS" in detail
    client.post(f"/manage/jobs/{result.id}/retry/")
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY


def test_it_cannot_retry_a_job_that_did_not_fail(
    client_for: Any, admin: Person, database_queue: None
) -> None:
    result = jobs_for_tests.flaky.enqueue("d")
    response = client_for(admin).post(f"/manage/jobs/{result.id}/retry/")
    assert response.status_code == 404


def test_housekeeping_jobs_clear_old_sessions_and_jobs(
    db: Any, database_queue: None, settings: Any
) -> None:
    from django.contrib.sessions.models import Session

    from pontio.jobs.tasks import clear_expired_sessions, prune_finished_jobs

    Session.objects.create(
        session_key="old", session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    Session.objects.create(
        session_key="new", session_data="", expire_date=timezone.now() + timedelta(days=1)
    )
    assert clear_expired_sessions.call() == 1
    assert Session.objects.filter(session_key="new").exists()
    done = jobs_for_tests.flaky.enqueue("e")
    DBTaskResult.objects.filter(pk=done.id).update(
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=timezone.now() - timedelta(days=settings.JOB_RETENTION_DAYS + 1),
    )
    assert prune_finished_jobs.call() == 1
