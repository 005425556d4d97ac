import multiprocessing
import os
from collections.abc import Collection, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from pontio.lib.vectors import Hit, Ids, NumpyVectorIndex, VectorIndex

DIMS = 16
Matrix = npt.NDArray[np.float32]
Filled = tuple[NumpyVectorIndex, dict[tuple[str, int], Matrix]]


def unit(rng: np.random.Generator, count: int, dims: int = DIMS) -> Matrix:
    matrix = rng.standard_normal((count, dims)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def make_index(path: Path, **options: float) -> NumpyVectorIndex:
    return NumpyVectorIndex(path, dims=DIMS, **options)


def brute_force(
    items: Mapping[tuple[str, int], Matrix],
    query: Matrix,
    *,
    kinds: Collection[str],
    k: int,
    allowed: Mapping[str, Collection[int]] | None = None,
    exclude: Collection[tuple[str, int]] = (),
) -> list[Hit]:
    hits = [
        (kind, item_id, float(np.dot(vector, query)))
        for (kind, item_id), vector in items.items()
        if kind in kinds
        and (allowed is None or kind not in allowed or item_id in allowed[kind])
        and (kind, item_id) not in exclude
    ]
    return sorted(hits, key=lambda hit: (-hit[2], hit[0], hit[1]))[:k]


def assert_same(found: list[Hit], expected: list[Hit]) -> None:
    assert [(kind, item_id) for kind, item_id, _ in found] == [
        (kind, item_id) for kind, item_id, _ in expected
    ]
    assert [score for *_, score in found] == pytest.approx(
        [score for *_, score in expected], abs=1e-5
    )


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(7)


@pytest.fixture
def filled(tmp_path: Path, rng: np.random.Generator) -> Filled:
    """2,000 records (ids 0, 3, 6, ...) and 300 briefs, written in a few batches."""
    index = make_index(tmp_path / "vectors")
    items: dict[tuple[str, int], Matrix] = {}
    for kind, ids in (("record", range(0, 6000, 3)), ("brief", range(1, 301))):
        matrix = unit(rng, len(ids))
        for start in range(0, len(ids), 700):
            index.upsert(kind, list(ids[start : start + 700]), matrix[start : start + 700])
        items.update({(kind, item_id): matrix[row] for row, item_id in enumerate(ids)})
    return index, items


def test_it_is_a_vector_index(tmp_path: Path) -> None:
    index: VectorIndex = make_index(tmp_path)
    assert index.dims == DIMS


def test_it_finds_what_a_brute_force_search_finds(filled: Filled, rng: np.random.Generator) -> None:
    index, items = filled
    for query in unit(rng, 20):
        for kinds, k in ((["record"], 10), (["record", "brief"], 25), (["brief"], 500)):
            expected = brute_force(items, query, kinds=kinds, k=k)
            assert_same(index.search(query, kinds=kinds, k=k), expected)
    assert index.count("record") == 2000 and index.count("brief") == 300


def test_it_stays_exact_over_many_rows(tmp_path: Path, rng: np.random.Generator) -> None:
    # Enough rows to scan in several chunks and to gather an allowed set in several pieces.
    index = make_index(tmp_path)
    matrix, ids = unit(rng, 300_000), rng.permutation(10**6)[:300_000]
    index.upsert("record", ids, matrix)
    allowed = rng.choice(ids, 40_000, replace=False)
    for query in unit(rng, 3):
        scores = matrix @ query
        for only, k in ((None, 100), (allowed, 1000)):
            rows = np.arange(len(ids)) if only is None else np.flatnonzero(np.isin(ids, only))
            best = rows[np.lexsort((ids[rows], -scores[rows]))[:k]]
            hits = index.search(
                query, kinds=["record"], k=k, allowed=None if only is None else {"record": only}
            )
            assert [item_id for _, item_id, _ in hits] == ids[best].tolist()
            assert [score for *_, score in hits] == pytest.approx(scores[best], abs=1e-5)


def test_it_scores_by_cosine_whatever_the_lengths(tmp_path: Path) -> None:
    index = make_index(tmp_path)
    index.upsert("record", [1, 2], np.eye(DIMS, dtype=np.float32)[:2] * [[3.0], [0.5]])
    hits = index.search(np.eye(DIMS)[0] * 7 + np.eye(DIMS)[1] * 7, kinds=["record"], k=5)
    assert [item_id for _, item_id, _ in hits] == [1, 2]
    assert [score for *_, score in hits] == pytest.approx([2**-0.5, 2**-0.5])
    stored = index.get("record", 1)
    assert stored is not None and stored == pytest.approx(np.eye(DIMS)[0])


def test_it_replaces_a_vector_on_upsert(filled: Filled, rng: np.random.Generator) -> None:
    index, items = filled
    old, new = items[("record", 300)], unit(rng, 1)[0]
    index.upsert("record", [300], new[None, :])
    scores = {
        (kind, item_id): score
        for kind, item_id, score in index.search(old, kinds=["record"], k=2000)
    }
    assert len(scores) == 2000  # 300 appears once, scored by its new vector alone
    assert scores[("record", 300)] == pytest.approx(float(old @ new), abs=1e-5)
    assert_same(index.search(new, kinds=["record"], k=1), [("record", 300, 1.0)])
    assert index.get("record", 300) == pytest.approx(new)
    assert index.count("record") == 2000


def test_it_removes_items(filled: Filled, rng: np.random.Generator) -> None:
    index, items = filled
    index.remove("record", [0, 3, 99_999])
    index.remove("nothing", [1])
    for key in (("record", 0), ("record", 3)):
        del items[key]
    assert index.count("record") == 1998
    assert index.get("record", 0) is None
    query = unit(rng, 1)[0]
    assert_same(
        index.search(query, kinds=["record"], k=2000),
        brute_force(items, query, kinds=["record"], k=2000),
    )
    index.upsert("record", [0], items[("record", 6)][None, :])
    assert index.count("record") == 1999 and index.get("record", 0) is not None


def test_it_searches_only_the_given_kinds(filled: Filled) -> None:
    index, items = filled
    hits = index.search(items[("brief", 5)], kinds=["brief", "question"], k=50)
    assert {kind for kind, *_ in hits} == {"brief"}
    assert_same(hits[:1], [("brief", 5, 1.0)])
    assert index.search(items[("brief", 5)], kinds="record", k=3)[0][0] == "record"
    assert index.search(items[("brief", 5)], kinds=[], k=3) == []


@pytest.mark.parametrize("share", [0.01, 0.5, 1.0])
def test_it_searches_within_an_allowed_set(
    filled: Filled, rng: np.random.Generator, share: float
) -> None:
    # 1% is computed row by row and 50% by masking a full scan; both must agree with the truth.
    index, items = filled
    record_ids = [item_id for kind, item_id in items if kind == "record"]
    allowed = {"record": set(rng.choice(record_ids, int(share * 2000), replace=False).tolist())}
    for query in unit(rng, 5):
        for kinds in (["record"], ["record", "brief"]):
            expected = brute_force(items, query, kinds=kinds, k=30, allowed=allowed)
            assert_same(index.search(query, kinds=kinds, k=30, allowed=allowed), expected)


def test_an_allowed_set_ignores_unknown_and_repeated_ids(filled: Filled) -> None:
    index, items = filled
    allowed: dict[str, Ids] = {"record": np.array([3, 3, 6, 7, 10**12]), "brief": []}
    hits = index.search(items[("record", 3)], kinds=["record", "brief"], k=10, allowed=allowed)
    assert [item_id for _, item_id, _ in hits] == [3, 6]


@pytest.mark.parametrize("allowed", [None, {"record": range(0, 60, 3)}])
def test_it_leaves_out_excluded_items(
    filled: Filled, rng: np.random.Generator, allowed: Mapping[str, Collection[int]] | None
) -> None:
    index, items = filled
    query = items[("record", 9)]
    exclude = {("record", 9), ("record", 12), ("brief", 2), ("record", 5)}
    hits = index.search(query, kinds=["record", "brief"], k=15, allowed=allowed, exclude=exclude)
    expected = brute_force(
        items, query, kinds=["record", "brief"], k=15, allowed=allowed, exclude=exclude
    )
    assert_same(hits, expected)
    assert ("record", 9) not in {(kind, item_id) for kind, item_id, _ in hits}


def test_it_breaks_ties_by_kind_then_id(tmp_path: Path) -> None:
    index = make_index(tmp_path)
    first, second = np.eye(DIMS, dtype=np.float32)[:2]
    # The lowest ids are written last, so row order would give the wrong answer.
    index.upsert("record", [50, 7, 31, 19, 44, 2], np.tile(first, (6, 1)))
    index.upsert("brief", [9, 3], np.tile(first, (2, 1)))
    index.upsert("record", [1], second[None, :])
    for kinds, k, expected in (
        (["record"], 3, [("record", 2), ("record", 7), ("record", 19)]),
        (["record", "brief"], 4, [("brief", 3), ("brief", 9), ("record", 2), ("record", 7)]),
    ):
        hits = index.search(first, kinds=kinds, k=k)
        assert [(kind, item_id) for kind, item_id, _ in hits] == expected
    hits = index.search(first, kinds=["record"], k=2, allowed={"record": [44, 31, 1, 50]})
    assert [item_id for _, item_id, _ in hits] == [31, 44]


def test_another_index_on_the_same_directory_sees_writes(
    tmp_path: Path, rng: np.random.Generator
) -> None:
    # The job worker writes and web processes read; two objects stand in for two processes.
    writer, reader = make_index(tmp_path), make_index(tmp_path)
    assert reader.count("record") == 0
    matrix = unit(rng, 4)
    writer.upsert("record", [1, 2, 3], matrix[:3])
    assert_same(reader.search(matrix[1], kinds=["record"], k=1), [("record", 2, 1.0)])
    writer.upsert("record", [2], matrix[3:])
    writer.remove("record", [3])
    assert reader.search(matrix[3], kinds=["record"], k=5)[0][:2] == ("record", 2)
    assert reader.count("record") == 2 and reader.get("record", 3) is None
    writer.compact()
    assert reader.count("record") == 2 and reader.get("record", 2) == pytest.approx(matrix[3])
    writer.clear("record")
    assert reader.count("record") == 0
    writer.upsert("record", [5], matrix[:1])
    assert_same(reader.search(matrix[0], kinds=["record"], k=5), [("record", 5, 1.0)])


def _write_batches(path: Path, first_id: int) -> None:
    index = make_index(path)
    rng = np.random.default_rng(first_id)
    for start in range(first_id, first_id + 100, 20):
        index.upsert("record", list(range(start, start + 20)), unit(rng, 20))
        index.upsert("record", [0], unit(rng, 1))  # both processes replace the same item


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded process
    writers = [context.Process(target=_write_batches, args=(tmp_path, n)) for n in (1, 101)]
    for process in writers:
        process.start()
    for process in writers:
        process.join()
        assert process.exitcode == 0
    index = make_index(tmp_path)
    assert index.count("record") == 201
    assert {item_id for _, item_id, _ in index.search(np.ones(DIMS), kinds=["record"], k=500)} == (
        set(range(201))
    )


def test_a_crash_before_the_manifest_leaves_the_previous_content(
    filled: Filled, rng: np.random.Generator, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, _ = filled
    directory = index.directory
    query = unit(rng, 1)[0]
    before = index.search(query, kinds=["record", "brief"], k=20)

    def crash(*args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        index.remove("record", [hit[1] for hit in before if hit[0] == "record"])
    with pytest.raises(OSError, match="power cut"):
        index.upsert("record", [0, 1, 2], np.tile(query, (3, 1)))
    monkeypatch.undo()

    for reader in (index, make_index(directory)):
        assert reader.search(query, kinds=["record", "brief"], k=20) == before
        assert reader.count("record") == 2000 and reader.get("record", 1) is None
    # The next write cuts off the rows and dead rows the crashed ones left, not commits them.
    replacements = unit(rng, 2)
    index.upsert("record", [3, 5000], replacements)
    reader = make_index(directory)
    assert reader.count("record") == 2001 and reader.get("record", 1) is None
    assert reader.get("record", 3) == pytest.approx(replacements[0])
    assert reader.get("record", 5000) == pytest.approx(replacements[1])
    found = {hit[:2] for hit in reader.search(query, kinds=["record", "brief"], k=25)}
    assert {hit[:2] for hit in before} - {("record", 3)} <= found
    assert os.path.getsize(directory / "record.0.f32") == 2002 * DIMS * 4


def test_compaction_keeps_results_and_frees_space(tmp_path: Path, rng: np.random.Generator) -> None:
    index = make_index(tmp_path, compact_at=10.0)  # only compacted when asked
    items = {("record", item_id): vector for item_id, vector in enumerate(unit(rng, 500))}
    index.upsert("record", list(range(500)), np.array(list(items.values())))
    for start in range(0, 500, 100):  # replace every other item, a batch at a time
        replaced = list(range(start, start + 100, 2))
        matrix = unit(rng, len(replaced))
        index.upsert("record", replaced, matrix)
        items.update({("record", item_id): matrix[n] for n, item_id in enumerate(replaced)})
    index.remove("record", range(1, 100, 2))
    for item_id in range(1, 100, 2):
        del items[("record", item_id)]
    queries = unit(rng, 10)
    before = [index.search(query, kinds=["record"], k=40) for query in queries]
    size = os.path.getsize(tmp_path / "record.0.f32")

    index.compact(min_dead_share=0.9)  # not enough dead rows yet
    assert (tmp_path / "record.0.f32").exists()
    index.compact()

    assert not (tmp_path / "record.0.f32").exists()
    assert os.path.getsize(tmp_path / "record.1.f32") == 450 * DIMS * 4 < size
    for reader in (index, make_index(tmp_path)):
        assert [reader.search(query, kinds=["record"], k=40) for query in queries] == before
    assert_same(before[0], brute_force(items, queries[0], kinds=["record"], k=40))


def test_it_compacts_by_itself_once_most_rows_are_dead(
    tmp_path: Path, rng: np.random.Generator
) -> None:
    index = make_index(tmp_path, compact_at=0.5)
    index.upsert("profile", [1, 2, 3, 4], unit(rng, 4))
    for _ in range(5):
        index.upsert("profile", [1], unit(rng, 1))
    assert index.count("profile") == 4
    assert os.path.getsize(next(tmp_path.glob("profile.*.f32"))) < 9 * DIMS * 4


def test_an_empty_index_returns_nothing(tmp_path: Path) -> None:
    index = make_index(tmp_path / "never-written")
    query = np.ones(DIMS)
    assert index.search(query, kinds=["record"], k=10) == []
    assert index.count("record") == 0 and index.get("record", 1) is None
    assert index.memory_bytes() == 0
    index.upsert("record", [1], query[None, :])
    assert index.search(query, kinds=["record"], k=0) == []
    index.clear()
    assert index.search(query, kinds=["record"], k=10) == []


def test_it_reports_the_memory_it_maps(filled: Filled) -> None:
    index, _ = filled
    assert 2300 * DIMS * 4 < index.memory_bytes() < 2300 * (DIMS * 4 + 40)


def test_a_dimension_mismatch_is_refused_clearly(tmp_path: Path) -> None:
    index = make_index(tmp_path)
    index.upsert("record", [1], np.ones((1, DIMS)))
    with pytest.raises(ValueError, match="Vectors have 384 dimensions; this index holds 16"):
        index.upsert("record", [2], np.ones((1, 384)))
    with pytest.raises(ValueError, match=r"The query has shape \(384,\); this index holds 16-d"):
        index.search(np.ones(384), kinds=["record"], k=1)
    other_model = NumpyVectorIndex(tmp_path, dims=384)
    with pytest.raises(ValueError, match="holds 16-dimensional vectors, not 384; clear it"):
        other_model.search(np.ones(384), kinds=["record"], k=1)
    assert index.count("record") == 1
    other_model.clear()
    other_model.upsert("record", [2], np.ones((1, 384)))
    assert other_model.search(np.ones(384), kinds=["record"], k=2)[0][:2] == ("record", 2)


@pytest.mark.parametrize(
    ("kind", "ids", "matrix", "message"),
    [
        ("record", [1, 1], np.ones((2, DIMS)), "names the same id more than once"),
        ("record", [1, 2], np.ones((1, DIMS)), "2 ids were given with 1 vectors"),
        ("record", [1], np.full((1, DIMS), np.nan), "must not contain NaN"),
        ("Record/..", [1], np.ones((1, DIMS)), "A kind is lower-case letters"),
    ],
)
def test_bad_writes_are_refused_and_change_nothing(
    tmp_path: Path, kind: str, ids: list[int], matrix: Matrix, message: str
) -> None:
    index = make_index(tmp_path)
    index.upsert("record", [1], np.ones((1, DIMS)))
    with pytest.raises(ValueError, match=message):
        index.upsert(kind, ids, matrix)
    assert index.count("record") == 1 and index.get("record", 1) == pytest.approx(0.25)


def test_a_zero_query_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="finite and not all zeros"):
        make_index(tmp_path).search(np.zeros(DIMS), kinds=["record"], k=1)
