"""Search by meaning and its fusion with keyword search, through the search app's services,
with the real model (pontio.lib.embedding) and a vector index in the test's own directory."""

from typing import Any

import pytest

from pontio.search.hybrid import fuse
from pontio.search.semantic import semantic_refresh
from pontio.search.services import (
    Hit,
    IndexDoc,
    Source,
    hybrid_search,
    keyword_index_documents,
    register_source,
    semantic_count,
    semantic_has,
    semantic_queue,
    similar_text,
    similar_to,
)

KIND = "semtest"
DOCS = {
    1: IndexDoc(id=1, title="Educational outcomes of looked-after children"),
    2: IndexDoc(id=2, title="Knife crime and county lines exploitation of adolescents"),
    3: IndexDoc(id=3, title="Kinship care by grandparents", abstract="Support for families."),
    4: IndexDoc(id=4, title="Adult social care workforce retention"),
}


@pytest.fixture
def library(db: Any, django_capture_on_commit_callbacks: Any) -> dict[int, IndexDoc]:
    docs = dict(DOCS)
    register_source(
        KIND,
        Source(
            documents=lambda ids: [docs[i] for i in ids if i in docs],
            all_ids=lambda: sorted(docs),
        ),
    )
    keyword_index_documents(KIND, docs.values())
    with django_capture_on_commit_callbacks(execute=True):
        semantic_queue(KIND, docs)
    return docs


def ids(found: list[Any]) -> list[int]:
    return [f.id for f in found]


def test_it_finds_by_meaning_what_shares_no_word(library: Any) -> None:
    found = hybrid_search(KIND, "kids in care doing badly at school", limit=10)
    why = {f.id: f for f in found}
    assert why[1].by_meaning and not why[1].by_keyword
    assert 2 not in why  # knife crime: neither the words nor the meaning


def test_it_says_why_each_was_found(library: Any) -> None:
    found = {f.id: f for f in hybrid_search(KIND, "kinship care grandparents", limit=10)}
    assert found[3].by_keyword and found[3].by_meaning
    assert ids(hybrid_search(KIND, "kinship care grandparents", limit=10))[0] == 3


def test_it_keeps_exact_words_when_asked(library: Any) -> None:
    assert ids(hybrid_search(KIND, '"looked-after children"', limit=10)) == [1]
    found = hybrid_search(KIND, "care -kinship", limit=10)
    assert 3 not in ids(found) and all(f.by_keyword and not f.by_meaning for f in found)


def test_it_ranks_a_welsh_query_by_its_words(library: Any) -> None:
    assert hybrid_search(KIND, "plant mewn gofal", limit=10) == []


def test_it_keeps_to_the_ids_given(library: Any) -> None:
    found = hybrid_search(KIND, "kids in care doing badly at school", limit=10, within=[2, 4])
    assert set(ids(found)) <= {2, 4}


def test_it_finds_similar_items_and_texts(library: Any) -> None:
    alike = similar_to(KIND, 1, kinds=[KIND], limit=3)
    assert 1 not in [item_id for _, item_id, _ in alike] and len(alike) == 3
    best = similar_text("grandmothers raising their grandchildren", kinds=[KIND], limit=1)
    assert best[0][:2] == (KIND, 3)
    assert similar_to(KIND, 99, kinds=[KIND], limit=3) == []


def test_it_forgets_items_their_owner_no_longer_has(library: Any) -> None:
    del library[2]
    assert semantic_has(KIND, 2)
    semantic_refresh(KIND, [2])
    assert not semantic_has(KIND, 2) and semantic_count(KIND) == 3


def test_it_embeds_only_after_the_transaction_commits(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    register_source(KIND, Source(documents=lambda ids: [DOCS[i] for i in ids], all_ids=list))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        semantic_queue(KIND, [1, 2])
    assert not semantic_has(KIND, 1)
    for callback in callbacks:
        callback()
    assert semantic_has(KIND, 1) and semantic_has(KIND, 2)


def test_it_fuses_keyword_scores_and_cosines() -> None:
    keyword = [Hit(10, 8.0), Hit(20, 4.0), Hit(30, 2.0)]
    fused = fuse(keyword=keyword, meaning=[(30, 0.9), (40, 0.5), (50, 0.1)], keyword_weight=0.4)
    # 30: 0.4 x 2/8 + 0.6 x 0.9 = 0.64; 10: 0.4; 40: 0.3; 20: 0.2; 50 is under the floor.
    assert [f.id for f in fused] == [30, 10, 40, 20]
    assert fused[0].by_keyword and fused[0].by_meaning
    assert fused[2].by_meaning and not fused[2].by_keyword
    assert fuse(keyword=[], meaning=[]) == []


def test_it_gives_stored_vectors_and_embeds_only_the_missing(library: Any) -> None:
    import numpy as np

    from pontio.search.services import semantic_query_vector, semantic_vectors

    stored, fresh, empty = semantic_vectors(
        KIND, [(1, "ignored: the stored vector wins"), (99, "Kinship care"), (98, " ")]
    )
    assert empty is None and stored is not None and fresh is not None
    query = semantic_query_vector("Educational outcomes of looked-after children")
    assert float(np.dot(stored, query)) > 0.95  # the stored vector of item 1, not the text given
    assert float(np.dot(fresh, semantic_query_vector("Kinship care"))) > 0.99
    assert semantic_query_vector("  ") is None
