import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from pontio.lib.embedding import model_available

PEOPLE = [
    {
        "id": "carer",
        "papers": [
            {"title": "Kinship care", "abstract": "Grandparents raising grandchildren."},
            {"title": "Foster care placements", "abstract": "Why placements break down."},
        ],
    },
    {
        "id": 7,
        "papers": [{"title": "Dwarf galaxies", "abstract": "Rotation curves and dark matter."}],
    },
    {"id": "newcomer", "papers": [], "expertise": "Adoption support and contact after adoption"},
]
TARGETS = [
    {"id": "t1", "title": "Support for kinship carers", "abstract": "A survey of grandparents."},
    {"id": "t2", "title": "Galaxy rotation", "abstract": None},
    {"id": "t3", "title": "Contact between adopted children and birth families"},
]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def score(tmp_path: Path, people: list[Any], targets: list[Any]) -> tuple[Path, str]:
    out = tmp_path / "scores.tsv"
    output = StringIO()
    call_command(
        "match",
        "score",
        "--people",
        str(write_jsonl(tmp_path / "people.jsonl", people)),
        "--targets",
        str(write_jsonl(tmp_path / "targets.jsonl", targets)),
        "--out",
        str(out),
        stdout=output,
    )
    return out, output.getvalue()


@pytest.mark.skipif(not model_available(), reason="the model package is not installed")
def test_it_writes_a_score_for_every_pair(tmp_path: Path) -> None:
    out, output = score(tmp_path, PEOPLE, TARGETS)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(target, person) for target, person, _ in rows] == [
        (target, person) for target in ("t1", "t2", "t3") for person in ("carer", "7", "newcomer")
    ]
    assert all(len(value.split(".")[1]) == 6 for _, _, value in rows)
    scores = {(target, person): float(value) for target, person, value in rows}
    assert scores["t1", "carer"] > scores["t1", "7"]
    assert scores["t2", "7"] > scores["t2", "carer"]
    assert scores["t3", "newcomer"] > scores["t3", "7"]
    assert "3 targets against 3 people" in output and "9 lines" in output


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ([PEOPLE[0], "not an object"], "people.jsonl line 2: expected a JSON object"),
        ([PEOPLE[0], {"papers": []}], 'people.jsonl line 2: "id" is missing'),
        ([{"id": "a", "papers": {}}], 'people.jsonl line 1: "papers" is not a list'),
        (
            [PEOPLE[1], {"id": "b", "papers": [{"title": 3}]}],
            'people.jsonl line 2: paper 1 "title" is not a string',
        ),
        (
            [{"id": "b", "papers": [{"title": "", "abstract": ""}]}],
            'people.jsonl line 1: paper 1 has neither "title" nor "abstract"',
        ),
        ([PEOPLE[0], PEOPLE[0]], "line 2: person id 'carer' is already on line 1"),
        ([{"id": "a\tb", "papers": []}], 'line 1: "id" contains a tab'),
    ],
)
def test_it_refuses_a_bad_person_line_and_writes_nothing(
    tmp_path: Path, people: list[Any], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        score(tmp_path, people, TARGETS)
    assert not (tmp_path / "scores.tsv").exists()


def test_it_refuses_a_line_that_is_not_json(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "people.jsonl", PEOPLE)
    (tmp_path / "targets.jsonl").write_text('{"id": "t1", "title": "x"}\n\n{"id": "t2",\n')
    with pytest.raises(CommandError, match=r"targets\.jsonl line 3: not JSON"):
        call_command(
            "match",
            "score",
            "--people",
            str(tmp_path / "people.jsonl"),
            "--targets",
            str(tmp_path / "targets.jsonl"),
            "--out",
            str(tmp_path / "scores.tsv"),
        )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["people.jsonl", "targets.jsonl"]


def test_it_refuses_a_target_without_text(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r'targets\.jsonl line 2: target has neither "title"'):
        score(tmp_path, PEOPLE, [TARGETS[0], {"id": "t9"}])
    assert not (tmp_path / "scores.tsv").exists()
