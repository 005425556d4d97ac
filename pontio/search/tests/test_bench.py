import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from pontio.core.management.commands import bench
from pontio.search.models import KeywordEntry
from pontio.search.services import IndexDoc, keyword_index_documents, keyword_search


def make_dataset(folder: Path) -> Path:
    corpus = [
        {"_id": "d1", "title": "Kinship care", "text": "Grandparents raising grandchildren."},
        {"_id": "d2", "title": "Foster care", "text": "Outcomes of children in foster homes."},
        {"_id": "d3", "title": "Adult services", "text": "Care homes and domiciliary care."},
    ]
    queries = [
        {"_id": "q1", "text": "Do grandparents raise grandchildren in kinship care?"},
        {"_id": "q2", "text": "foster home outcomes"},
        {"_id": "q3", "text": "a query nobody judged"},
    ]
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(doc) for doc in corpus))
    (folder / "queries.jsonl").write_text("\n".join(json.dumps(q) for q in queries))
    (folder / "qrels-train.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n")
    return folder


def run_bench(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("bench", *args, "--json", stdout=out)
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def test_it_measures_keyword_search_on_a_beir_dataset(db: Any, tmp_path: Path) -> None:
    result = run_bench("search", "--dataset", str(make_dataset(tmp_path)), "--modes", "keyword")
    figures = result["search"]["keyword"]
    assert figures["ndcg@10"] == 1.0
    assert figures["recall@100"] == 1.0
    assert figures["queries"] == 2
    assert result["search"]["docs"] == 3
    assert "semantic" not in result["search"]
    assert figures["p95_ms"] >= figures["p50_ms"] > 0
    assert result["search"]["database"] == "sqlite"


def test_it_measures_search_by_meaning_and_hybrid_search(db: Any, tmp_path: Path) -> None:
    result = run_bench("search", "--dataset", str(make_dataset(tmp_path)))["search"]
    for mode in ("keyword", "semantic", "hybrid"):
        assert result[mode]["ndcg@10"] == 1.0, mode
        assert result[mode]["p95_ms"] > 0
    # The vectors went to a throwaway index, not the configured one.
    from pontio.search.services import semantic_count

    assert semantic_count("bench") == 0


def test_it_refuses_unknown_modes_and_missing_datasets(db: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Unknown search modes: vibes"):
        run_bench("search", "--dataset", str(make_dataset(tmp_path)), "--modes", "vibes")
    with pytest.raises(CommandError, match="no dataset folder"):
        run_bench("search", "--dataset", str(tmp_path / "absent"))
    (tmp_path / "qrels-test.tsv").write_text("query-id\tcorpus-id\tscore\n")
    (tmp_path / "qrels-dev.tsv").write_text("query-id\tcorpus-id\tscore\n")
    (tmp_path / "qrels-train.tsv").unlink()
    with pytest.raises(CommandError, match="Choose the judgements with --qrels"):
        run_bench("search", "--dataset", str(tmp_path))


def test_it_never_touches_the_configured_database(db: Any, tmp_path: Path) -> None:
    keyword_index_documents("bench", [IndexDoc(id=1, title="Someone's real record")])
    run_bench("search", "--dataset", str(make_dataset(tmp_path)))
    # The benchmark clears kind "bench" in its throwaway database, not here.
    assert [hit.id for hit in keyword_search("bench", "record")] == [1]


def test_it_runs_every_benchmark_without_a_name(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake(options: dict[str, Any]) -> dict[str, Any]:
        seen.update(name=connection.settings_dict["NAME"], vendor=connection.vendor)
        return {"figure": 1}

    monkeypatch.setattr(bench, "BENCHMARKS", {"fake": bench.Benchmark(help="a fake", run=fake)})
    assert run_bench() == {"fake": {"figure": 1}}
    assert seen["vendor"] == "sqlite" and "pontio-bench-" in str(seen["name"])
    assert connection.settings_dict["NAME"] != seen["name"]


def test_it_can_run_in_a_postgresql_schema_it_drops_after(db: Any, tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (make test runs this file on it too)")
    keyword_index_documents("bench", [IndexDoc(id=1, title="Someone's real record")])
    result = run_bench(
        "search", "--database", "postgresql", "--dataset", str(make_dataset(tmp_path))
    )
    assert result["search"]["keyword"]["ndcg@10"] == 1.0
    assert list(KeywordEntry.objects.values_list("kind", "object_id")) == [("bench", 1)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pontio_bench_%%'")
        assert cursor.fetchone()[0] == 0


def test_it_measures_embedding_speed(db: Any) -> None:
    if not (bench.search_bench.shared_data_dir() / "openalex").is_dir():
        pytest.skip("needs ../shared/data/openalex")
    figures = run_bench("embed", "--texts", "4")["embed"]
    assert figures["abstracts"] == 4 and figures["titles"] == 16
    assert figures["abstracts_per_s"] > 0 and figures["titles_per_s"] > 0
    assert figures["query_ms_p95"] >= figures["query_ms_p50"] > 0
