"""The matching benchmark's own logic: the held-out set leaks nothing, and the ranks it
reports are right for scores worked out by hand."""

import numpy as np

from pontio.people.bench import Work, evaluate, matching_set


def work(id: str, date: str, *authors: str) -> Work:
    return Work(id=id, date=date, text=f"text {id}", authors=authors, concepts=frozenset())


def test_the_newest_work_is_held_out_from_everyone() -> None:
    works = [
        work("W1", "2020-01-01", "A", "B"),
        work("W2", "2021-01-01", "A"),
        work("W3", "2022-01-01", "A", "B"),  # A's and B's newest: a shared target
        work("W4", "2019-01-01", "B"),
        work("W5", "2018-01-01", "C"),
    ]
    data = matching_set(works, min_works=3)
    assert data.authors == ["A", "B"]
    assert [t.id for t in data.targets] == ["W3"] and data.relevant == [{"A", "B"}]
    for papers in data.papers.values():
        assert "W3" not in [w.id for w in papers]


def test_ranks_count_ties_against_the_author() -> None:
    authors = ["A", "B", "C"]
    scores = np.array([[0.9, 0.5, 0.5], [0.2, 0.8, 0.8]], np.float32)
    figures = evaluate(scores, authors, [{"A"}, {"B"}])
    # A is first for target 1; B ties with C for target 2, so counts second.
    assert figures["any_author"]["mrr"] == round((1 + 1 / 2) / 2, 4)
    assert figures["any_author"]["recall_at_1"] == 0.5
