"""Candidate pairs: which units are worth scoring at all.

Every unit is a TF-IDF vector of its content words; a pair of units in different
articles is a candidate when their cosine clears a floor, and each unit keeps only its
``max_candidates`` nearest partners. Sparse row products in chunks make this cost grow
with the number of units times their neighbours, not with all pairs; words that occur in
a large share of all units (the event's main names) are left out, since they say nothing
about which sentence is which.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.progress import CancelFn, ProgressFn, check_cancelled

__all__ = ["candidate_pairs"]

_CHUNK = 2000
_MAX_DF_SHARE = 0.05
_MIN_DF_CAP = 50


def _tfidf(bag: Any) -> Any:
    """Idf-weighted, L2-normalised rows; very common words dropped."""
    from scipy.sparse import diags

    n = bag.shape[0]
    df = np.bincount(bag.indices, minlength=bag.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    idf[df > max(_MIN_DF_CAP, _MAX_DF_SHARE * n)] = 0.0
    weighted = (bag @ diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (diags(1.0 / norms) @ weighted).tocsr()


def candidate_pairs(
    bag: Any,
    article: NDArray[np.intp],
    *,
    min_cosine: float,
    max_candidates: int,
    progress: ProgressFn,
    is_cancelled: CancelFn | None,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Return candidate pairs ``(i, j)`` with ``i < j``, units of different articles.

    Args:
        bag: Binary unit × word matrix (scipy CSR).
        article: Article index of each unit.
        min_cosine: Least TF-IDF cosine.
        max_candidates: Nearest partners kept per unit.
        progress: Step progress callback (0..1).
        is_cancelled: Polled between chunks.

    Returns:
        Two index arrays of equal length, without duplicates.
    """
    n = bag.shape[0]
    if n < 2:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty.copy()
    x = _tfidf(bag)
    xt = x.T.tocsc()
    found: list[NDArray[np.int64]] = []
    for lo in range(0, n, _CHUNK):
        check_cancelled(is_cancelled)
        sims = (x[lo : lo + _CHUNK] @ xt).tocoo()
        rows, cols, vals = sims.row.astype(np.intp) + lo, sims.col.astype(np.intp), sims.data
        keep = (vals >= min_cosine) & (article[rows] != article[cols])
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
        order = np.lexsort((-vals, rows))
        rows, cols = rows[order], cols[order]
        first = np.searchsorted(rows, rows, side="left")
        rank = np.arange(len(rows)) - first
        rows, cols = rows[rank < max_candidates], cols[rank < max_candidates]
        found.append(np.minimum(rows, cols).astype(np.int64) * n + np.maximum(rows, cols))
        progress(min(1.0, (lo + _CHUNK) / n), "Finding candidate sentences")
    keys = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
    return (keys // n).astype(np.intp), (keys % n).astype(np.intp)
