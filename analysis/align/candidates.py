"""Candidate pairs: which units are worth scoring at all.

Every distinct sentence is a TF-IDF vector of its content words; a pair of units in
different articles is a candidate when their cosine clears a floor, and each unit keeps
only its ``max_candidates`` nearest partners. Sparse row products in chunks make this cost grow
with the number of units times their neighbours, not with all pairs; words that occur in
a large share of all units (the event's main names) are left out, since they say nothing
about which sentence is which.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.align.nearest import unique_keys
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
    row: NDArray[np.intp],
    article: NDArray[np.intp],
    *,
    min_cosine: float,
    max_candidates: int,
    complete: bool,
    progress: ProgressFn,
    is_cancelled: CancelFn | None,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Return candidate pairs ``(i, j)`` with ``i < j``, units of different articles.

    Neighbours are found between distinct word sequences (wire copy repeats sentences
    hundreds of times), then handed out to the units that carry them.

    Args:
        bag: Binary word matrix, one row per distinct word sequence (scipy CSR).
        row: Each unit's row in ``bag``.
        article: Article index of each unit.
        min_cosine: Least TF-IDF cosine.
        max_candidates: Nearest partners kept per unit.
        complete: Give each unit every carrier of its nearest rows (few articles), not
            a share of them.
        progress: Step progress callback (0..1).
        is_cancelled: Polled between chunks.

    Returns:
        Two index arrays of equal length, without duplicates.
    """
    near = _nearest_rows(bag, min_cosine, max_candidates, progress, is_cancelled)
    check_cancelled(is_cancelled)
    pairs = _hand_out(near, row.tolist(), article.tolist(), max_candidates, complete)
    n = max(1, len(row))
    keys = unique_keys(np.array(pairs, dtype=np.int64).reshape(-1, 2) @ np.array([n, 1]))
    return (keys // n).astype(np.intp), (keys % n).astype(np.intp)


def _nearest_rows(
    bag: Any, min_cosine: float, k: int, progress: ProgressFn, is_cancelled: CancelFn | None
) -> list[list[int]]:
    """For each row, the other rows by falling cosine (at most ``k``, cosine ≥ floor)."""
    n = bag.shape[0]
    near: list[list[int]] = [[] for _ in range(n)]
    if n < 2:
        return near
    x = _tfidf(bag)
    xt = x.T.tocsc()
    for lo in range(0, n, _CHUNK):
        check_cancelled(is_cancelled)
        sims = (x[lo : lo + _CHUNK] @ xt).tocoo()
        rows, cols, vals = sims.row.astype(np.intp) + lo, sims.col.astype(np.intp), sims.data
        keep = (vals >= min_cosine) & (rows != cols)
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
        order = np.lexsort((-vals, rows))
        rows, cols = rows[order], cols[order]
        rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
        for r, c in zip(rows[rank < k].tolist(), cols[rank < k].tolist(), strict=True):
            near[r].append(c)
        progress(min(1.0, (lo + _CHUNK) / n), "Finding candidate sentences")
    return near


def _hand_out(
    near: list[list[int]], row: list[int], article: list[int], k: int, complete: bool
) -> list[tuple[int, int]]:
    """Unit pairs from row neighbours: each unit takes carriers of its nearest rows.

    A unit takes at most ``k`` partners, a fair share from each neighbour row, starting at
    a different carrier for each copy of the same sentence so that the links spread.
    """
    carriers: list[list[int]] = [[] for _ in range(len(near))]
    for unit, r in enumerate(row):
        carriers[r].append(unit)
    pairs: list[tuple[int, int]] = []
    for unit, r in enumerate(row):
        if not near[r]:
            continue
        share = len(row) if complete else max(1, k // len(near[r]))
        turn = carriers[r].index(unit) if len(carriers[r]) > 1 else 0
        for other in near[r]:
            pool = carriers[other]
            taken = 0
            for j in range(len(pool)):
                v = pool[(turn + j) % len(pool)]
                if article[v] != article[unit]:
                    pairs.append((min(unit, v), max(unit, v)))
                    taken += 1
                    if taken >= share:
                        break
    return pairs
