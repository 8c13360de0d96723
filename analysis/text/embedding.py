"""Static word and sentence vectors from WordLlama's token table, read offline.

WordLlama (MIT licence, on PyPI) ships a 32,000-token × 256-dimension embedding table
(``l2_supercat_256.safetensors``, 16 MB, float16) and its Llama-2 tokenizer inside the wheel.
We read both files directly with ``safetensors`` and ``tokenizers`` instead of calling
``WordLlama.load()``: that loader looks for the tokenizer in a folder the wheel does not have
and then tries to download it, which must never happen here. Nothing is fetched at run time.

A text's vector is the mean of its tokens' vectors (the tokenizer's special tokens left out),
scaled to unit length, as WordLlama itself pools. The table and tokenizer are loaded once, on
first use, so importing :mod:`analysis` stays cheap.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ..errors import AnalysisError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = [
    "EMBEDDING_DIM",
    "VOCABULARY",
    "Embedder",
    "TokenIndex",
    "load_embedder",
    "load_tokenizer",
]

EMBEDDING_DIM = 256
#: Rows of the token table (Llama-2's vocabulary).
VOCABULARY = 32_000
_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
_BATCH = 256

_lock = threading.Lock()
_cached: list[Embedder] = []
_tokenizers: list[TokenIndex] = []
_SPECIAL = ("<unk>", "<s>", "</s>", "<pad>")


@dataclass(frozen=True)
class Embedder:
    """A token embedding table and the tokenizer that indexes it.

    Attributes:
        table: ``(vocabulary, EMBEDDING_DIM)`` float32 token vectors.
        tokenizer: The matching ``tokenizers.Tokenizer``.
        special_ids: Token ids left out of every mean (start, end, unknown, padding).
    """

    table: npt.NDArray[np.float32]
    tokenizer: Tokenizer
    special_ids: frozenset[int]

    @classmethod
    def from_files(cls, weights: Path, tokenizer_config: Path) -> Embedder:
        """Load an embedder from a safetensors table and a tokenizer JSON file.

        Raises:
            AnalysisError: A file is missing or unreadable.
        """
        from safetensors import safe_open
        from tokenizers import Tokenizer

        try:
            with safe_open(str(weights), framework="np", device="cpu") as tensors:
                table = np.asarray(tensors.get_tensor("embedding.weight"), dtype=np.float32)
            tokenizer = Tokenizer.from_file(str(tokenizer_config))
        except Exception as exc:  # the two readers raise their own types
            raise AnalysisError(
                f"The word-vector model could not be read from {weights.parent.parent}: {exc}",
                code="analysis.embedding",
            ) from exc
        return cls(table, tokenizer, _special_ids(tokenizer))

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's token ids, special tokens left out."""
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        top = self.table.shape[0] - 1
        return [[min(i, top) for i in enc.ids if i not in self.special_ids] for enc in encodings]

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit-length mean token vectors, one row per text (zeros for a text with no tokens).

        Args:
            texts: Sentences, words or phrases.

        Returns:
            A ``(len(texts), EMBEDDING_DIM)`` float32 array.
        """
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            for row, ids in enumerate(self.token_ids(texts[start : start + _BATCH]), start):
                if ids:
                    out[row] = self.table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def _package_dir() -> Path:
    # find_spec does not execute wordllama's __init__, which imports pydantic and requests.
    spec = importlib.util.find_spec("wordllama")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    # The frozen build carries only the package's data files (packaging/slant.spec).
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and Path(bundle, "wordllama").is_dir():
        return Path(bundle, "wordllama")
    raise AnalysisError(
        "The word-vector model is not installed: install the 'wordllama' package.",
        code="analysis.embedding",
    )


def load_embedder() -> Embedder:
    """The shipped word-vector model, loaded on first call and shared afterwards.

    Raises:
        AnalysisError: The ``wordllama`` package or its files are missing.
    """
    with _lock:
        if not _cached:
            root = _package_dir()
            _cached.append(
                Embedder.from_files(root.joinpath(*_WEIGHTS), root.joinpath(*_TOKENIZER))
            )
        return _cached[0]


def _special_ids(tokenizer: Tokenizer) -> frozenset[int]:
    found = (tokenizer.token_to_id(token) for token in _SPECIAL)
    return frozenset(int(i) for i in found if i is not None)


@dataclass(frozen=True)
class TokenIndex:
    """The tokenizer alone, without the 16 MB table (for models that ship per-token scores).

    Attributes:
        tokenizer: The Llama-2 ``tokenizers.Tokenizer`` of WordLlama's table.
        special_ids: Token ids left out (start, end, unknown, padding).
    """

    tokenizer: Tokenizer
    special_ids: frozenset[int]

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's token ids, as :meth:`Embedder.token_ids` gives them."""
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        top = VOCABULARY - 1
        return [[min(i, top) for i in enc.ids if i not in self.special_ids] for enc in encodings]


def load_tokenizer() -> TokenIndex:
    """The table's tokenizer only, loaded on first call and shared afterwards.

    Raises:
        AnalysisError: The ``wordllama`` package or its tokenizer file is missing.
    """
    from tokenizers import Tokenizer

    with _lock:
        if not _tokenizers:
            path = _package_dir().joinpath(*_TOKENIZER)
            try:
                tokenizer = Tokenizer.from_file(str(path))
            except Exception as exc:  # the reader raises its own types
                raise AnalysisError(
                    f"The word-vector tokenizer could not be read from {path}: {exc}",
                    code="analysis.embedding",
                ) from exc
            _tokenizers.append(TokenIndex(tokenizer, _special_ids(tokenizer)))
        return _tokenizers[0]
