"""Sentence embeddings with all-MiniLM-L6-v2 for semantic search, without torch: the packaged
weights are written out as an ONNX graph by Pontio's own code and run by onnxruntime (ADR 0012).

    from pontio.lib.embedding import embedder, model_available
    if model_available():
        vectors = embedder().embed(["a title. its abstract", ...])  # (n, 384) float32, unit rows
        query = embedder().embed_query("kinship care")  # (384,)
"""

from pontio.lib.embedding.embedder import DIMENSIONS, Embedder, ModelNotInstalled, embedder
from pontio.lib.embedding.weights import model_available

__all__ = ["DIMENSIONS", "Embedder", "ModelNotInstalled", "embedder", "model_available"]
