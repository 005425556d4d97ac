"""How well a person's expertise fits a text (a question, a brief, a paper to review): the mean
of the k best cosine similarities between the text and the person's publications, with their
stated expertise counted as one more publication (ADR 0018). Pure Python + numpy."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

type Vectors = NDArray[np.float32]
# Texts in, one row per text out; rows are normalised here, so any scale will do.
type Embed = Callable[[Sequence[str]], Vectors]

TOP_K = 3
# The index `reasons` gives the stated expertise, which is not one of the person's papers.
EXPERTISE = -1


@dataclass(frozen=True)
class Paper:
    title: str
    abstract: str = ""


def paper_text(paper: Paper) -> str:
    """The text embedded for a paper: its title, a full stop and its abstract, as search embeds
    records (ADR 0013); either part may be empty."""
    title, abstract = paper.title.strip(), paper.abstract.strip()
    if title and abstract:
        return f"{title} {abstract}" if title[-1] in ".?!" else f"{title}. {abstract}"
    return title or abstract


class Reason(NamedTuple):
    """One of the texts that made a person fit: the paper's index (or EXPERTISE) and how close
    it is to the target, from -1 to 1."""

    paper: int
    similarity: float


@dataclass(frozen=True)
class PeopleVectors:
    """Every person's texts embedded once, end to end: person i owns rows
    starts[i]:starts[i + 1] of `vectors` (none for a person with nothing to go on)."""

    vectors: Vectors
    starts: NDArray[np.intp]

    def __len__(self) -> int:
        return len(self.starts) - 1


def _default_embed(texts: Sequence[str]) -> Vectors:
    from pontio.lib.embedding import embedder

    return embedder().embed(texts)


def _normalised(vectors: Vectors) -> Vectors:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32, copy=False)


def score_vectors(
    people: PeopleVectors, targets: Vectors, *, k: int = TOP_K
) -> NDArray[np.float32]:
    """[targets × people]: for each pair, the mean of the person's k best similarities (all of
    them if they have fewer than k); 0 for a person with nothing to go on. For vectors made
    elsewhere (Pontio reads them from its search index); MatchScorer embeds, then calls this."""
    scores = np.zeros((len(targets), len(people)), np.float32)
    if len(targets) == 0 or len(people.vectors) == 0:
        return scores
    similarities = targets @ people.vectors.T
    for person in range(len(people)):
        start, end = int(people.starts[person]), int(people.starts[person + 1])
        if end == start:
            continue
        own = similarities[:, start:end]
        if end - start > k:
            # The k largest of each row, unordered: enough for a mean, and linear time.
            own = np.partition(own, end - start - k, axis=1)[:, -k:]
        scores[:, person] = own.mean(axis=1)
    return scores


class MatchScorer:
    """Scores people against targets. `embed` defaults to the project's all-MiniLM-L6-v2
    (loaded on first use); tests hand in a small fake one."""

    def __init__(self, embed: Embed | None = None, *, k: int = TOP_K) -> None:
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self._embed = embed or _default_embed

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One unit row per text. Repeated texts (a paper two co-authors both list) are
        embedded once."""
        if not texts:
            return np.zeros((0, 0), np.float32)
        unique = list(dict.fromkeys(texts))
        rows = {text: row for row, text in enumerate(unique)}
        vectors = _normalised(self._embed(unique))
        return vectors[[rows[text] for text in texts]]

    def embed_people(
        self,
        people: Sequence[Sequence[str]],
        *,
        expertise: Sequence[str | None] | None = None,
    ) -> PeopleVectors:
        """Every paper text embedded once, in one batched call. A person's stated expertise
        (`expertise[i]`, if not blank) is embedded as one more of their texts."""
        if expertise is not None and len(expertise) != len(people):
            raise ValueError("expertise needs one entry (or None) per person")
        texts: list[str] = []
        starts = [0]
        for i, papers in enumerate(people):
            texts.extend(text for text in papers if text.strip())
            stated = expertise[i] if expertise is not None else None
            if stated and stated.strip():
                texts.append(stated)
            starts.append(len(texts))
        return PeopleVectors(self.embed(texts), np.array(starts, np.intp))

    def score_vectors(self, people: PeopleVectors, targets: Vectors) -> NDArray[np.float32]:
        return score_vectors(people, targets, k=self.k)

    def score_matrix(
        self,
        people: Sequence[Sequence[str]],
        targets: Sequence[str],
        *,
        expertise: Sequence[str | None] | None = None,
    ) -> NDArray[np.float32]:
        """[targets × people] scores; people are lists of paper texts (see `paper_text`)."""
        return self.score_vectors(
            self.embed_people(people, expertise=expertise), self.embed(targets)
        )

    def reasons(
        self,
        person_papers: Sequence[str],
        target: str,
        top: int = TOP_K,
        *,
        expertise: str | None = None,
    ) -> list[Reason]:
        """The person's texts closest to the target, best first, to show why they were
        suggested: indexes into `person_papers`, or EXPERTISE for their stated expertise."""
        indexes = [i for i, text in enumerate(person_papers) if text.strip()]
        texts = [person_papers[i] for i in indexes]
        if expertise and expertise.strip():
            indexes.append(EXPERTISE)
            texts.append(expertise)
        if not texts or top < 1:
            return []
        vectors = self.embed([*texts, target])
        similarities = vectors[:-1] @ vectors[-1]
        order = np.argsort(-similarities, kind="stable")[:top]
        return [Reason(indexes[i], float(similarities[i])) for i in order]
