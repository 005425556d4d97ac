from pontio.lib.normalise import fold, normalise_doi, normalise_name, normalise_title


def test_it_folds_welsh_letters() -> None:
    assert fold("Ŵyl Dewi a'r Tŷ") == "wyl dewi a'r ty"
    assert fold("Gwynfor Ëvans") == "gwynfor evans"


def test_it_normalises_dois() -> None:
    assert (
        normalise_doi("https://doi.org/10.1371/JOURNAL.pone.0000030")
        == "10.1371/journal.pone.0000030"
    )
    assert normalise_doi("doi: 10.2196/22081.") == "10.2196/22081"
    assert normalise_doi("not a doi") == ""


def test_it_normalises_titles_and_names() -> None:
    assert normalise_title("The <i>Trigger</i> Trio: a review!") == "the trigger trio a review"
    assert normalise_name("O'Brien-Ŵatkins") == "obrienwatkins"
