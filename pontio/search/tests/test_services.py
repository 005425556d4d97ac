from typing import Any

import pytest
from django.db import transaction

from pontio.search.services import (
    IndexDoc,
    keyword_clear,
    keyword_count,
    keyword_index_documents,
    keyword_remove,
    keyword_search,
)

KIND = "test"
WELSH = "Gwasanaethau cymdeithasol i blant yng Nghymru: ŵyr a wyres"


def ids(text: str, **kwargs: Any) -> list[int]:
    return [hit.id for hit in keyword_search(KIND, text, **kwargs)]


@pytest.fixture
def library(db: Any) -> None:
    keyword_index_documents(
        KIND,
        [
            IndexDoc(id=1, title="Kinship care for grandparents", abstract="Support in Wales."),
            IndexDoc(id=2, title="Foster care outcomes", abstract="Children leaving care."),
            IndexDoc(id=3, title="Adult social services", abstract="Care homes for adults."),
            IndexDoc(id=4, title=WELSH, abstract="Astudiaeth o deuluoedd."),
            IndexDoc(
                id=5,
                title="Caring roles",
                abstract="Young carers and social care.",
                authors="Siân Ellis-Jones",
                keywords="young carers",
                container="Journal of Social Work",
            ),
        ],
    )


def test_it_finds_indexed_documents(library: None) -> None:
    assert ids("foster") == [2]
    assert set(ids("care")) == {1, 2, 3, 5}


def test_it_returns_ids_and_scores_best_first(library: None) -> None:
    hits = keyword_search(KIND, "care", match="any")
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert all(isinstance(hit.id, int) and isinstance(hit.score, float) for hit in hits)


def test_it_stems_words(library: None) -> None:
    assert ids("service") == [3]
    assert 5 in ids("carer")


def test_it_requires_every_word_unless_asked_for_any(library: None) -> None:
    assert ids("foster grandparents") == []
    assert set(ids("foster grandparents", match="any")) == {1, 2}
    # More of the words rank higher.
    assert ids("kinship care grandparents", match="any")[0] == 1


def test_it_searches_authors_keywords_and_journals(library: None) -> None:
    assert ids("sian ellis") == [5]
    assert ids("journal") == [5]


def test_it_matches_phrases_in_order(library: None) -> None:
    assert ids('"foster care"') == [2]
    assert ids('"care foster"') == []
    assert ids('"social care"') == [5]


def test_it_leaves_out_exclusions(library: None) -> None:
    assert set(ids("care -adults")) == {1, 2, 5}
    assert set(ids('care -"kinship care" -young')) == {2, 3}
    assert set(ids("care -foster", match="any")) == {1, 3, 5}


def test_it_finds_welsh_words_without_their_accents(library: None) -> None:
    assert ids("wyr") == [4]
    assert ids("ŵyr") == [4]
    assert ids("WYRES nghymru") == [4]
    assert ids("sian") == [5]


def test_it_restricts_to_the_ids_given(library: None) -> None:
    assert set(ids("care", within={2, 3, 4, 99})) == {2, 3}
    assert ids("care", within=[]) == []


def test_it_returns_every_match_or_the_best_few(db: Any) -> None:
    keyword_index_documents(KIND, (IndexDoc(id=i, title=f"Report {i}") for i in range(1, 251)))
    assert len(ids("report")) == 250
    assert len(ids("report", limit=10)) == 10
    assert ids("report", limit=0) == []
    assert ids("report", limit=-1) == []


def test_it_ranks_a_title_match_above_an_abstract_only_match(db: Any) -> None:
    keyword_index_documents(
        KIND,
        [
            IndexDoc(id=1, title="Outcomes for children", abstract="We studied adoption."),
            IndexDoc(id=2, title="Outcomes for children", abstract="We studied something."),
            IndexDoc(id=3, title="Adoption outcomes", abstract="We studied children."),
        ],
    )
    assert ids("adoption")[0] == 3


