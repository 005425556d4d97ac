"""`pontio serve`: the production WSGI server (gunicorn) plus one job worker with the scheduler,
started together and stopped together."""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Pontio with gunicorn and run one job worker (with the scheduler) beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--web-workers", type=int, default=int(os.environ.get("PONTIO_WEB_WORKERS", "2"))
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve pages only (run `pontio worker` elsewhere)",
        )
        parser.add_argument("--no-migrate", action="store_true")

    def handle(
        self,
        *args: Any,
        host: str,
        port: int,
        web_workers: int,
        no_worker: bool,
        no_migrate: bool,
        **options: Any,
    ) -> None:
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("createcachetable", verbosity=0)
        pontio = [sys.executable, "-m", "pontio.cli"]
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "pontio.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(web_workers),
                    "--access-logfile",
                    "-",
                    "--graceful-timeout",
                    "10",
                ]
            )
        ]
        if not no_worker:
            children.append(subprocess.Popen([*pontio, "worker"]))
        self.stdout.write(f"Pontio is at http://{host}:{port}/ (Ctrl+C to stop)")

        def stop(signum: int, frame: Any) -> None:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        # If either process ends, stop the other: half a Pontio is worse than none.
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        stop(signal.SIGTERM, None)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
