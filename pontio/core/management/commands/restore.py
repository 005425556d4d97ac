"""`pontio restore PATH`: put back a backup made by `pontio backup`, replacing all of Pontio's
data, after checking the file and asking first."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pontio.core.backup import Backup, BackupError, backup_open, backup_restore


class Command(BaseCommand):
    help = "Restore a .pontio-backup file, replacing the database and uploaded files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the .pontio-backup file to restore")
        parser.add_argument("--yes", action="store_true", help="restore without asking first")

    def handle(self, *args: Any, path: Path, yes: bool, **options: Any) -> None:
        try:
            # The file is checked in full before anyone is asked, so nobody agrees to a restore
            # that would then be refused half way.
            with backup_open(path=path) as backup:
                if not yes:
                    self.confirm(backup)
                restored = backup_restore(backup=backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup made at {backup.manifest['created_at']}.\n"
            f"The data from just before the restore is in {restored.undo}: "
            "restore that file to undo this."
        )
        if restored.needs_migrate:
            self.stdout.write(
                "This backup was made by an older Pontio: run `pontio migrate` before using it "
                "(`pontio serve` does this when it starts)."
            )

    def confirm(self, backup: Backup) -> None:
        if not sys.stdin.isatty():
            raise CommandError(
                "Restoring replaces all of Pontio's data, and there is no terminal to ask on. "
                "Run again with --yes to confirm. Nothing was changed."
            )
        self.stdout.write(
            f"This replaces ALL of Pontio's data and uploaded files with the backup made at "
            f"{backup.manifest['created_at']}. What is there now will be kept in a new backup."
        )
        if input("Type 'yes' to restore: ").strip().lower() != "yes":
            raise CommandError("Restore cancelled. Nothing was changed.")
