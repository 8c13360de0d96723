"""Shared facts: sentences of independent outlets that assert one same fact in other words.

The copy matcher (:mod:`analysis.align.matcher`, trained on MSRP) finds verbatim, edited
and paraphrased sentences. Independent outlets mostly share a fact inside sentences that
also say other things; this module finds those pairs from what the two sentences have in
common that is *rare in this comparison*: content words weighted by their inverse sentence
frequency over all the articles (so the event's own names weigh little), names, numbers,
runs of three words (quotations) and the place in the story. A logistic regression trained
on the hand-labelled BASIL train events (``benchmarks/train_facts.py``) turns these into a
probability; it is shipped as JSON in ``resources/models/facts.json`` and applied with numpy.

Pairs found here may be many-to-many (a sentence that carries two facts links to both).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.align.fact_words import distinct_bags, name_stems, unit_stems
from analysis.align.features import bag_of_words
from analysis.align.nearest import nearest_pairs
from analysis.align.normalize import Tokens
from analysis.errors import AnalysisError
from analysis.resources import resource

__all__ = [
    "FACT_FEATURES",
    "FactTable",
    "fact_candidates",
    "fact_features",
    "fact_probabilities",
    "shared_token_runs",
]

FACT_FEATURES = (
    "w_shared",
    "w_min",
    "w_max",
    "idf_top",
    "n_shared",
    "n_rare",
    "names_shared",
    "nums_shared",
    "tri_shared",
    "bi_shared",
    "pos_min",
    "pos_gap",
    "headlines",
    "short_words",
    "length_gap",
    "best_a",
    "best_b",
    "share_of_best",
    "plain_shared",
    "names_w",
    "names_w_min",
    "names_w_max",
    "rank_a",
    "rank_b",
)


@dataclass(frozen=True, slots=True)
class FactTable:
    """Per-unit bags for the fact features; build with :meth:`build`.

    Attributes:
        stems: Each unit's stem per token (None for function words).
        content: Binary units × stems matrix (scipy CSR).
        idf: Inverse sentence frequency of each stem over all units.
        weight: Sum of the idf of each unit's stems.
        rare: Binary matrix of each unit's rare stems (few sentences carry them).
        names: Binary matrix of each unit's name stems (see ``fact_words.name_stems``).
        name_idf: Inverse sentence frequency of each name stem (columns of ``names``).
        nums: Binary matrix of each unit's numbers.
        tri: Binary matrix of each unit's word trigrams (quotations, set phrases).
        bi: Binary matrix of each unit's content-stem bigrams.
        plain: Binary matrix of each unit's content stems that are no names or numbers.
        position: Each unit's place in its article, 0 (first) to 1 (last).
        headline: Whether each unit is its article's headline.
        n_words: Each unit's word count.
    """

    stems: tuple[tuple[str | None, ...], ...]
    content: Any
    idf: NDArray[np.float64]
    weight: NDArray[np.float64]
    rare: Any
    names: Any
    name_idf: NDArray[np.float64]
    nums: Any
    tri: Any
    bi: Any
    plain: Any
    position: NDArray[np.float64]
    headline: NDArray[np.bool_]
    n_words: NDArray[np.float64]

    @classmethod
    def build(
        cls, tokens: Sequence[Tokens], article: NDArray[np.intp], headline: NDArray[np.bool_]
    ) -> FactTable:
        """Build the table for all units of one alignment.

        Args:
            tokens: Each unit's tokens.
            article: Each unit's article index (units of one article are consecutive).
            headline: Whether each unit is a headline.

        Returns:
            The table.
        """
        # Wire copy repeats sentences by the hundred: each distinct one is done once.
        keys: dict[tuple[tuple[str, ...], frozenset[str]], int] = {}
        row = np.array([keys.setdefault((t.words, t.names), len(keys)) for t in tokens], np.intp)
        first: dict[int, Tokens] = {}
        for r, t in zip(row.tolist(), tokens, strict=True):
            first.setdefault(r, t)
        distinct = [first[r] for r in range(len(keys))]
        own = [tuple(unit_stems(t)) for t in distinct]
        head = np.zeros(len(keys), dtype=bool)
        head[row] = np.asarray(headline, dtype=bool)
        stems = tuple(own[r] for r in row.tolist())
        content = bag_of_words([sorted({s for s in st if s}) for st in own])[row]
        n = max(1, len(tokens))
        df = np.bincount(content.indices, minlength=content.shape[1]).astype(np.float64)
        idf = np.log((n + 1.0) / (df + 1.0))
        weight = np.asarray(content @ idf).ravel()
        rare_cols = df <= max(3.0, 0.02 * n)
        rare = content.multiply(rare_cols[np.newaxis, :].astype(np.float32)).tocsr()
        rare.eliminate_zeros()
        bags = distinct_bags(distinct, own, name_stems(distinct, own, head))
        names = bags["names"][row]
        name_df = np.bincount(names.indices, minlength=names.shape[1]).astype(np.float64)
        return cls(
            stems=stems,
            content=content,
            idf=idf,
            weight=weight,
            rare=rare,
            names=names,
            name_idf=np.log((n + 1.0) / (name_df + 1.0)),
            nums=bags["nums"][row],
            tri=bags["tri"][row],
            bi=bags["bi"][row],
            plain=bags["plain"][row],
            position=_positions(article),
            headline=np.asarray(headline, dtype=bool),
            n_words=np.array([len(t.words) for t in tokens], dtype=np.float64),
        )


def _positions(article: NDArray[np.intp]) -> NDArray[np.float64]:
    pos = np.zeros(len(article))
    if len(article) == 0:
        return pos
    starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
    ends = np.r_[starts[1:], len(article)]
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        pos[s:e] = np.arange(e - s) / max(1, e - s - 1)
    return pos


def _shared(bag: Any, ia: NDArray[np.intp], ib: NDArray[np.intp]) -> NDArray[np.float64]:
    return np.asarray(bag[ia].multiply(bag[ib]).sum(axis=1), dtype=np.float64).ravel()


def fact_features(
    table: FactTable,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    article: NDArray[np.intp],
) -> Any:
    """Return one row of :data:`FACT_FEATURES` per unit pair ``(ia[k], ib[k])``.

    Args:
        table: The units' bags.
        ia: First unit of each pair.
        ib: Second unit of each pair.
        article: Each unit's article index.

    Returns:
        Array of shape ``(len(ia), len(FACT_FEATURES))``.
    """
    out = np.zeros((len(ia), len(FACT_FEATURES)))
    if len(ia) == 0:
        return out
    both = table.content[ia].multiply(table.content[ib]).tocsr()
    shared_w = np.asarray(both @ table.idf).ravel()
    wa, wb = table.weight[ia], table.weight[ib]
    out[:, 0] = np.log1p(shared_w)
    out[:, 1] = _div(shared_w, np.minimum(wa, wb))
    out[:, 2] = _div(shared_w, np.maximum(wa, wb))
    weighted = both.multiply(table.idf[np.newaxis, :]).tocsr()
    out[:, 3] = np.asarray(weighted.max(axis=1).todense()).ravel()
    out[:, 4] = np.log1p(np.diff(both.indptr))
    out[:, 5] = np.log1p(_shared(table.rare, ia, ib))
    _names(table, ia, ib, out)
    out[:, 7] = _shared(table.nums, ia, ib) > 0
    out[:, 8] = np.log1p(_shared(table.tri, ia, ib))
    out[:, 9] = np.log1p(_shared(table.bi, ia, ib))
    pa, pb = table.position[ia], table.position[ib]
    out[:, 10] = np.minimum(pa, pb)
    out[:, 11] = np.abs(pa - pb)
    out[:, 12] = table.headline[ia] & table.headline[ib]
    la, lb = table.n_words[ia], table.n_words[ib]
    out[:, 13] = np.log1p(np.minimum(la, lb))
    out[:, 14] = np.abs(np.log1p(la) - np.log1p(lb))
    _relative(ia, ib, article, shared_w, out)
    out[:, 18] = np.log1p(_shared(table.plain, ia, ib))
    return out


def _names(
    table: FactTable, ia: NDArray[np.intp], ib: NDArray[np.intp], out: NDArray[np.float64]
) -> None:
    """Shared names: how many, their idf weight and its share of each side's names."""
    both = table.names[ia].multiply(table.names[ib]).tocsr()
    out[:, 6] = np.log1p(np.diff(both.indptr))
    shared_w = np.asarray(both @ table.name_idf).ravel()
    wa = np.asarray(table.names[ia] @ table.name_idf).ravel()
    wb = np.asarray(table.names[ib] @ table.name_idf).ravel()
    out[:, 19] = np.log1p(shared_w)
    out[:, 20] = _div(shared_w, np.minimum(wa, wb))
    out[:, 21] = _div(shared_w, np.maximum(wa, wb))


