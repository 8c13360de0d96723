"""The pairwise decision: do two sentences carry the same content, and how?

:func:`decide` takes feature rows (see :mod:`analysis.align.features`) for many pairs
and returns, for each, whether it matches, its kind and its score. The aligner and the
public :func:`match_sentences` both go through it, so they always agree.

The model is a logistic regression trained offline on MSRP by
``benchmarks/train_matcher.py`` and shipped as JSON coefficients; applying it takes
numpy only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import numpy as np
from numpy.typing import NDArray

from analysis.align.features import FEATURE_NAMES, UnitTable, pair_features
from analysis.align.normalize import tokenize
from analysis.align.settings import AlignmentSettings
from analysis.errors import AnalysisError
from analysis.resources import resource

__all__ = [
    "Decisions",
    "MatchKind",
    "SentenceMatch",
    "decide",
    "kind_of",
    "match_sentences",
    "probabilities",
]

_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}


class MatchKind(StrEnum):
    """How a passage was carried over from one article to another."""

    VERBATIM = "verbatim"  # identical apart from case, punctuation and quote style
    EDITED = "edited"  # the same sentence with words changed, added or removed
    PARAPHRASE = "paraphrase"  # the same content in largely different words
    PARTIAL = "partial"  # one same specific fact, quotation or claim; one side says more


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """The verdict on two sentences that carry the same content.

    Attributes:
        kind: Verbatim, edited, paraphrase or partial ("shares a fact").
        score: Confidence 0–100 (100 × the model probability; 100 for verbatim).
    """

    kind: MatchKind
    score: float


@dataclass(frozen=True, slots=True)
class Decisions:
    """Verdicts for many pairs: ``matched[i]``, ``kinds[i]`` (codes 0–3), ``scores[i]``.

    ``contained[i]`` tells that the shorter sentence lies almost wholly inside the longer.
    """

    matched: NDArray[np.bool_]
    kinds: NDArray[np.int8]
    scores: NDArray[np.float64]
    contained: NDArray[np.bool_]


# Code 4 is a paraphrase found by the shared-fact stage (shared words, not word changes).
_KIND_CODES = (
    MatchKind.VERBATIM,
    MatchKind.EDITED,
    MatchKind.PARAPHRASE,
    MatchKind.PARTIAL,
    MatchKind.PARAPHRASE,
)


@cache
def _model() -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], float]:
    node = resource("models", "matcher.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnalysisError(
            "The sentence matcher model is missing or damaged; reinstall Slant.",
            code="analysis.model",
        ) from exc
    if list(data["features"]) != list(FEATURE_NAMES):
        raise AnalysisError(
            "The sentence matcher model does not fit this version of Slant.",
            code="analysis.model",
        )
    arrays = (np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef"))
    mean, scale, coef = arrays
    return mean, scale, coef, float(data["intercept"])


def probabilities(features: NDArray[np.float64]) -> NDArray[np.float64]:
    """Apply the shipped logistic regression to feature rows."""
    mean, scale, coef, intercept = _model()
    z = ((features - mean) / scale) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def decide(
    features: NDArray[np.float64],
    verbatim: NDArray[np.bool_],
    settings: AlignmentSettings,
    *,
    proba: NDArray[np.float64] | None = None,
) -> Decisions:
    """Decide match, kind and score for each feature row.

    A pair matches when it is verbatim, when the model (or, with ``scorer="ratio"``,
    the plain ratio) clears its threshold, or when the shorter sentence lies almost
    wholly inside the longer one (a trimmed sentence, or one half of a merged one).

    Args:
        features: Rows from :func:`~analysis.align.features.pair_features`.
        verbatim: Whether each pair's normalised strings are equal (and non-empty).
        settings: Thresholds.
        proba: Model probabilities to use instead of the shipped model's (for
            cross-validating the whole decision in ``benchmarks/train_matcher.py``).

    Returns:
        The verdicts.
    """
    n = len(features)
    if n == 0:
        return Decisions(np.zeros(0, bool), np.zeros(0, np.int8), np.zeros(0), np.zeros(0, bool))
    if settings.scorer == "ratio":
        score = features[:, _COL["ratio"]] * 100.0
        matched = score >= settings.min_score
    else:
        score = (probabilities(features) if proba is None else proba) * 100.0
        matched = score >= settings.min_probability * 100.0
    contained = _contained(features, settings)
    # A short sentence (under contained_min_words) with a content word of its own is a
    # different sentence however alike it looks ("We reject his visit/message").
    short = np.expm1(features[:, _COL["short_words"]]) < settings.contained_min_words - 0.5
    matched = matched & ~(short & (features[:, _COL["stem_min"]] < 1.0))
    matched = matched | contained | verbatim
    edited = contained | (features[:, _COL["word_indel"]] * 100 >= settings.edited_min_similarity)
    kinds = np.where(verbatim, 0, np.where(edited, 1, 2)).astype(np.int8)
    cover = _cover(features) * 100.0
    score = np.where(contained, np.maximum(score, cover * 0.99), score)
    score = np.where(verbatim, 100.0, np.minimum(np.round(score, 1), 99.9))
    return Decisions(matched, kinds, score, contained)


def _cover(features: NDArray[np.float64]) -> NDArray[np.float64]:
    """Share of the shorter sentence's words found, in order, in the longer one.

    From the word-level Indel similarity ``2·LCS / (m + n)`` and the two word counts.
    """
    shorter = np.expm1(features[:, _COL["short_words"]])
    longer = np.expm1(features[:, _COL["short_words"]] + features[:, _COL["length_gap"]])
    lcs = features[:, _COL["word_indel"]] * (shorter + longer) / 2.0
    cover: NDArray[np.float64] = np.divide(lcs, shorter, out=np.zeros(len(lcs)), where=shorter > 0)
    return cover


def _contained(features: NDArray[np.float64], settings: AlignmentSettings) -> NDArray[np.bool_]:
    """A trimmed sentence, or one half of a merged one: the shorter lies inside the longer."""
    shorter = np.expm1(features[:, _COL["short_words"]])
    enough = shorter >= settings.contained_min_words - 0.5
    result: NDArray[np.bool_] = enough & (_cover(features) >= settings.contained_min_cover)
    return result


def kind_of(code: int) -> MatchKind:
    """Return the :class:`MatchKind` for a code of :attr:`Decisions.kinds`."""
    return _KIND_CODES[code]


def match_sentences(
    a: str, b: str, settings: AlignmentSettings | None = None
) -> SentenceMatch | None:
    """Decide whether two sentences carry the same content, as the aligner does.

    Args:
        a: One sentence (or short passage).
        b: The other.
        settings: Thresholds; defaults when None.

    Returns:
        A :class:`SentenceMatch` with ``kind`` and ``score`` (0–100), or None when the
        two do not carry the same content (or either has no words).

    Example:
        >>> match_sentences("Officials said the bridge will close.",
        ...                 "Officials claimed the bridge will close.").kind
        <MatchKind.EDITED: 'edited'>
    """
    settings = settings or AlignmentSettings()
    tok_a, tok_b = tokenize(a), tokenize(b)
    if not tok_a.words or not tok_b.words:
        return None
    table = UnitTable.build([tok_a, tok_b])
    feats = pair_features(table, np.array([0]), np.array([1]))
    verbatim = np.array([tok_a.words == tok_b.words])
    verdict = decide(feats, verbatim, settings)
    if not verdict.matched[0]:
        return None
    return SentenceMatch(kind_of(int(verdict.kinds[0])), float(verdict.scores[0]))
