"""The exact vector index: every query is compared with every candidate row, in numpy, over
matrices memory-mapped from disk so that all processes share one copy in the page cache."""

import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from pontio.lib.vectors import storage
from pontio.lib.vectors.inputs import check_kind, unit_query, upsert_rows
from pontio.lib.vectors.protocol import Hit, Ids, Vectors
from pontio.lib.vectors.storage import Extent, KindFiles, Manifest

type Rows = npt.NDArray[np.int64]

# Few large BLAS calls: OpenBLAS wakes its threads per call, and 8k-row calls ran at half the
# speed of 256k-row ones. The scan reads the map in place, so the size costs no memory.
_SCAN_ROWS = 262_144
# Gathered rows are copied, so they go in pieces that bound the copy (24 MB at 384-d).
_GATHER_ROWS = 16_384
# A filter keeping less than this share of the rows is computed row by row, above it by a full
# scan (at 1M rows, gathering 10% cost half a scan and 20% about a whole one).
_GATHER_SHARE = 0.15
_NO_ROWS: Rows = np.empty(0, dtype=np.int64)


@dataclass(frozen=True)
class _Kind:
    """One kind as this process sees it. Never changed in place: a refresh builds a new one,
    so a search running in another thread keeps a consistent view."""

    extent: Extent
    vectors: Vectors  # rows x dims, memory-mapped; dead rows included
    ids: Rows  # the id of each row, memory-mapped
    dead: Rows  # rows replaced or removed
    sorted_ids: Rows  # the live ids in order, to find an id's row
    sorted_rows: Rows  # the row of each of sorted_ids

    def rows_of(self, ids: Ids) -> Rows:
        """The live rows of those ids, skipping ids not in the index."""
        if isinstance(ids, np.ndarray):
            wanted = ids.astype(np.int64, copy=False).ravel()
        else:
            wanted = np.fromiter(ids, dtype=np.int64, count=len(ids))
        if not len(wanted) or not len(self.sorted_ids):
            return _NO_ROWS
        at = np.searchsorted(self.sorted_ids, wanted)
        at[at == len(self.sorted_ids)] = 0
        found: Rows = self.sorted_rows[at[self.sorted_ids[at] == wanted]]
        return found

    def nbytes(self) -> int:
        arrays = (self.vectors, self.ids, self.dead, self.sorted_ids, self.sorted_rows)
        return sum(int(array.nbytes) for array in arrays)


