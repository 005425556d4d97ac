"""Parsers' messages are marked for translation: an English template written as `_("...")`, and
the variable parts beside it, so the Django side can translate the template, then fill it in."""

import ast
import json
import re
from pathlib import Path

import pytest

from pontio.lib.formats import parse
from pontio.lib.formats.encoding import FormatError
from pontio.lib.records import ParseProblem

FIXTURES = Path(__file__).parent / "fixtures"
FORMATS_DIR = Path(__file__).parent.parent / "formats"


def _problems() -> list[ParseProblem]:
    bad_files: list[tuple[str, str]] = [
        ("bibtex", (FIXTURES / "zotero.bib").read_text(encoding="utf-8")),
        ("bibtex", "@article{a, title = {T}, journal = jchildcare}\n@article{b, title {Bad}}"),
        ("ris", "TY  - JOUR\nAU  - Smith, J\nER  - \nthis line is garbage\n"),
        ("nbib", "PMID- 1\nTI  - T\nXX\n"),
        ("csl-json", json.dumps([{"title": "T"}, {"type": "book"}])),
        ("openalex", json.dumps([{"title": "T"}, {"id": "W1"}, "not a work"])),
    ]
    return [problem for fmt, text in bad_files for problem in parse(fmt, text).problems]


def test_a_problems_template_holds_no_values_and_is_filled_in_with_its_params() -> None:
    problems = _problems()
    assert sum(1 for problem in problems if problem.params) >= 6
    for problem in problems:
        assert set(re.findall(r"%\((\w+)\)s", problem.template)) == set(problem.params)
        for value in problem.params.values():
            assert str(value) not in problem.template
        if problem.params:
            assert problem.message == problem.template % problem.params


def test_a_problem_keeps_its_english_template_and_params() -> None:
    [problem] = parse("bibtex", "@article{nottitle, year = 2020}").problems
    assert problem.template == 'The entry "%(key)s" has no title, so it was skipped.'
    assert problem.params == {"key": "nottitle"}
    assert problem.message == 'The entry "nottitle" has no title, so it was skipped.'
    in_list = parse("openalex", json.dumps([{"title": "T"}, {"id": "W1"}])).problems[0]
    assert in_list.params == {"position": 2}
    assert "%(position)s" in in_list.template


def test_a_problem_without_params_is_its_own_message() -> None:
    problem = ParseProblem(3, "This row has no title, so it was skipped.")
    assert problem.params == {}
    assert problem.message == problem.template
    assert ParseProblem(1, "100% sure").message == "100% sure"
    assert len({problem, ParseProblem(3, problem.template)}) == 1  # still hashable


def test_a_format_error_keeps_its_template_and_params() -> None:
    with pytest.raises(FormatError) as caught:
        parse("csl-json", '[\n{"title": }]')
    error = caught.value
    assert error.template == "This is not a valid CSL-JSON file: the JSON breaks on line %(line)s."
    assert error.params == {"line": 2}
    assert str(error) == error.message == error.template % error.params
    plain = FormatError("The file is empty.")
    assert (plain.template, plain.params, str(plain)) == ("The file is empty.", {}, plain.template)


def test_every_message_in_the_parsers_is_a_plain_string_marked_for_extraction() -> None:
    """xgettext only extracts `_("literal")`: never an f-string, a join or a variable inside."""
    for path in FORMATS_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "_":
                assert len(node.args) == 1, path.name
                assert isinstance(node.args[0], ast.Constant), f"{path.name}:{node.lineno}"
                assert isinstance(node.args[0].value, str), f"{path.name}:{node.lineno}"
            elif node.func.id in ("ParseProblem", "FormatError", "_EntryError"):
                for arg in node.args:
                    assert not isinstance(arg, ast.JoinedStr), f"{path.name}:{node.lineno}"
                    if isinstance(arg, ast.Constant):
                        assert not isinstance(arg.value, str), f"{path.name}:{node.lineno}"