def _relative(
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    article: NDArray[np.intp],
    shared_w: NDArray[np.float64],
    out: NDArray[np.float64],
) -> None:
    """Whether each pair is its sentences' best partner in the other article, and its rank.

    A sentence shares a fact mostly with the one or two sentences of the other article
    that share most with it; the rest share the event's background. The rank (0 = best,
    at most 5) is the pair's place among the sentence's candidates in that article.
    """
    n_art = int(article.max()) + 1
    best = np.zeros(len(ia))
    for col, (me, other) in enumerate(((ia, ib), (ib, ia))):
        key = me.astype(np.int64) * n_art + article[other]
        # Sorted by sentence and other article, most shared first: the first of each run is
        # the sentence's best there (a sort instead of np.maximum.at, which is slow).
        order = np.lexsort((-shared_w, key))
        ranked = key[order]
        first = np.searchsorted(ranked, ranked, side="left")
        mine = np.empty(len(ia))
        mine[order] = shared_w[order][first]
        out[:, 15 + col] = shared_w >= mine - 1e-9
        best = np.maximum(best, mine)
        out[order, 22 + col] = np.minimum(np.arange(len(ranked)) - first, 5)
    out[:, 17] = _div(shared_w, best)


def _div(num: NDArray[np.float64], den: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.divide(num, den, out=np.zeros(len(num)), where=den > 0)
    return out


def fact_candidates(
    table: FactTable, article: NDArray[np.intp], per_unit: int, min_cosine: float
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Unit pairs of different articles worth scoring, ``i < j``, without duplicates.

    Each unit keeps its ``per_unit`` nearest partners by idf-weighted cosine of content
    stems (at least ``min_cosine``). Headlines meet headlines only.
    """
    from scipy.sparse import diags

    n = table.content.shape[0]
    if n < 2:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    # Words in very many sentences (a large input's event names) would make every pair a
    # candidate; they are left out of the search, as in analysis.align.candidates.
    df = np.bincount(table.content.indices, minlength=table.content.shape[1])
    idf = np.where(df > max(50, 0.05 * n), 0.0, table.idf)
    x = (table.content @ diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = (diags(1.0 / norms) @ x).tocsr()
    return nearest_pairs(x, article, table.headline.astype(np.intp), per_unit, min_cosine)


@cache
def _model() -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], float]:
    node = resource("models", "facts.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnalysisError(
            "The shared-fact model is missing or damaged; reinstall Slant.", code="analysis.model"
        ) from exc
    if list(data["features"]) != list(FACT_FEATURES):
        raise AnalysisError(
            "The shared-fact model does not fit this version of Slant.", code="analysis.model"
        )
    mean, scale, coef = (np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef"))
    return mean, scale, coef, float(data["intercept"])


def fact_probabilities(features: NDArray[np.float64]) -> NDArray[np.float64]:
    """Apply the shipped shared-fact model to rows of :func:`fact_features`."""
    mean, scale, coef, intercept = _model()
    z = ((features - mean) / scale) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def shared_token_runs(
    mine: Sequence[str | None], theirs: Sequence[str | None], max_gap: int = 2
) -> list[tuple[int, int]]:
    """Runs ``[lo, hi)`` of tokens of ``mine`` whose stems the other sentence also has.

    Runs separated by at most ``max_gap`` function words (no stem) are joined, so
    "met Tuesday in Paris" is one run when "met", "Tuesday" and "Paris" are shared.
    """
    other = {s for s in theirs if s}
    runs: list[tuple[int, int]] = []
    for k, s in enumerate(mine):
        if not s or s not in other:
            continue
        if runs:
            lo, hi = runs[-1]
            gap = mine[hi:k]
            if len(gap) <= max_gap and all(g is None for g in gap):
                runs[-1] = (lo, k + 1)
                continue
        runs.append((k, k + 1))
    return runs
