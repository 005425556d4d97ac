"""The files behind the exact vector index. Each kind has, per epoch, an append-only float32
matrix, the id of each row and a list of dead rows; one small manifest says how many of each
are committed. Bytes past those counts belong to a write that never committed and are ignored.

A write appends and fsyncs, then replaces the manifest atomically, so a crash at any point
leaves the previous state readable. Compaction and clearing start a new epoch (new files)."""

import fcntl
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MANIFEST = "manifest.json"
_SUFFIXES = (".f32", ".ids", ".dead")


@dataclass(frozen=True)
class Extent:
    """What the manifest commits of one kind."""

    epoch: int
    rows: int  # rows in the matrix and ids files, dead ones included
    dead: int  # entries in the dead-rows file


@dataclass(frozen=True)
class Manifest:
    uid: str  # new with each new directory, so a reader never takes it for the one it knew
    dims: int
    generation: int  # counts commits; for people reading the file, readers compare extents
    kinds: dict[str, Extent]


@dataclass(frozen=True)
class KindFiles:
    vectors: Path
    ids: Path
    dead: Path

    @classmethod
    def of(cls, directory: Path, kind: str, epoch: int) -> "KindFiles":
        stem = f"{kind}.{epoch}"
        return cls(directory / f"{stem}.f32", directory / f"{stem}.ids", directory / f"{stem}.dead")


def read_manifest(directory: Path, dims: int) -> Manifest:
    """The committed state; an empty index of `dims` when nothing was ever written."""
    try:
        raw = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Manifest(uid="", dims=dims, generation=0, kinds={})
    if raw.get("format") != 1:
        raise ValueError(f"{directory} holds a vector index in an unknown format.")
    kinds = {kind: Extent(*extent) for kind, extent in raw["kinds"].items()}
    return Manifest(raw["uid"], raw["dims"], raw["generation"], kinds)


def commit(directory: Path, base: Manifest, kinds: dict[str, Extent], *, dims: int) -> None:
    """Atomically replace the manifest, then delete the files it no longer names."""
    manifest = {
        "format": 1,
        "uid": base.uid or uuid.uuid4().hex,
        "dims": dims,
        "generation": base.generation + 1,
        "kinds": {kind: [e.epoch, e.rows, e.dead] for kind, e in kinds.items()},
    }
    staged = directory / f"{MANIFEST}.new"
    with open(staged, "w", encoding="utf-8") as file:
        json.dump(manifest, file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(staged, directory / MANIFEST)
    # The rename, and the names of files created for it, last only once the directory does.
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    named = set()
    for kind, extent in kinds.items():
        files = KindFiles.of(directory, kind, extent.epoch)
        named |= {files.vectors.name, files.ids.name, files.dead.name}
    for path in directory.iterdir():
        if path.suffix in _SUFFIXES and path.name not in named:
            # A reader that mapped one keeps it until it lets go (POSIX unlink semantics).
            path.unlink(missing_ok=True)


@contextmanager
def write_lock(directory: Path) -> Iterator[None]:
    """Held by one writer at a time, across processes; readers never wait for it."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def append_at(path: Path, size: int, array: npt.NDArray[Any]) -> None:
    """Append after the first `size` bytes, cutting off what a crashed write left past them."""
    with open(path, "ab") as file:
        if os.fstat(file.fileno()).st_size < size:
            raise RuntimeError(f"{path} is shorter than its manifest says; rebuild the index.")
        file.truncate(size)
        file.write(np.ascontiguousarray(array).data)
        file.flush()
        os.fsync(file.fileno())


def write_new(path: Path, pieces: Iterable[npt.NDArray[Any]]) -> None:
    with open(path, "wb") as file:
        for piece in pieces:
            file.write(np.ascontiguousarray(piece).data)
        file.flush()
        os.fsync(file.fileno())


def map_rows(path: Path, dtype: type[np.generic], shape: tuple[int, ...]) -> Any:
    """A read-only map of the committed rows of a file (mmap cannot map nothing)."""
    if not shape[0]:
        return np.empty(shape, dtype=dtype)
    return np.memmap(path, dtype=dtype, mode="r", shape=shape)


def read_rows(path: Path, start: int, count: int) -> npt.NDArray[np.int64]:
    if not count:
        return np.empty(0, dtype=np.int64)
    return np.fromfile(path, dtype=np.int64, count=count, offset=start * 8)
