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
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.align.features import bag_of_words
from analysis.align.nearest import nearest_pairs
from analysis.align.normalize import STOPWORDS, Tokens, is_number
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
)

# Words that say how something was reported, not what: they are no shared fact.
_REPORTING = frozenset(
    """told according statement reporters report reported reports added adds noted
    mr ms mrs dr one two new year years time people week day thursday friday monday
    tuesday wednesday saturday sunday yesterday today tonight last first""".split()
)
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "dozen": "12", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_ALIASES = {("u", "s"): "u.s.", ("u", "n"): "u.n.", ("u", "k"): "u.k."}


@cache
def stem(word: str) -> str | None:
    """A crude stem of a content word, or None for a function or reporting word."""
    if is_number(word):
        return word.replace(",", "")
    word = _NUMBER_WORDS.get(word, word)
    if word in STOPWORDS or word in _REPORTING or len(word) < 2:
        return None
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:7]


def unit_stems(tokens: Tokens) -> list[str | None]:
    """The stem of each token (None for function words); "U.S."/"US" become one name."""
    words = tokens.words
    out: list[str | None] = [stem(w) for w in words]
    for i, (a, b) in enumerate(pairwise(words)):
        alias = _ALIASES.get((a, b))
        if alias:
            out[i], out[i + 1] = alias, alias
    if "us" in tokens.names:  # "US" written in capitals is the country, not the pronoun
        out = ["u.s." if w == "us" else s for w, s in zip(words, out, strict=True)]
    return out


@dataclass(frozen=True, slots=True)
class FactTable:
    """Per-unit bags for the fact features; build with :meth:`build`.

    Attributes:
        stems: Each unit's stem per token (None for function words).
        content: Binary units × stems matrix (scipy CSR).
        idf: Inverse sentence frequency of each stem over all units.
        weight: Sum of the idf of each unit's stems.
        rare: Binary matrix of each unit's rare stems (few sentences carry them).
        names: Binary matrix of each unit's name stems (see :func:`_name_stems`).
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
        bags = _distinct_bags(distinct, own, _name_stems(distinct, own, head))
        return cls(
            stems=stems,
            content=content,
            idf=idf,
            weight=weight,
            rare=rare,
            names=bags["names"][row],
            nums=bags["nums"][row],
            tri=bags["tri"][row],
            bi=bags["bi"][row],
            plain=bags["plain"][row],
            position=_positions(article),
            headline=np.asarray(headline, dtype=bool),
            n_words=np.array([len(t.words) for t in tokens], dtype=np.float64),
        )


def _name_stems(
    tokens: Sequence[Tokens], stems: Sequence[Sequence[str | None]], headline: NDArray[np.bool_]
) -> dict[str, bool]:
    """Whether each stem seen in a body sentence past its first word is a name.

    A stem is a name when it is written capitalised in at least half of those places. A
    capital at the start of a sentence or in a title-case headline says nothing, so
    "Pleads Guilty" in a headline or "Officials said" are no names when the body writes
    "pleads guilty" and "officials"; "Jackson" stays a name.
    """
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    for t, st, head in zip(tokens, stems, headline.tolist(), strict=True):
        if head:
            continue
        for w, s in zip(t.words[1:], st[1:], strict=True):
            if s:
                seen[s] = seen.get(s, 0) + 1
                capital[s] = capital.get(s, 0) + (w in t.names)
    return {s: 2 * capital[s] >= n for s, n in seen.items()}


def _distinct_bags(
    tokens: Sequence[Tokens], stems: Sequence[Sequence[str | None]], names: dict[str, bool]
) -> Any:
    """Names, numbers, trigrams, content bigrams and plain words of each distinct unit.

    A stem counts as a name when :func:`_name_stems` says so, or, when no body sentence
    has it past its first word, when it is capitalised here.
    """

    def is_name(w: str, s: str, t: Tokens) -> bool:
        known = names.get(s)
        return w in t.names if known is None else known

    name: list[list[str]] = []
    plain: list[list[str]] = []
    for t, st in zip(tokens, stems, strict=True):
        words = [(w, s) for w, s in zip(t.words, st, strict=True) if s and not is_number(s)]
        name.append(sorted({s for w, s in words if is_name(w, s, t)}))
        plain.append([s for w, s in words if not is_name(w, s, t)])
    return {
        "names": bag_of_words(name),
        "nums": bag_of_words([[s for s in st if s and is_number(s)] for st in stems]),
        "tri": bag_of_words(
            [[" ".join(t.words[i : i + 3]) for i in range(len(t.words) - 2)] for t in tokens]
        ),
        "bi": bag_of_words(
            [[f"{a} {b}" for a, b in pairwise([s for s in st if s])] for st in stems]
        ),
        "plain": bag_of_words(plain),
    }


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
    out[:, 6] = np.log1p(_shared(table.names, ia, ib))
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


def _relative(
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    article: NDArray[np.intp],
    shared_w: NDArray[np.float64],
    out: NDArray[np.float64],
) -> None:
    """Whether each pair is its sentences' best partner in the other article.

    A sentence shares a fact mostly with the one or two sentences of the other article
    that share most with it; the rest share the event's background.
    """
    n = int(max(int(ia.max()), int(ib.max()))) + 1
    n_art = int(article.max()) + 1
    best = np.zeros(len(ia))
    for col, (me, other) in enumerate(((ia, ib), (ib, ia))):
        key = me.astype(np.int64) * n_art + article[other]
        top = np.zeros(n * n_art)
        np.maximum.at(top, key, shared_w)
        mine = top[key]
        out[:, 15 + col] = shared_w >= mine - 1e-9
        best = np.maximum(best, mine)
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
