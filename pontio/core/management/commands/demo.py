"""`pontio demo`: migrate, load the demo organisation, print the sign-ins, then serve."""

import os
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from pontio.core.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the demo organisation (idempotent) and start Pontio with its worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="load the demo and stop")

    def handle(self, *args: Any, no_serve: bool, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        people = demo_load()
        port = os.environ.get("PORT", "8000")
        self.stdout.write(self.style.SUCCESS("\nThe demo organisation is loaded.\n"))
        self.stdout.write(
            f"Sign in at http://127.0.0.1:{port}/ with any of these "
            f"(password for all: {DEMO_PASSWORD}):\n"
        )
        for person in people:
            self.stdout.write(f"  {person.what:<24} {person.email:<28} {person.name}")
        self.stdout.write("")
        if not no_serve:
            call_command("serve", no_migrate=True)
