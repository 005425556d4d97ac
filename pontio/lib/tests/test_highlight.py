from pontio.lib.highlight import highlight, snippet
from pontio.lib.query import parse_query


def test_it_marks_matching_words() -> None:
    result = highlight("Support for children and families", parse_query("children"))
    assert result == "Support for <mark>children</mark> and families"


def test_it_escapes_everything_else() -> None:
    text = '<script>alert("x")</script> children & <b>care</b>'
    result = highlight(text, parse_query("script children"))
    assert "<script>" not in result and "<b>" not in result
    assert result.startswith("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)")
    assert "<mark>children</mark> &amp; &lt;b&gt;care&lt;/b&gt;" in result


def test_it_escapes_text_that_looks_like_its_own_markup() -> None:
    assert highlight("<mark>", parse_query("mark")) == "&lt;<mark>mark</mark>&gt;"


def test_it_tolerates_endings_case_and_diacritics() -> None:
    result = highlight(
        "The Children's carers, caring for ŴYRION; a child's study of studies",
        parse_query("children carer wyrion studies"),
    )
    assert "<mark>Children&#x27;s</mark>" in result
    assert "<mark>carers</mark>" in result
    assert "<mark>ŴYRION</mark>" in result
    assert "<mark>study</mark> of <mark>studies</mark>" in result


def test_it_marks_phrase_words_but_not_exclusions() -> None:
    result = highlight("foster care for adults", parse_query('"foster care" -adults'))
    assert result == "<mark>foster</mark> <mark>care</mark> for adults"


def test_it_cuts_to_max_chars_at_a_word() -> None:
    result = highlight("one two three four five six", parse_query("two"), max_chars=14)
    assert result == "one <mark>two</mark> three…"


def test_a_snippet_starts_near_the_first_match() -> None:
    text = " ".join(["filler"] * 200) + " the kinship carers said " + " ".join(["more"] * 200)
    result = snippet(text, parse_query("kinship"), length=120)
    assert result.startswith("…") and result.endswith("…")
    assert "<mark>kinship</mark>" in result
    assert len(result.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_a_snippet_without_a_match_is_the_beginning() -> None:
    text = "word " * 100
    result = snippet(text, parse_query("absent"), length=50)
    assert result.startswith("word word") and result.endswith("…")
    assert snippet("short <text>", parse_query("absent")) == "short &lt;text&gt;"


def test_it_takes_what_a_person_typed() -> None:
    assert highlight("Foster care", '"foster" -care') == "<mark>Foster</mark> care"
