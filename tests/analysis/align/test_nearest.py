"""Nearest partners over distinct bags agree with a brute-force search."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from analysis.align.nearest import nearest_pairs, unique_keys


def _brute(x: np.ndarray, article: np.ndarray, group: np.ndarray, per: int, floor: float):
    sims = x @ x.T
    keys = set()
    for u in range(len(x)):
        ok = [v for v in range(len(x)) if article[v] != article[u] and group[v] == group[u]]
        ok = [v for v in ok if sims[u, v] >= floor]
        ok.sort(key=lambda v: (-round(sims[u, v], 12), (v - u) % len(x)))
        keys |= {(min(u, v), max(u, v)) for v in ok[:per]}
    return keys


def _normalised(dense: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return dense / norms


def test_distinct_bags_give_the_brute_force_pairs() -> None:
    rng = np.random.default_rng(7)
    dense = _normalised(rng.random((60, 12)) * (rng.random((60, 12)) < 0.4))
    article = rng.integers(0, 6, 60)
    group = (rng.random(60) < 0.2).astype(np.intp)
    ia, ib = nearest_pairs(csr_matrix(dense), article, group, 3, 0.2)
    assert set(zip(ia.tolist(), ib.tolist(), strict=True)) == _brute(dense, article, group, 3, 0.2)
    assert (ia < ib).all()


def test_copies_share_one_bag_and_each_takes_partners_from_other_articles() -> None:
    # Four articles carry the same sentence word for word, plus one near variant each.
    same = np.array([1.0, 1.0, 0.0, 0.0])
    variant = np.array([1.0, 1.0, 1.0, 0.0])
    dense = _normalised(np.array([same, variant] * 4))
    article = np.repeat(np.arange(4), 2)
    group = np.zeros(8, np.intp)
    ia, ib = nearest_pairs(csr_matrix(dense), article, group, 2, 0.1)
    pairs = set(zip(ia.tolist(), ib.tolist(), strict=True))
    assert pairs == _brute(dense, article, group, 2, 0.1)
    # Each copy's two partners are the next copies round (no first-article hub).
    assert {(0, 2), (0, 4), (4, 6), (0, 6)} <= pairs and (2, 4) in pairs
    assert all(article[a] != article[b] for a, b in pairs)


def test_unique_keys_is_numpy_unique() -> None:
    rng = np.random.default_rng(0)
    for keys in (rng.integers(0, 50, 400), rng.integers(0, 10**12, 400), np.array([7]), []):
        keys = np.asarray(keys, dtype=np.int64)
        assert unique_keys(keys).tolist() == np.unique(keys).tolist()
