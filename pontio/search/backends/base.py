"""The keyword index every backend implements: plain documents in, ranked ids out. Documents
are grouped by kind ("record", "brief" ...); ranking statistics are kept per kind."""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from pontio.lib.query import Query

# "all": every term and phrase must appear (a search box). "any": at least one must, and those
# with more, rarer ones rank higher (finding items like a long piece of text).
Match = Literal["all", "any"]

_KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """One item to index, in plain text. `id` is the owner's primary key."""

    id: int
    title: str = ""
    abstract: str = ""
    authors: str = ""
    keywords: str = ""
    container: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: the item's id and a score (higher is better; comparable only within a search)."""

    id: int
    score: float


class KeywordIndex(Protocol):
    def index(self, kind: str, docs: Iterable[IndexDoc]) -> int:
        """Add or replace documents; returns how many were written."""

    def remove(self, kind: str, ids: Iterable[int]) -> None: ...

    def search(
        self,
        kind: str,
        query: Query,
        *,
        limit: int | None = None,
        within: Collection[int] | None = None,
        match: Match = "all",
    ) -> list[Hit]:
        """Best first. limit=None gives every match; within= keeps only those ids."""

    def count(self, kind: str) -> int: ...

    def clear(self, kind: str) -> None: ...

    def optimize(self, kind: str) -> None:
        """Compact the kind's index after many writes (a large import), for faster searches."""


def check_kind(kind: str) -> str:
    """Kinds name tables, so they are identifiers chosen in code, never user input."""
    if not _KIND.match(kind):
        raise ValueError(f"A search kind is lower-case letters, digits and _, not {kind!r}.")
    return kind


def unique_docs(docs: Iterable[IndexDoc]) -> list[IndexDoc]:
    """The last version of each document: an upsert may not touch one row twice."""
    return list({doc.id: doc for doc in docs}.values())
