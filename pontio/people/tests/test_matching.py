from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from pontio.lib.embedding import model_available
from pontio.lib.matching import EXPERTISE, MatchScorer, Paper, paper_text

# A fake model: each text is a bag of these words, so similarities are easy to work out.
WORDS = ("foster", "kinship", "adoption", "stars", "galaxies")


def bag_of_words(texts: Sequence[str]) -> NDArray[np.float32]:
    return np.array(
        [[text.lower().split().count(word) for word in WORDS] for text in texts], np.float32
    )


def scorer(k: int = 3) -> MatchScorer:
    return MatchScorer(bag_of_words, k=k)


def test_it_joins_title_and_abstract() -> None:
    assert paper_text(Paper(" Kinship care ", " A study. ")) == "Kinship care. A study."
    assert paper_text(Paper("Why foster?", "Because.")) == "Why foster? Because."
    assert paper_text(Paper("Only a title")) == "Only a title"
    assert paper_text(Paper("", "Only an abstract")) == "Only an abstract"


def test_it_ranks_the_person_whose_papers_fit_first() -> None:
    carer = ["foster kinship", "kinship", "adoption foster"]
    astronomer = ["stars", "galaxies stars", "stars galaxies"]
    scores = scorer().score_matrix([astronomer, carer], ["kinship foster", "galaxies"])
    assert scores.shape == (2, 2)
    assert scores[0, 1] > scores[0, 0]
    assert scores[1, 0] > scores[1, 1]


def test_it_averages_the_k_best_papers_only() -> None:
    # Similarities to "foster": 1, 1, 0.707, 0, 0; the mean of the best three is (2 + .707) / 3.
    person = ["foster", "foster", "foster stars", "stars", "galaxies"]
    (score,) = scorer().score_matrix([person], ["foster"])[0]
    assert score == pytest.approx((2 + 2**-0.5) / 3, abs=1e-6)
    (best_one,) = scorer(k=1).score_matrix([person], ["foster"])[0]
    assert best_one == pytest.approx(1.0)


def test_it_averages_all_papers_of_someone_with_fewer_than_k() -> None:
    (score,) = scorer().score_matrix([["foster", "stars"]], ["foster"])[0]
    assert score == pytest.approx(0.5)


def test_it_scores_a_person_with_no_papers_zero() -> None:
    scores = scorer().score_matrix([[], ["foster"], ["  "]], ["foster"])
    assert scores.tolist() == [[0.0, 1.0, 0.0]]


def test_it_counts_stated_expertise_as_one_more_paper() -> None:
    people = [["stars"], [], ["stars", "galaxies"]]
    expertise = ["kinship care", "kinship", None]
    scores = scorer().score_matrix(people, ["kinship"], expertise=expertise)[0]
    # Mean of the stars paper (0) and the stated kinship (1); the second person has only the
    # stated expertise; the third stated nothing.
    assert scores.tolist() == pytest.approx([0.5, 1.0, 0.0])


def test_it_gives_the_papers_that_matched_best_first() -> None:
    papers = ["stars", "kinship foster", "kinship", "galaxies"]
    reasons = scorer().reasons(papers, "kinship", top=2)
    assert [reason.paper for reason in reasons] == [2, 1]
    assert reasons[0].similarity == pytest.approx(1.0)
    assert reasons[1].similarity == pytest.approx(2**-0.5)


def test_it_names_stated_expertise_among_the_reasons() -> None:
    reasons = scorer().reasons(["stars"], "adoption", expertise="adoption")
    assert reasons[0].paper == EXPERTISE
    assert reasons[0].similarity == pytest.approx(1.0)
    assert scorer().reasons([], "adoption") == []


@pytest.mark.skipif(not model_available(), reason="the model package is not installed")
def test_it_matches_child_protection_with_the_real_model() -> None:
    protection = [
        paper_text(Paper(title, abstract))
        for title, abstract in [
            (
                "Thresholds for child protection investigations",
                "How social workers decide whether a referral about a child at risk of "
                "abuse or neglect leads to a child protection enquiry.",
            ),
            (
                "Child protection conferences and parents' participation",
                "Interviews with parents and social workers about initial child protection "
                "case conferences and safeguarding plans.",
            ),
        ]
    ]
    astronomy = [
        paper_text(Paper(title, abstract))
        for title, abstract in [
            (
                "Dark matter halos of dwarf galaxies",
                "Rotation curves of nearby dwarf galaxies constrain the inner slope of their "
                "dark matter density profiles.",
            ),
            (
                "Exoplanet transits observed by TESS",
                "Light curves of transiting planets around M dwarf stars.",
            ),
        ]
    ]
    target = paper_text(
        Paper(
            "Neglect referrals to children's social care",
            "Which referrals about neglected children lead to a child protection plan?",
        )
    )
    matcher = MatchScorer()
    scores = matcher.score_matrix([astronomy, protection], [target])[0]
    assert scores[1] > scores[0] + 0.2
    assert {index for index, _ in matcher.reasons(protection, target, top=1)} <= {0, 1}
