from pontio.lib.normalise import fold
from pontio.lib.query import MAX_TERMS, Query, fold_fast, parse_query


def test_it_splits_terms_phrases_and_exclusions() -> None:
    query = parse_query('children "social care" -adults -"young people"')
    assert query == Query(
        terms=("children",),
        phrases=(("social", "care"),),
        excluded=(("adults",), ("young", "people")),
    )


def test_it_folds_case_and_welsh_letters() -> None:
    assert parse_query("Ŵyr a WYRES Gofal").terms == ("wyr", "wyres", "gofal")


def test_it_drops_possessives_and_stop_words() -> None:
    assert parse_query("the children's services in Wales").terms == (
        "children",
        "services",
        "wales",
    )


def test_it_keeps_stop_words_when_there_is_nothing_else() -> None:
    assert parse_query("to be or not to be").terms == ("to", "be", "or", "not")
    assert parse_query('"in care"').phrases == (("in", "care"),)


def test_it_reads_operators_and_punctuation_as_text() -> None:
    assert parse_query("NEAR(care, 5) AND title:children*").terms == (
        "near",
        "care",
        "5",
        "title",
        "children",
    )
    for text in ['"', "*", ":", "'", "()", "-", '-""', "👶🏽", "   "]:
        assert parse_query(text).is_empty, text


def test_it_reads_an_unclosed_quote_as_a_phrase_to_the_end() -> None:
    assert parse_query('care "looked after').phrases == (("looked", "after"),)


def test_it_splits_hyphenated_words_and_excludes_them_as_phrases() -> None:
    query = parse_query("COVID-19 vaccines -long-covid")
    assert query.terms == ("covid", "19", "vaccines")
    assert query.excluded == (("long", "covid"),)


def test_it_treats_curly_quotes_as_quotes() -> None:
    assert parse_query("“foster care”").phrases == (("foster", "care"),)


def test_it_finds_nothing_in_exclusions_alone() -> None:
    assert parse_query("-adults").is_empty


def test_it_caps_very_long_queries() -> None:
    query = parse_query(" ".join(f"word{i}" for i in range(2000)))
    assert len(query.terms) == MAX_TERMS


def test_it_lists_the_words_to_highlight() -> None:
    assert parse_query('care "foster care" -adults').words == ("care", "foster")


def test_fold_fast_folds_as_fold_does() -> None:
    for text in ["Ŵyl Dewi a'r Tŷ", "STRASSE Straße", "ﬁnance", "Ångström", "e\u0301", "ascii"]:
        assert fold_fast(text) == fold(text)
