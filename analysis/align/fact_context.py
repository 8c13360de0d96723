"""A second, contextual look at the pairs that share specific evidence (issue #9).

The lexical shared-fact model sees a shared fact only through shared words. For the pairs
that already share something specific outside the attribution frame (a rare word, a number
or a word trigram; :mod:`analysis.align.fact_frame`), a small
sentence model (:mod:`analysis.text.context`) adds what the rest of the two sentences say:
the cosine of their sentence vectors and how well each sentence's word pieces are covered,
in context, by the other's (a BERTScore-like score, idf-weighted within the comparison).
A second logistic regression over the lexical and these features
(``resources/models/facts_context.json``, ``benchmarks/fact_context.py``) replaces the
lexical probability of those pairs; the other pairs keep the lexical model, which is what
keeps the sample's loaded rewrites apart (docs/alignment.md). Chosen by a rule fixed on the
BASIL train events before any held-out look (docs/alignment.md, session 7).

The stage runs only for comparisons of up to ``settings.fact_context_up_to`` articles (the
model reads about 225 sentences a second on two cores: a 12-article comparison takes about
2 s, where the lexical stages take 0.15 s).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from analysis.align.facts import FACT_FEATURES
from analysis.align.normalize import Tokens
from analysis.errors import AnalysisError
from analysis.progress import CancelFn, ProgressFn
from analysis.resources import resource
from analysis.text.context import ContextModel, Encoded

__all__ = ["CONTEXT_FEATURES", "ContextFactModel", "context_features", "context_model"]

#: Features the sentence model adds, in model order.
CONTEXT_FEATURES = ("ctx_cos", "ctx_cover_hi", "ctx_cover_lo")


@dataclass(frozen=True, slots=True)
class ContextFactModel:
    """The shipped second-stage model; build with :meth:`from_json`.

    Attributes:
        features: Its feature names (lexical ones, then some of :data:`CONTEXT_FEATURES`).
        mean: Per-feature mean of the standardisation.
        scale: Per-feature scale of the standardisation.
        coef: Logistic-regression coefficients of the standardised features.
        intercept: Its intercept.
        specific_share: Share of ``fact_min_probability`` that a pair with specific
            evidence needs.
    """

    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    coef: NDArray[np.float64]
    intercept: float
    specific_share: float

    @classmethod
    def from_json(cls, text: str) -> ContextFactModel:
        """Parse the model file.

        Raises:
            AnalysisError: The file is damaged or does not fit this version.
        """
        try:
            data = json.loads(text)
            features = tuple(str(f) for f in data["features"])
            mean, scale, coef = (
                np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")
            )
            intercept, share = float(data["intercept"]), float(data["specific_share"])
        except (ValueError, KeyError, TypeError) as exc:
            raise AnalysisError(
                "The contextual shared-fact model is damaged; reinstall Slant.",
                code="analysis.model",
            ) from exc
        lexical, extra = features[: len(FACT_FEATURES)], features[len(FACT_FEATURES) :]
        if lexical != FACT_FEATURES or not set(extra) <= set(CONTEXT_FEATURES):
            raise AnalysisError(
                "The contextual shared-fact model does not fit this version of Slant.",
                code="analysis.model",
            )
        if not len(features) == len(mean) == len(scale) == len(coef):
            raise AnalysisError(
                "The contextual shared-fact model is damaged; reinstall Slant.",
                code="analysis.model",
            )
        return cls(features, mean, scale, coef, intercept, share)

    def probabilities(
        self, lexical: NDArray[np.float64], context: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """Probabilities for rows of lexical features and of :data:`CONTEXT_FEATURES`."""
        cols = [CONTEXT_FEATURES.index(f) for f in self.features[len(FACT_FEATURES) :]]
        x = np.hstack([lexical, context[:, cols]])
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        out: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
        return out


@lru_cache(maxsize=1)
def context_model() -> ContextFactModel:
    """The shipped second-stage model (read once).

    Raises:
        AnalysisError: The model file is missing or damaged.
    """
    try:
        text = resource("models", "facts_context.json").read_text(encoding="utf-8")
    except OSError as exc:
        raise AnalysisError(
            "The contextual shared-fact model is missing; reinstall Slant.", code="analysis.model"
        ) from exc
    return ContextFactModel.from_json(text)


def unit_texts(tokens: Sequence[Tokens]) -> list[str]:
    """What the sentence model reads of each unit: its case-folded words.

    The model is uncased, and this is what was measured.
    """
    return [" ".join(t.words) for t in tokens]


def context_features(
    model: ContextModel,
    texts: Sequence[str],
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    is_cancelled: CancelFn | None = None,
    progress: ProgressFn | None = None,
) -> NDArray[np.float64]:
    """One row of :data:`CONTEXT_FEATURES` per unit pair ``(ia[k], ib[k])``.

    Only the units of the pairs are run through the model; the idf weights of the word
    pieces count every unit of the comparison.
    """
    out = np.zeros((len(ia), len(CONTEXT_FEATURES)))
    if len(ia) == 0:
        return out
    needed = np.unique(np.r_[ia, ib])
    encoded = model.encode([texts[u] for u in needed.tolist()], is_cancelled, progress)
    row = {int(u): k for k, u in enumerate(needed.tolist())}
    weights = _piece_weights(model, texts, needed)
    for k, (a, b) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        ra, rb = row[a], row[b]
        out[k, 0] = float(encoded.sentence[ra] @ encoded.sentence[rb])
        out[k, 1], out[k, 2] = _coverage(encoded, weights, ra, rb)
    return out


def _piece_weights(
    model: ContextModel, texts: Sequence[str], needed: NDArray[np.intp]
) -> list[NDArray[np.float64]]:
    """Idf of each needed unit's word pieces over all units (a piece counted once a unit)."""
    ids = model.piece_ids(list(texts))
    df: dict[int, int] = {}
    for piece in ids:
        for i in set(piece.tolist()):
            df[i] = df.get(i, 0) + 1
    n = len(texts)
    return [
        np.array([np.log((n + 1) / (df[i] + 1)) for i in ids[u].tolist()], dtype=np.float64)
        for u in needed.tolist()
    ]


def _coverage(
    encoded: Encoded, weights: list[NDArray[np.float64]], ra: int, rb: int
) -> tuple[float, float]:
    """(better, worse) idf-weighted mean of each side's pieces' best cosine to the other."""
    sa, sb = encoded.tokens[ra], encoded.tokens[rb]
    if len(sa) == 0 or len(sb) == 0:
        return 0.0, 0.0
    sim = sa @ sb.T
    wa, wb = weights[ra], weights[rb]
    ca = float((sim.max(axis=1) * wa).sum() / max(float(wa.sum()), 1e-9))
    cb = float((sim.max(axis=0) * wb).sum() / max(float(wb.sum()), 1e-9))
    return max(ca, cb), min(ca, cb)
