"""`pontio worker`: run jobs from the database queue, retry failures and run the scheduler."""

import logging
import os
import socket
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from pontio.jobs.worker import PontioWorker


class Command(BaseCommand):
    help = "Run background jobs from the database queue (and the scheduler of periodic jobs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument(
            "--batch", action="store_true", help="run the jobs that are ready, then exit"
        )

    def handle(self, *args: Any, interval: float, batch: bool, **options: Any) -> None:
        logging.getLogger("django_tasks_db").setLevel(logging.INFO)
        worker_id = f"{socket.gethostname()[:40]}-{os.getpid()}"
        worker = PontioWorker(worker_id=worker_id, interval=interval, batch=batch)
        worker.configure_signals()
        worker.run()
