"""`pontio bench library`: bulk import throughput (with deduplication and keyword indexing),
keyword search latency and the search page's time, at library sizes made by scaling the real
OpenAlex sample (titles and identifiers varied so deduplication keeps every copy)."""

import copy
import gzip
import random
import resource
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.test import Client

from pontio.lib.formats.openalex import parse_openalex
from pontio.lib.records import ParsedRecord

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "data"
    / "openalex"
    / "works-sample.jsonl.gz"
)
VARIANTS = [
    "a study",
    "an evaluation",
    "a review",
    "evidence from Wales",
    "a cohort study",
    "findings",
    "a case study",
    "lessons",
    "an update",
    "a pilot",
]


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="library sizes to build, comma-separated (e.g. 10000,100000,1000000)",
    )
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def scaled(sample: list[ParsedRecord], size: int) -> list[ParsedRecord]:
    """`size` records from the sample; copies get a varied title and their own identifiers."""
    out = []
    for n in range(size):
        base = sample[n % len(sample)]
        copy_number = n // len(sample)
        if copy_number == 0:
            out.append(base)
            continue
        record = copy.copy(base)
        record.title = f"{base.title}: {VARIANTS[copy_number % len(VARIANTS)]} {copy_number}"
        record.doi = f"10.99999/bench.{copy_number}.{n}" if base.doi else ""
        record.openalex_id = f"W9{copy_number:07d}{n}" if base.openalex_id else ""
        record.pmid = ""
        record.pmcid = ""
        out.append(record)
    return out


def _distinct(records: list[ParsedRecord]) -> list[ParsedRecord]:
    """The sample without the few works it holds twice, so every scaled copy is kept."""
    from .dedupe import keys_for

    seen: set[str] = set()
    out = []
    for record in records:
        keys = keys_for(record)
        marks = {
            f"doi:{keys.doi}" if keys.doi else "",
            f"oa:{keys.openalex_id}" if keys.openalex_id else "",
            f"pmid:{keys.pmid}" if keys.pmid else "",
            f"title:{keys.title}",
        } - {""}
        if record.title and not marks & seen:
            seen |= marks
            out.append(record)
    return out


def _queries(sample: list[ParsedRecord], count: int) -> dict[str, list[str]]:
    rng = random.Random(7)
    words = [w for r in sample for w in r.title.split() if len(w) > 4 and w.isalpha()]
    short = [" ".join(rng.sample(words, rng.randint(1, 4))) for _ in range(count)]
    sentences = [r.abstract.split(". ")[0][:300] for r in sample if len(r.abstract) > 80]
    return {"short": short, "sentence": rng.sample(sentences, min(count, len(sentences)))}


def run(options: dict[str, Any]) -> dict[str, Any]:
    from pontio.accounts.models import Person
    from pontio.organisations.models import Membership, Organisation
    from pontio.search.services import keyword_optimize, keyword_search

    from .importing import import_parsed
    from .models import Import, Record

    if not SAMPLE.is_file():
        return {"skipped": f"the OpenAlex sample is not at {SAMPLE}"}
    started = time.perf_counter()
    parsed = parse_openalex(gzip.decompress(SAMPLE.read_bytes()).decode()).records
    parse_rate = len(parsed) / (time.perf_counter() - started)
    sample = _distinct(parsed)
    sizes = [int(s) for s in str(options.get("sizes", "10000,100000")).split(",") if s]
    queries = _queries(sample, int(options.get("queries", 200)))
    organisation = Organisation.objects.create(name_en="Bench council", kind="council")
    person = Person.objects.create_user(email="bench@example.org", name="Bench")
    Membership.objects.create(person=person, organisation=organisation)
    figures: dict[str, Any] = {"parse_openalex_records_per_s": round(parse_rate)}
    done = 0
    everything = scaled(sample, max(sizes))
    for size in sorted(sizes):
        job = Import.objects.create(
            filename="bench",
            sha256="",
            format="openalex",
            organisation=organisation,
            created_by=person,
        )
        started = time.perf_counter()
        import_parsed(job, everything[done:size])
        keyword_optimize("record")  # as import_run does after a large import
        elapsed = time.perf_counter() - started
        done = size
        records = Record.objects.count()
        # A handful of sample works share a PubMed ID or a title with another: they merge.
        assert records >= size * 0.99, "deduplication collapsed the scaled copies"
        row: dict[str, Any] = {
            "records": records,
            "import_records_per_s": round((job.imported + job.merged) / elapsed),
            "import_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        for kind, texts in queries.items():
            top, every = [], []
            for text in texts:
                t0 = time.perf_counter()
                keyword_search("record", text, limit=20)
                top.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                keyword_search("record", text, limit=20_000)
                every.append((time.perf_counter() - t0) * 1000)
            row[f"search_{kind}_top20_p50_ms"] = round(statistics.median(top), 1)
            row[f"search_{kind}_top20_p95_ms"] = round(_percentile(top, 95), 1)
            row[f"search_{kind}_all_matches_p95_ms"] = round(_percentile(every, 95), 1)
        client = Client(HTTP_HOST="localhost")
        client.force_login(person)
        page_times = []
        for text in queries["short"][:100]:
            t0 = time.perf_counter()
            response = client.get("/library/", {"q": text})
            page_times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
        row["search_page_p50_ms"] = round(statistics.median(page_times), 1)
        row["search_page_p95_ms"] = round(_percentile(page_times, 95), 1)
        # Memory is measured in a separate pass: tracemalloc slows Python down several times.
        tracemalloc.start()
        for text in queries["short"][:20]:
            client.get("/library/", {"q": text})
        row["search_python_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
        figures[str(size)] = row
    return figures