def test_it_replaces_a_document_indexed_again(library: None) -> None:
    keyword_index_documents(KIND, [IndexDoc(id=2, title="Residential homes")])
    assert ids("foster") == []
    assert ids("residential") == [2]
    assert keyword_count(KIND) == 5


def test_it_keeps_the_last_of_a_repeated_document(db: Any) -> None:
    keyword_index_documents(KIND, [IndexDoc(id=1, title="first"), IndexDoc(id=1, title="second")])
    assert ids("second") == [1]
    assert ids("first") == []


def test_it_removes_documents(library: None) -> None:
    keyword_remove(KIND, [2, 3, 404])
    assert set(ids("care")) == {1, 5}
    assert keyword_count(KIND) == 3


def test_it_counts_and_clears_one_kind(library: None) -> None:
    keyword_index_documents("other", [IndexDoc(id=1, title="Kinship care")])
    assert keyword_count(KIND) == 5
    keyword_clear(KIND)
    assert keyword_count(KIND) == 0
    assert ids("care") == []
    assert [hit.id for hit in keyword_search("other", "care")] == [1]


def test_it_finds_nothing_in_a_kind_never_indexed(db: Any) -> None:
    assert keyword_search("never", "care") == []
    assert keyword_count("never") == 0
    keyword_remove("never", [1])
    keyword_clear("never")


def test_it_writes_inside_the_callers_transaction(library: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        keyword_index_documents(KIND, [IndexDoc(id=9, title="Respite breaks")])
        keyword_remove(KIND, [2])
        assert ids("respite") == [9]
        raise RuntimeError("the caller's save failed")
    assert ids("respite") == []
    assert ids("foster") == [2]


def test_it_refuses_a_kind_that_is_not_a_plain_name(db: Any) -> None:
    for kind in ["Record", "record; DROP TABLE x", "", "1record"]:
        with pytest.raises(ValueError):
            keyword_index_documents(kind, [IndexDoc(id=1, title="x")])


def test_it_indexes_text_with_nul_characters_and_markup(db: Any) -> None:
    keyword_index_documents(KIND, [IndexDoc(id=1, title="Null\x00byte <b>bold</b> title")])
    assert ids("bold title") == [1]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "*",
        "NEAR(",
        "AND OR",
        "NOT",
        ":",
        "'",
        "-",
        "^",
        "()",
        "{care}",
        "care AND",
        "care:*",
        "x" * 5000,
        "care " * 1000,
        "👶🏽🏴󠁧󠁢󠁷󠁬󠁳󠁿",
        "\x00",
        "' OR 1=1 --",
        "!!care & | <-> :A",
    ],
)
def test_it_never_fails_on_hostile_input(library: None, text: str) -> None:
    for match in ("all", "any"):
        assert isinstance(keyword_search(KIND, text, match=match), list)


@pytest.mark.parametrize(
    "text",
    ["foster*", '"foster', "(foster", "foster:", ":foster", "foster's", "👶 foster", "FOSTER!"],
)
def test_it_reads_stray_punctuation_around_words_as_the_words(library: None, text: str) -> None:
    assert ids(text) == [2]


def test_it_finds_nothing_for_punctuation_or_exclusions_alone(library: None) -> None:
    assert ids("*") == []
    assert ids("-adults") == []
    assert ids("🙂") == []


def test_it_optimizes_without_changing_results(db: Any) -> None:
    from pontio.search.services import keyword_optimize

    keyword_index_documents(
        "optimise",
        [IndexDoc(id=1, title="Kinship care in Wales"), IndexDoc(id=2, title="Residential care")],
    )
    keyword_index_documents("optimise", [IndexDoc(id=3, title="Kinship carers' wellbeing")])
    before = [hit.id for hit in keyword_search("optimise", "kinship")]
    keyword_optimize("optimise")
    keyword_optimize("never_indexed")  # nothing to do, no error
    assert sorted(before) == [1, 3]
    assert [hit.id for hit in keyword_search("optimise", "kinship")] == before


