"""`pontio import FILE...`: import files into the library from the command line, with the same
checks, deduplication and report as the import page."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from pontio.accounts.models import Person
from pontio.library.importing import ImportRefused, import_csv_columns, import_prepare, import_run
from pontio.library.models import Visibility
from pontio.organisations.models import Organisation


class Command(BaseCommand):
    help = "Import RIS, BibTeX, CSV, OpenAlex JSON/JSONL, PubMed or PDF files into the library."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--organisation",
            help="the owning organisation's English name (default: the first organisation)",
        )
        parser.add_argument("--person", help="email of the person the import is recorded as")
        parser.add_argument(
            "--visibility", choices=Visibility.values, default=Visibility.PARTNERSHIP
        )

    def handle(
        self,
        *args: Any,
        files: list[Path],
        organisation: str | None,
        person: str | None,
        visibility: str,
        **options: Any,
    ) -> None:
        owner = (
            Organisation.objects.filter(name_en=organisation).first()
            if organisation
            else Organisation.objects.order_by("pk").first()
        )
        if owner is None:
            raise CommandError("No such organisation. Create one first (or run `pontio demo`).")
        who = Person.objects.filter(email__iexact=person).first() if person else None
        if person and who is None:
            raise CommandError(f"No person with the email address {person}.")
        failed = False
        for path in files:
            if not path.is_file():
                self.stderr.write(f"{path}: no such file")
                failed = True
                continue
            try:
                with transaction.atomic():
                    job = import_prepare(
                        person=who,
                        organisation=owner,
                        filename=path.name,
                        data=path.read_bytes(),
                        visibility=visibility,
                    )
            except ImportRefused as error:
                self.stderr.write(f"{path}: {error}")
                failed = True
                continue
            if job.format == "csv":
                _columns, job.csv_mapping = import_csv_columns(job)
                job.save(update_fields=["csv_mapping"])
            job = import_run(job.pk)
            self.stdout.write(
                f"{path}: {job.imported} imported, {job.merged} merged with existing records, "
                f"{job.rejected} rejected" + (f" ({job.error_text})" if job.error else "")
            )
            for row in job.rows.filter(outcome="rejected")[:20]:
                self.stdout.write(f"  line {row.line}: {row.text}")
        if failed:
            raise CommandError("Some files were not imported.")
