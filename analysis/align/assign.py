"""One-to-one assignment per article pair, and the wire-copy cases it must not lose.

Within each pair of articles, a unit links to at most one unit of the other article: a
maximum-weight matching (scipy's ``linear_sum_assignment``) over the matched pairs that
compete for a unit. Pairs that compete with nobody are taken directly, so the solver
only ever sees small conflict blocks.

A sentence trimmed by an editor, or one half of two sentences merged into one, lies
inside the longer sentence: its link is narrowed to the part of the longer sentence it
matches, and the other half of a merge, left out by the one-to-one rule, is linked to
the rest of the merged sentence when the two parts do not overlap.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

from analysis.align.units import Units

__all__ = ["TokenRange", "assign", "narrowed"]

# Narrow a link to part of the longer sentence only when it has this many more words.
_NARROW_MIN_EXTRA_WORDS = 4


class TokenRange(NamedTuple):
    """Tokens ``[lo, hi)`` of one unit (a named tuple: hashed and built in C, millions of times)."""

    unit: int
    lo: int
    hi: int


def assign(
    units: Units,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    scores: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """Return which of the matched pairs survive the one-to-one rule.

    Args:
        units: All units.
        ia: First unit of each matched pair (earlier article).
        ib: Second unit.
        scores: Match scores; ties are broken towards similar relative positions.

    Returns:
        Mask over the pairs.
    """
    n_art = int(units.article.max()) + 1 if len(units) else 1
    art_a, art_b = units.article[ia], units.article[ib]
    row_key = ia.astype(np.int64) * n_art + art_b
    col_key = ib.astype(np.int64) * n_art + art_a
    free = _unique_mask(row_key) & _unique_mask(col_key)
    keep = free.copy()
    groups: dict[int, list[int]] = defaultdict(list)
    for k in np.flatnonzero(~free):
        groups[int(art_a[k]) * n_art + int(art_b[k])].append(int(k))
    weights = scores - 1e-3 * _position_gap(units, ia, ib)
    for members in groups.values():
        keep[_solve(ia, ib, weights, np.array(members))] = True
    return keep


def _unique_mask(keys: NDArray[np.int64]) -> NDArray[np.bool_]:
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    return np.asarray(counts[inverse] == 1)


def _position_gap(units: Units, ia: NDArray[np.intp], ib: NDArray[np.intp]) -> NDArray[np.float64]:
    """Gap in relative position (0–1) of the two units in their articles."""
    sizes = np.bincount(units.article).astype(np.float64)
    rel = units.ordinal / np.maximum(1.0, sizes[units.article])
    return np.asarray(np.abs(rel[ia] - rel[ib]))


def _solve(
    ia: NDArray[np.intp], ib: NDArray[np.intp], weights: NDArray[np.float64], ks: NDArray[np.intp]
) -> NDArray[np.intp]:
    from scipy.optimize import linear_sum_assignment

    rows, r_inv = np.unique(ia[ks], return_inverse=True)
    cols, c_inv = np.unique(ib[ks], return_inverse=True)
    matrix = np.zeros((len(rows), len(cols)))
    pair_at = -np.ones((len(rows), len(cols)), dtype=np.intp)
    matrix[r_inv, c_inv] = weights[ks]
    pair_at[r_inv, c_inv] = ks
    r, c = linear_sum_assignment(matrix, maximize=True)
    chosen: NDArray[np.intp] = pair_at[r, c]
    return chosen[chosen >= 0]


def narrowed(units: Units, short: int, long: int) -> TokenRange:
    """Return the tokens of unit ``long`` that the shorter unit ``short`` matches.

    The whole of ``long`` when it is not much longer than ``short``.
    """
    n_long = len(units.tokens[long].words)
    if n_long - len(units.tokens[short].words) < _NARROW_MIN_EXTRA_WORDS:
        return TokenRange(long, 0, n_long)
    text_long = units.tokens[long].normalized
    hit = fuzz.partial_ratio_alignment(units.tokens[short].normalized, text_long)
    if hit is None:
        return TokenRange(long, 0, n_long)
    lo = text_long.count(" ", 0, hit.dest_start)
    hi = text_long.count(" ", 0, max(hit.dest_start, hit.dest_end - 1)) + 1
    return TokenRange(long, lo, max(lo + 1, hi))