def test_it_keeps_word_frequencies_in_step_with_the_index(db: Any) -> None:
    """PostgreSQL ranks by how many items hold each word, kept as items are indexed: after
    adding, replacing and removing they must equal a count made from scratch."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("word frequencies are kept only on PostgreSQL")
    from pontio.search.models import KeywordTerm

    keyword_index_documents(KIND, [IndexDoc(id=i, title=f"foster care {i}") for i in range(5)])
    keyword_index_documents(KIND, [IndexDoc(id=2, title="kinship care"), IndexDoc(id=9, title="")])
    keyword_remove(KIND, [3, 77])
    keyword_index_documents("other", [IndexDoc(id=1, title="foster")])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.kind, w.lexeme, count(*) FROM search_keywordentry e, "
            "unnest(array_append(tsvector_to_array(e.document), '')) AS w(lexeme) "
            "GROUP BY 1, 2"
        )
        recounted = {(k, w): n for k, w, n in cursor.fetchall()}
    kept = {(t.kind, t.lexeme): t.documents for t in KeywordTerm.objects.all() if t.documents}
    assert kept == recounted
    assert kept[(KIND, "")] == 5 and kept[(KIND, "foster")] == 3
    assert [hit.id for hit in keyword_search(KIND, "kinship care")] == [2]
    keyword_clear(KIND)
    assert not KeywordTerm.objects.filter(kind=KIND).exists()


def test_it_ranks_only_candidates_when_a_query_matches_very_many(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a query likely to match more than a few thousand items ranks candidates
    (rare-word holders, title matches), then fills up: here the threshold is lowered to 1."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("candidate ranking is PostgreSQL's")
    from pontio.search.backends import postgres

    monkeypatch.setattr(postgres, "RANK_EVERY_MATCH_UP_TO", 1)
    monkeypatch.setattr(postgres, "HEADING_CANDIDATES", 1)
    keyword_index_documents(
        KIND,
        [
            IndexDoc(id=1, title="Outcomes", abstract="Foster care and foster families."),
            IndexDoc(id=2, title="Foster care placements", abstract="Stability."),
            IndexDoc(id=3, title="Foster carers", abstract="Training for care staff."),
            IndexDoc(id=4, title="Foster care during covid", abstract="Lockdown."),
            IndexDoc(id=5, title="Kinship", abstract="Grandparents give care."),
            IndexDoc(id=6, title="Respite", abstract="Short breaks; zygote."),
        ],
    )
    assert ids("foster care", limit=1) == [2]
    assert sorted(ids("foster care", limit=10)) == [1, 2, 3, 4]
    assert 4 not in ids("foster care -covid", limit=10)
    assert sorted(ids("foster care", limit=10, within=[1, 3, 5])) == [1, 3]
    assert sorted(ids("zygote kinship foster", limit=10, match="any")) == [1, 2, 3, 4, 5, 6]
    assert set(ids("zygote kinship", limit=2, match="any")) == {5, 6}


def test_it_leaves_common_words_out_of_a_long_ranked_or(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite, ranked OR over words with too many postings keeps the rarest words only
    (the budget is lowered here), and ranks every match when they find too few."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the postings budget is SQLite's")
    from pontio.search.backends import sqlite

    monkeypatch.setattr(sqlite, "ANY_POSTINGS_BUDGET", 3)
    docs = [IndexDoc(id=i, title=f"Children's services study {i}") for i in range(1, 6)]
    docs.append(IndexDoc(id=9, title="Kinship carers in a study of children"))
    keyword_index_documents(KIND, docs)
    # "kinship" (1 item) is kept, "children" and "study" (6 each) are left out.
    assert ids("kinship children study", match="any", limit=1) == [9]
    # One result asked for more than the rare word gives: every match is ranked.
    assert sorted(ids("kinship children study", match="any", limit=6)) == [1, 2, 3, 4, 5, 9]
