"""Pair features for the sentence matcher, computed for many pairs at once.

A :class:`UnitTable` holds the preprocessed sentences of one alignment (or the two
sentences given to :func:`analysis.match_sentences`): normalised strings for rapidfuzz,
each sentence's words as a string of one code point per word (so rapidfuzz's Indel
distance works on words), and sparse bags of words, bigrams, content words and numbers.
:func:`pair_features` then scores index pairs with ``process.cpdist`` (the element-wise
form of ``cdist``, ``workers=-1``) and sparse row products: no Python loop per pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from analysis.align.normalize import STOPWORDS, Tokens, is_number

__all__ = ["FEATURE_NAMES", "UnitTable", "bag_of_words", "pair_features"]

FEATURE_NAMES = (
    "ratio",
    "partial_ratio",
    "token_sort_ratio",
    "token_set_ratio",
    "word_indel",
    "uni_min",
    "uni_max",
    "bi_min",
    "bi_max",
    "content_max",
    "number_mismatch",
    "length_gap",
    "short_words",
    "stem_min",
    "stem_max",
    "content_min",
    "content_token_set",
    "name_mismatch",
)
# Code points from the supplementary planes stand for words: one "character" per word.
_WORD_BASE = 0x10000


@dataclass(frozen=True, slots=True)
class UnitTable:
    """Preprocessed sentences, each distinct word sequence once; build with :meth:`build`.

    Attributes:
        row: For each sentence, its row in the other fields (equal rows = verbatim).
        normalized: Words joined by spaces, per row.
        content: Content words joined by spaces, per row.
        word_strings: One code point per word, per row.
        lengths: Word count per row.
        bags: Binary sparse matrices (scipy CSR), one row per distinct word sequence.
    """

    row: NDArray[np.intp]
    normalized: tuple[str, ...]
    content: tuple[str, ...]
    word_strings: tuple[str, ...]
    lengths: NDArray[np.float64]
    bags: dict[str, Any]

    @classmethod
    def build(cls, tokens: Sequence[Tokens]) -> UnitTable:
        """Preprocess tokenised sentences (wire copy repeats many: each is done once).

        Args:
            tokens: One :class:`Tokens` per sentence.

        Returns:
            The table.
        """
        rows: dict[tuple[str, ...], int] = {}
        row = np.array([rows.setdefault(t.words, len(rows)) for t in tokens], dtype=np.intp)
        first: dict[int, Tokens] = {}
        for r, t in zip(row.tolist(), tokens, strict=True):
            first.setdefault(r, t)
        distinct = [first[r] for r in range(len(rows))]
        vocab: dict[str, int] = {}
        word_ids = [[vocab.setdefault(w, len(vocab)) for w in t.words] for t in distinct]
        return cls(
            row=row,
            normalized=tuple(t.normalized for t in distinct),
            content=tuple(" ".join(w for w in t.words if w not in STOPWORDS) for t in distinct),
            word_strings=tuple("".join(chr(_WORD_BASE + i) for i in ids) for ids in word_ids),
            lengths=np.array([len(t.words) for t in distinct], dtype=np.float64),
            bags=_bags(distinct),
        )


def _bags(tokens: Sequence[Tokens]) -> dict[str, Any]:
    def bigrams(words: tuple[str, ...]) -> list[str]:
        return [f"{a} {b}" for a, b in pairwise(words)]

    return {
        "uni": bag_of_words([t.words for t in tokens]),
        "bi": bag_of_words([bigrams(t.words) for t in tokens]),
        "content": bag_of_words([[w for w in t.words if w not in STOPWORDS] for t in tokens]),
        "num": bag_of_words([[w for w in t.words if is_number(w)] for t in tokens]),
        "stem": bag_of_words([[w[:5] for w in t.words if w not in STOPWORDS] for t in tokens]),
        "name": bag_of_words([sorted(t.names) for t in tokens]),
    }


def bag_of_words(rows: Sequence[Sequence[str]]) -> Any:
    """One binary sparse row per token list (a column per distinct token)."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for row in rows:
        cols = sorted({vocab.setdefault(x, len(vocab)) for x in row})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(vocab))))


def _overlap(bag: Any, ia: NDArray[np.intp], ib: NDArray[np.intp]) -> tuple[Any, Any, Any]:
    """Shared items, and item counts of each side, for every pair."""
    shared = np.asarray(bag[ia].multiply(bag[ib]).sum(axis=1)).ravel()
    counts = np.diff(bag.indptr).astype(np.float64)
    return shared, counts[ia], counts[ib]


def _safe_div(num: Any, den: Any) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.divide(num, den, out=np.zeros(len(num)), where=den > 0)
    return out


def pair_features(
    table: UnitTable, ia: NDArray[np.intp], ib: NDArray[np.intp]
) -> NDArray[np.float64]:
    """Return one feature row (see :data:`FEATURE_NAMES`) per index pair.

    Args:
        table: The preprocessed sentences.
        ia: Index of the first sentence of each pair.
        ib: Index of the second sentence of each pair.

    Returns:
        Array of shape ``(len(ia), len(FEATURE_NAMES))``, scores scaled to 0–1.
    """
    out = np.zeros((len(ia), len(FEATURE_NAMES)))
    if len(ia) == 0:
        return out
    ia, ib = table.row[ia], table.row[ib]
    norm_a = [table.normalized[i] for i in ia]
    norm_b = [table.normalized[i] for i in ib]
    scorers = (fuzz.ratio, fuzz.partial_ratio, fuzz.token_sort_ratio, fuzz.token_set_ratio)
    for col, scorer in enumerate(scorers):
        out[:, col] = process.cpdist(norm_a, norm_b, scorer=scorer, workers=-1) / 100.0
    words_a = [table.word_strings[i] for i in ia]
    words_b = [table.word_strings[i] for i in ib]
    out[:, 4] = process.cpdist(words_a, words_b, scorer=Indel.normalized_similarity, workers=-1)
    for col, name in ((5, "uni"), (7, "bi")):
        shared, na, nb = _overlap(table.bags[name], ia, ib)
        out[:, col] = _safe_div(shared, np.minimum(na, nb))
        out[:, col + 1] = _safe_div(shared, np.maximum(na, nb))
    shared, na, nb = _overlap(table.bags["content"], ia, ib)
    out[:, 9] = _safe_div(shared, np.maximum(na, nb))
    out[:, 15] = _safe_div(shared, np.minimum(na, nb))
    shared, na, nb = _overlap(table.bags["num"], ia, ib)
    out[:, 10] = (na + nb - 2 * shared) > 0
    la, lb = table.lengths[ia], table.lengths[ib]
    out[:, 11] = np.abs(np.log1p(la) - np.log1p(lb))
    out[:, 12] = np.log1p(np.minimum(la, lb))
    _more_features(table, ia, ib, out)
    return out


def _more_features(
    table: UnitTable, ia: NDArray[np.intp], ib: NDArray[np.intp], out: NDArray[np.float64]
) -> None:
    """Stem overlap, content-word token-set score and differing capitalised words."""
    shared, na, nb = _overlap(table.bags["stem"], ia, ib)
    out[:, 13] = _safe_div(shared, np.minimum(na, nb))
    out[:, 14] = _safe_div(shared, np.maximum(na, nb))
    content_a = [table.content[i] for i in ia]
    content_b = [table.content[i] for i in ib]
    scores = process.cpdist(content_a, content_b, scorer=fuzz.token_set_ratio, workers=-1)
    out[:, 16] = scores / 100.0
    shared, na, nb = _overlap(table.bags["name"], ia, ib)
    out[:, 17] = na + nb - 2 * shared
