"""`pontio backup [PATH]`: the database and uploaded files in one file, safe while Pontio runs."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pontio.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up Pontio's database and uploaded files into one .pontio-backup file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="file or folder to write to (default: a new file in DATA_DIR/backups/)",
        )

    def handle(self, *args: Any, path: Path | None, **options: Any) -> None:
        try:
            written = backup_create(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up to {written}")
