"""`pontio bench [NAME] [--json]`: Pontio's benchmarks, each run against a throwaway database so
that measuring never touches anyone's data. With no name, every benchmark runs.

A benchmark is a module with `run(options) -> figures` and, optionally,
`add_arguments(parser)`; add one to BENCHMARKS to make `pontio bench NAME` run it."""

import argparse
import json
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connection, connections

from pontio.library import bench as library_bench
from pontio.people import bench as match_bench
from pontio.search import bench as search_bench
from pontio.search import bench_embed


def _no_arguments(parser: CommandParser) -> None:
    pass


@dataclass(frozen=True)
class Benchmark:
    help: str
    run: Callable[[dict[str, Any]], dict[str, Any]]
    add_arguments: Callable[[CommandParser], None] = field(default=_no_arguments)
    # Whether it needs Pontio's tables (a migrated database) rather than only its own.
    migrate: bool = False


BENCHMARKS: dict[str, Benchmark] = {
    "library": Benchmark(
        help="library import throughput, keyword search latency and the search page's time "
        "at 10k, 100k (and, with --sizes, 1M) records",
        run=library_bench.run,
        add_arguments=library_bench.add_arguments,
        migrate=True,
    ),
    "search": Benchmark(
        help="search relevance (nDCG@10, Recall@100) and latency on SciFact or another BEIR set",
        run=search_bench.run,
        add_arguments=search_bench.add_arguments,
    ),
    "embed": Benchmark(
        help="embedding speed: titles and title + abstract texts a second, a query's time",
        run=bench_embed.run,
        add_arguments=bench_embed.add_arguments,
    ),
    "match": Benchmark(
        help="expert matching: how often a held-out OpenAlex work finds its author (MRR, "
        "Recall@1/5/10) by publications, against a concepts-only baseline",
        run=match_bench.run,
        add_arguments=match_bench.add_arguments,
    ),
}

DATABASES = ("sqlite", "postgresql")


@contextmanager
def throwaway_sqlite(*, migrate: bool) -> Iterator[None]:
    """Point the default connection at a new SQLite file in a temporary folder, for this process
    only, so every query any benchmark makes (through whatever code) lands there; delete it
    after. The configured database is set aside untouched and given back at the end."""
    original_settings = connections.settings[DEFAULT_DB_ALIAS]
    original = connections[DEFAULT_DB_ALIAS]
    with tempfile.TemporaryDirectory(prefix="pontio-bench-") as folder:
        scratch = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(Path(folder) / "bench.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
        connections.settings[DEFAULT_DB_ALIAS] = connections.configure_settings(
            {DEFAULT_DB_ALIAS: scratch}
        )[DEFAULT_DB_ALIAS]
        connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            if migrate:
                call_command("migrate", verbosity=0, interactive=False)
            yield
        finally:
            connections[DEFAULT_DB_ALIAS].close()
            connections[DEFAULT_DB_ALIAS] = original
            connections.settings[DEFAULT_DB_ALIAS] = original_settings


@contextmanager
def throwaway_postgres_schema(*, migrate: bool) -> Iterator[None]:
    """On the configured PostgreSQL database: a new schema first on the search path, dropped at
    the end. Work in it commits as it would in use (a benchmark inside one long transaction
    measures piled-up row versions, not Pontio), and existing tables are neither read nor
    locked. If the process is killed, a schema named pontio_bench_... is left to drop by hand.
    Whether the vector table exists is asked again inside the schema and again after it."""
    from pontio.search.pgvector import forget_pgvector_ready

    if connection.vendor != "postgresql":
        raise CommandError("--database postgresql needs PONTIO_DATABASE_URL to be PostgreSQL.")
    schema = f"pontio_bench_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {schema}")
        cursor.execute(f"SET search_path TO {schema}")
    forget_pgvector_ready()
    try:
        if migrate:
            call_command("migrate", verbosity=0, interactive=False)
        else:
            from pontio.search.backends.postgres import create_gin_index
            from pontio.search.models import KeywordEntry, KeywordTerm

            with connection.schema_editor() as editor:
                editor.create_model(KeywordEntry)
                editor.create_model(KeywordTerm)
                create_gin_index(editor)
        yield
    finally:
        forget_pgvector_ready()
        with connection.cursor() as cursor:
            cursor.execute("RESET search_path")
            cursor.execute(f"DROP SCHEMA {schema} CASCADE")


def _throwaway(database: str, *, migrate: bool) -> Any:
    if database == "postgresql":
        return throwaway_postgres_schema(migrate=migrate)
    return throwaway_sqlite(migrate=migrate)


def _lines(prefix: str, figures: Any) -> Iterator[str]:
    if isinstance(figures, dict):
        for key, value in figures.items():
            yield from _lines(f"{prefix} {key}" if prefix else str(key), value)
    else:
        yield f"{prefix}: {figures}"


class Command(BaseCommand):
    help = "Run Pontio's benchmarks on a throwaway database and print their figures."

    def add_arguments(self, parser: CommandParser) -> None:
        common = CommandParser(add_help=False)
        # SUPPRESS: given before or after the benchmark's name, neither overwrites the other.
        common.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object"
        )
        common.add_argument(
            "--database",
            choices=DATABASES,
            default=argparse.SUPPRESS,
            help="sqlite: a temporary file (the default). postgresql: the configured "
            "PostgreSQL server, in a temporary schema inside a transaction that is rolled back",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--database", choices=DATABASES, default="sqlite")
        self.subparsers: dict[str, CommandParser] = {}
        names = parser.add_subparsers(dest="benchmark", metavar="NAME", required=False)
        for name, benchmark in BENCHMARKS.items():
            sub = names.add_parser(name, help=benchmark.help, parents=[common])
            benchmark.add_arguments(sub)
            self.subparsers[name] = sub

    def handle(self, *args: Any, benchmark: str | None = None, **options: Any) -> None:
        names = [benchmark] if benchmark else list(BENCHMARKS)
        figures: dict[str, Any] = {}
        for name in names:
            chosen = BENCHMARKS[name]
            settings = vars(self.subparsers[name].parse_args([])) if benchmark is None else {}
            settings |= options
            with _throwaway(options["database"], migrate=chosen.migrate):
                figures[name] = chosen.run(settings)
        if options["json"]:
            self.stdout.write(json.dumps(figures, indent=2))
        else:
            for line in _lines("", figures):
                self.stdout.write(line)