class NumpyVectorIndex:
    """A `VectorIndex` in a directory of its own (see `storage` for the files).

    Each call re-reads the manifest (a few hundred bytes) and extends this process's view by
    what was committed since, so a search sees another process's writes at once. Writers take
    a file lock. A kind whose dead rows exceed `compact_at` of its rows is rewritten without
    them at the end of the write that crossed the line."""

    needs_connection = False  # files, not the database: any thread may search it

    def __init__(self, directory: Path, *, dims: int = 384, compact_at: float = 0.5) -> None:
        self.directory = Path(directory)
        self.dims = dims
        self.compact_at = compact_at
        self._manifest = Manifest(uid="", dims=dims, generation=0, kinds={})
        self._kinds: dict[str, _Kind] = {}
        self._lock = threading.Lock()

    # Reading

    def search(
        self,
        query: npt.ArrayLike,
        *,
        kinds: Collection[str],
        k: int,
        allowed: Mapping[str, Ids] | None = None,
        exclude: Collection[tuple[str, int]] = (),
    ) -> list[Hit]:
        vector = unit_query(query, self.dims)
        if k <= 0:
            return []
        states = self._refresh()
        excluded: dict[str, list[int]] = {}
        for kind, item_id in exclude:
            excluded.setdefault(kind, []).append(item_id)
        hits: list[Hit] = []
        for kind in sorted({kinds} if isinstance(kinds, str) else set(kinds)):
            state = states.get(kind)
            if state is None or not len(state.sorted_ids):
                continue
            only = None if allowed is None or kind not in allowed else state.rows_of(allowed[kind])
            ids, scores = _kind_best(state, vector, k, only, state.rows_of(excluded.get(kind, ())))
            hits.extend((kind, int(i), float(s)) for i, s in zip(ids, scores, strict=True))
        hits.sort(key=lambda hit: (-hit[2], hit[0], hit[1]))
        return hits[:k]

    def get(self, kind: str, item_id: int) -> Vectors | None:
        state = self._refresh().get(kind)
        rows = state.rows_of([item_id]) if state else _NO_ROWS
        return np.array(state.vectors[rows[0]]) if state and len(rows) else None

    def get_many(self, kind: str, ids: Ids) -> dict[int, Vectors]:
        state = self._refresh().get(kind)  # one manifest read for all the ids
        rows = state.rows_of(ids) if state else _NO_ROWS
        if state is None or not len(rows):
            return {}
        found = np.array(state.vectors[rows])  # a copy of only those rows
        return {int(i): vector for i, vector in zip(state.ids[rows], found, strict=True)}

    def count(self, kind: str) -> int:
        state = self._refresh().get(kind)
        return len(state.sorted_ids) if state else 0

    def memory_bytes(self) -> int:
        """Bytes mapped or held for this process's view: about 1.56 kB a 384-d vector."""
        return sum(state.nbytes() for state in self._refresh().values())

    # Writing

    def upsert(
        self, kind: str, ids: Sequence[int] | npt.NDArray[np.integer[Any]], vectors: npt.ArrayLike
    ) -> None:
        new_ids, matrix = upsert_rows(kind, ids, vectors, self.dims)
        if not len(new_ids):
            return
        with storage.write_lock(self.directory):
            state = self._refresh().get(kind) or self._empty(Extent(0, 0, 0))
            self._append(kind, state, matrix, new_ids, state.rows_of(new_ids))

    def remove(self, kind: str, ids: Ids) -> None:
        check_kind(kind)
        with storage.write_lock(self.directory):
            state = self._refresh().get(kind)
            dead = np.unique(state.rows_of(ids)) if state else _NO_ROWS
            if state and len(dead):
                self._append(kind, state, np.empty((0, self.dims), np.float32), _NO_ROWS, dead)

    def compact(self, kind: str | None = None, *, min_dead_share: float = 0.0) -> None:
        """Rewrite kinds (all by default) without their dead rows, if they have enough."""
        with storage.write_lock(self.directory):
            states = self._refresh()
            for name in [kind] if kind else list(states):
                state = states.get(name)
                dead = state.extent.dead if state else 0
                if state and dead and dead >= min_dead_share * state.extent.rows:
                    self._rewrite(name, state)

    def clear(self, kind: str | None = None) -> None:
        """Forget one kind, or everything; clearing everything also frees the directory for a
        model of another size."""
        with storage.write_lock(self.directory):
            manifest = storage.read_manifest(self.directory, self.dims)
            extents = dict(manifest.kinds)
            for name in [kind] if kind else list(extents):
                if name in extents:
                    # A new epoch, not a deleted kind: were an epoch reused, a reader could
                    # take the new files for a longer version of the ones it had.
                    extents[name] = Extent(extents[name].epoch + 1, 0, 0)
            dims = self.dims if kind is None else manifest.dims
            storage.commit(self.directory, manifest, extents, dims=dims)

    # This process's view

    def _refresh(self) -> dict[str, _Kind]:
        # A compaction elsewhere may delete the files between reading the manifest and opening
        # them; the manifest read again names the new ones.
        for attempt in range(5):
            manifest = storage.read_manifest(self.directory, self.dims)
            if manifest.kinds and manifest.dims != self.dims:
                raise ValueError(
                    f"The vector index in {self.directory} holds {manifest.dims}-dimensional "
                    f"vectors, not {self.dims}; clear it before indexing with another model."
                )
            try:
                with self._lock:
                    known = self._kinds if manifest.uid == self._manifest.uid else {}
                    self._kinds = {
                        kind: self._advance(kind, known.get(kind), extent)
                        for kind, extent in manifest.kinds.items()
                    }
                    self._manifest = manifest
                    return self._kinds
            except FileNotFoundError:
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def _advance(self, kind: str, state: _Kind | None, extent: Extent) -> _Kind:
        """Extend the view of a kind to what the manifest now commits, reading only the new."""
        if state is None or state.extent.epoch != extent.epoch:
            state = self._empty(Extent(extent.epoch, 0, 0))
        if state.extent == extent:
            return state
        old = state.extent
        files = KindFiles.of(self.directory, kind, extent.epoch)
        vectors = storage.map_rows(files.vectors, np.float32, (extent.rows, self.dims))
        ids = storage.map_rows(files.ids, np.int64, (extent.rows,))
        new_dead = storage.read_rows(files.dead, old.dead, extent.dead - old.dead)
        # Rows that were live and now are dead leave the sorted ids...
        at = np.searchsorted(state.sorted_ids, ids[new_dead[new_dead < old.rows]])
        sorted_ids = np.delete(state.sorted_ids, at)
        sorted_rows = np.delete(state.sorted_rows, at)
        # ...and new rows still live join them. A writer kills an id's old row in the commit
        # that adds its new one, so each id stays once.
        fresh = np.ones(extent.rows - old.rows, dtype=bool)
        fresh[new_dead[new_dead >= old.rows] - old.rows] = False
        new_rows = np.flatnonzero(fresh).astype(np.int64) + old.rows
        new_ids = np.asarray(ids[new_rows])
        order = np.argsort(new_ids)
        at = np.searchsorted(sorted_ids, new_ids[order])
        return _Kind(
            extent=extent,
            vectors=vectors,
            ids=ids,
            dead=np.concatenate([state.dead, new_dead]),
            sorted_ids=np.insert(sorted_ids, at, new_ids[order]),
            sorted_rows=np.insert(sorted_rows, at, new_rows[order]),
        )

    def _empty(self, extent: Extent) -> _Kind:
        nothing = np.empty((0, self.dims), np.float32)
        return _Kind(extent, nothing, _NO_ROWS, _NO_ROWS, _NO_ROWS, _NO_ROWS)

    # Writing, with the lock held and the view just refreshed

    def _append(self, kind: str, state: _Kind, vectors: Vectors, ids: Rows, dead: Rows) -> None:
        old = state.extent
        files = KindFiles.of(self.directory, kind, old.epoch)
        storage.append_at(files.vectors, old.rows * self.dims * 4, vectors)
        storage.append_at(files.ids, old.rows * 8, ids)
        storage.append_at(files.dead, old.dead * 8, dead)
        extent = Extent(old.epoch, old.rows + len(ids), old.dead + len(dead))
        kinds = {**self._manifest.kinds, kind: extent}
        storage.commit(self.directory, self._manifest, kinds, dims=self.dims)
        if extent.dead > self.compact_at * extent.rows:
            self._rewrite(kind, self._refresh()[kind])

    def _rewrite(self, kind: str, state: _Kind) -> None:
        """Copy the live rows, in their order, to a new epoch's files, then switch to them."""
        epoch = state.extent.epoch + 1
        files = KindFiles.of(self.directory, kind, epoch)
        rows = np.sort(state.sorted_rows)
        pieces = [rows[start : start + _GATHER_ROWS] for start in range(0, len(rows), _GATHER_ROWS)]
        storage.write_new(files.vectors, (state.vectors[piece] for piece in pieces))
        storage.write_new(files.ids, (state.ids[piece] for piece in pieces))
        storage.write_new(files.dead, ())
        kinds = {**self._manifest.kinds, kind: Extent(epoch, len(rows), 0)}
        storage.commit(self.directory, self._manifest, kinds, dims=self.dims)
        self._refresh()


