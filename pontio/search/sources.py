"""Where the search app reads the current text of each kind of item, so that background jobs
(embedding) and rebuilds work from what the owner app holds now, not from a copy made when
the job was queued. Each owner app registers its kinds when Django starts."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pontio.search.backends import IndexDoc


@dataclass(frozen=True)
class Source:
    # The current documents of those ids; an id left out no longer exists (deleted, merged).
    documents: Callable[[Sequence[int]], list[IndexDoc]]
    # Every id of the kind, for rebuilding an index.
    all_ids: Callable[[], Iterable[int]]


_SOURCES: dict[str, Source] = {}


def register_source(kind: str, source: Source) -> None:
    _SOURCES[kind] = source


def source_for(kind: str) -> Source:
    try:
        return _SOURCES[kind]
    except KeyError:
        raise LookupError(f"No app has registered search kind {kind!r}.") from None


def registered_kinds() -> list[str]:
    return sorted(_SOURCES)