def _kind_best(
    state: _Kind, query: Vectors, k: int, only: Rows | None, excluded: Rows
) -> tuple[Rows, Vectors]:
    """The k best live rows of one kind as (ids, scores), among the `only` rows if given."""
    total = len(state.ids)
    if only is not None and len(only) < _GATHER_SHARE * total:
        rows = np.setdiff1d(only, excluded)  # sorted and unique: a repeat would repeat a hit
        scores = np.empty(len(rows), dtype=np.float32)
        for start in range(0, len(rows), _GATHER_ROWS):
            end = start + _GATHER_ROWS
            np.matmul(state.vectors[rows[start:end]], query, out=scores[start:end])
        return _best(scores, np.asarray(state.ids[rows]), k)
    scores = np.empty(total, dtype=np.float32)
    for start in range(0, total, _SCAN_ROWS):
        end = start + _SCAN_ROWS
        np.matmul(state.vectors[start:end], query, out=scores[start:end])
    if only is not None:
        keep = np.zeros(total, dtype=bool)
        keep[only] = True
        scores[~keep] = -np.inf
    scores[state.dead] = -np.inf
    scores[excluded] = -np.inf
    return _best(scores, state.ids, k)


def _best(scores: Vectors, ids: Rows, k: int) -> tuple[Rows, Vectors]:
    """The k highest finite scores and their ids, equal scores to the lower id."""
    # The k-th best of a sample is a floor for the k-th best of all, so partitioning a small
    # sample narrows the candidates before the exact sort (partitioning 1M scores costs ~15 ms).
    sample = scores[:: max(1, len(scores) // max(16_384, 4 * k))]
    floor = np.partition(sample, len(sample) - k)[len(sample) - k] if len(sample) > k else None
    if floor is None or floor == -np.inf:
        candidates = np.flatnonzero(scores > -np.inf)
    else:
        candidates = np.flatnonzero(scores >= floor)
    if len(candidates) > k:
        kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
        candidates = candidates[scores[candidates] >= kth]
    order = np.lexsort((ids[candidates], -scores[candidates]))[:k]
    chosen = candidates[order]
    return np.asarray(ids[chosen]), scores[chosen]
