"""Links between sentences that share a fact, next to the copy links (many-to-many).

The copy links keep their one-to-one rule; a shared fact is added where the shared-fact
model (:mod:`analysis.align.facts`) clears its threshold (a lower one when the two share a
rare word, a number or a word trigram) and no copy link joins the two sentences already. A
sentence may share facts with several sentences of another article (up to
``settings.fact_max_links``, the likeliest first). Where most of both sentences is shared
the link is a paraphrase, otherwise a partial link ("shares a fact").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from analysis.align.assign import TokenRange
from analysis.align.clusters import RawLink
from analysis.align.facts import (
    FACT_FEATURES,
    FactTable,
    fact_candidates,
    fact_features,
    fact_probabilities,
    shared_token_runs,
)
from analysis.align.settings import AlignmentSettings
from analysis.align.units import Units
from analysis.model import Span
from analysis.progress import CancelFn, ProgressFn, check_cancelled

__all__ = [
    "KIND_PARAPHRASE",
    "KIND_PARTIAL",
    "SPECIFIC_SHARE",
    "above_threshold",
    "asserts_something",
    "fact_links",
    "fact_table",
    "shared_spans",
    "specific",
]

KIND_PARAPHRASE = 4  # a paraphrase found here: located by shared words, not word changes
KIND_PARTIAL = 3
_W_MIN = FACT_FEATURES.index("w_min")
_W_MAX = FACT_FEATURES.index("w_max")
# Shared names alone are a shared topic, not a shared assertion (labels doc): a link
# needs a shared word that is no name, a shared number, or four words in a row (three
# are often just "the Altmark Federation").
_PLAIN, _NUMS, _TRI, _RARE = (
    FACT_FEATURES.index(f) for f in ("plain_shared", "nums_shared", "tri_shared", "n_rare")
)
# A pair with specific evidence (a rare word, a number or three words in a row in common)
# needs only this share of ``fact_min_probability`` (0.45 -> 0.37). Chosen on the train
# events, leave-one-event-out through the whole aligner (benchmarks/cv_facts.py): F1 0.526
# -> 0.544 at precision 0.70 (docs/alignment.md). The pairs that the sample's answer key
# keeps apart (loaded rewrites of the march) share no such thing, so the threshold for the
# other pairs stays where the key needs it.
SPECIFIC_SHARE = 0.82


def asserts_something(x: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Whether each pair shares more than names (rows of fact features)."""
    out: NDArray[np.bool_] = (x[:, _PLAIN] > 0) | (x[:, _NUMS] > 0) | (x[:, _TRI] > 1.0)
    return out


def specific(x: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Whether each pair shares a rare word, a number or a word trigram (fact features)."""
    out: NDArray[np.bool_] = (x[:, _RARE] > 0) | (x[:, _NUMS] > 0) | (x[:, _TRI] > 0)
    return out


def above_threshold(
    x: NDArray[np.float64],
    proba: NDArray[np.float64],
    threshold: float,
    share: float = SPECIFIC_SHARE,
) -> NDArray[np.bool_]:
    """Pairs that clear ``threshold``, or its ``share`` with specific evidence."""
    out: NDArray[np.bool_] = (proba >= threshold) | (specific(x) & (proba >= threshold * share))
    return out


def fact_table(units: Units) -> FactTable:
    """The fact bags of all units (headlines are the units of paragraph 0)."""
    return FactTable.build(units.tokens, units.article, np.asarray(units.paragraph == 0))


def fact_links(
    units: Units,
    facts: FactTable,
    copies: Sequence[RawLink],
    settings: AlignmentSettings,
    is_cancelled: CancelFn | None = None,
    progress: ProgressFn | None = None,
) -> list[RawLink]:
    """Return shared-fact links between whole units that no copy link joins.

    Args:
        units: All units.
        facts: The fact bags of the units.
        copies: The copy links already made.
        settings: Thresholds (``fact_*``).
        is_cancelled: Polled between steps.
        progress: Called with ``(fraction, label)`` while the sentence model reads.

    Returns:
        The new links, ``a`` in the earlier article.
    """
    if len(units) < 2 or settings.fact_min_probability >= 1.0:
        return []
    n_art = int(units.article.max()) + 1
    complete = n_art <= settings.complete_up_to
    # Many articles: a few partners per sentence suffice (clusters gather the rest), and
    # keep the link count, which drives the later steps' time, near the copy links'.
    per_unit = settings.fact_candidates if complete else settings.fact_max_links
    floor = settings.fact_min_cosine if complete else max(settings.fact_min_cosine, 0.1)
    ia, ib = fact_candidates(facts, units.article, per_unit, floor)
    check_cancelled(is_cancelled)
    if len(ia) == 0:
        return []
    x = fact_features(facts, ia, ib, units.article)
    proba = np.where(asserts_something(x), fact_probabilities(x), 0.0)
    check_cancelled(is_cancelled)
    share = SPECIFIC_SHARE
    if n_art <= settings.fact_context_up_to:
        proba, share = _context_rescore(units, facts, x, proba, (ia, ib), is_cancelled, progress)
    above = above_threshold(x, proba, settings.fact_min_probability, share)
    keep = _allowed(units, ia, ib, proba, above, copies, settings, complete=complete)
    paraphrase = (x[:, _W_MIN] >= settings.fact_paraphrase_share) & (
        x[:, _W_MAX] >= settings.fact_paraphrase_share
    )
    out = []
    for k in np.flatnonzero(keep).tolist():
        u, v = int(ia[k]), int(ib[k])
        kind = KIND_PARAPHRASE if paraphrase[k] else KIND_PARTIAL
        score = min(99.9, round(float(proba[k]) * 100.0, 1))
        out.append(RawLink(_whole(units, u), _whole(units, v), score, kind))
    return out


def _context_rescore(
    units: Units,
    facts: FactTable,
    x: NDArray[np.float64],
    proba: NDArray[np.float64],
    pairs: tuple[NDArray[np.intp], NDArray[np.intp]],
    is_cancelled: CancelFn | None,
    progress: ProgressFn | None,
) -> tuple[NDArray[np.float64], float]:
    """Probabilities with some pairs scored again by the contextual stage.

    The pairs with specific evidence outside the attribution frame
    (:mod:`analysis.align.fact_frame`) get the contextual stage's probability
    (:mod:`analysis.align.fact_context`); also returned: the share of the threshold that
    pairs with specific evidence need.
    """
    from analysis.align.fact_context import context_features, context_model, unit_texts
    from analysis.align.fact_frame import content_specific
    from analysis.text.context import load_context_model

    second = context_model()
    ia, ib = pairs
    mask = specific(x) & (proba > 0.0)
    candidates = np.flatnonzero(mask)
    mask[candidates] = content_specific(units.tokens, facts, ia[candidates], ib[candidates])
    if mask.any():
        extra = context_features(
            load_context_model(),
            unit_texts(units.tokens),
            ia[mask],
            ib[mask],
            is_cancelled,
            progress,
        )
        proba = proba.copy()
        proba[mask] = second.probabilities(x[mask], extra)
    return proba, second.specific_share


def _whole(units: Units, unit: int) -> TokenRange:
    return TokenRange(unit, 0, units.n_words[unit])


def _allowed(
    units: Units,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    proba: NDArray[np.float64],
    above: NDArray[np.bool_],
    copies: Sequence[RawLink],
    settings: AlignmentSettings,
    *,
    complete: bool,
) -> NDArray[np.bool_]:
    """Pairs ``above`` the threshold, not copy-linked, at most ``fact_max_links`` per side.

    With many articles (not ``complete``), a sentence already copied into an article
    gets no shared-fact link there: in wire copy those would only repeat the copy links,
    by the hundred thousand. (With few articles this rule would cost recall: train F1
    0.512 → 0.497.)
    """
    keep = np.zeros(len(proba), dtype=bool)
    todo = np.flatnonzero(above)
    todo = todo[~_copied(units, ia[todo], ib[todo], copies, complete=complete)]
    taken: dict[tuple[int, int], int] = defaultdict(int)
    art = units.article
    for k in todo[np.argsort(-proba[todo], kind="stable")].tolist():
        u, v = int(ia[k]), int(ib[k])
        side_u, side_v = (u, int(art[v])), (v, int(art[u]))
        if max(taken[side_u], taken[side_v]) >= settings.fact_max_links:
            continue
        keep[k] = True
        taken[side_u] += 1
        taken[side_v] += 1
    return keep


def _copied(
    units: Units,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    copies: Sequence[RawLink],
    *,
    complete: bool,
) -> NDArray[np.bool_]:
    """Pairs a copy link joins, and (not ``complete``) pairs of a sentence copied there.

    Vectorised: wire copy brings hundreds of thousands of copy links and of pairs.
    """
    n, art = len(units), units.article.astype(np.int64)
    n_art = int(art.max()) + 1 if n else 1
    near = np.zeros(n, dtype=bool)
    near[ia], near[ib] = True, True
    ca = np.fromiter((c.a.unit for c in copies), np.int64, len(copies))
    cb = np.fromiter((c.b.unit for c in copies), np.int64, len(copies))
    mine = near[ca] | near[cb]  # only copy links that touch these pairs matter
    ca, cb = ca[mine], cb[mine]
    u, v = ia.astype(np.int64), ib.astype(np.int64)
    out = _member(u * n + v, np.r_[ca * n + cb, cb * n + ca])
    if not complete:
        sides = np.r_[ca * n_art + art[cb], cb * n_art + art[ca]]
        out |= _member(u * n_art + art[v], sides) | _member(v * n_art + art[u], sides)
    return out


def _member(values: NDArray[np.int64], pool: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether each value is in ``pool`` (by sorting: np.isin hashes, slowly, here)."""
    if len(pool) == 0:
        return np.zeros(len(values), dtype=bool)
    pool = np.sort(pool)
    at = np.minimum(np.searchsorted(pool, values), len(pool) - 1)
    out: NDArray[np.bool_] = pool[at] == values
    return out


def shared_spans(
    units: Units,
    facts: FactTable,
    mine: TokenRange,
    theirs: TokenRange,
    cache: dict[tuple[int, int], list[tuple[int, int]]] | None = None,
) -> tuple[Span, ...]:
    """Character spans of the words of ``mine`` that carry what ``theirs`` shares.

    ``cache`` keeps the token runs per pair of distinct sentences (shared-fact links are
    whole sentences, and wire copy repeats them), keyed by the identity of their stems.
    """
    stems = facts.stems[mine.unit][mine.lo : mine.hi]
    other = facts.stems[theirs.unit][theirs.lo : theirs.hi]
    key = (id(facts.stems[mine.unit]), id(facts.stems[theirs.unit]))
    whole = len(stems) == len(facts.stems[mine.unit]) and len(other) == len(
        facts.stems[theirs.unit]
    )
    runs = cache.get(key) if whole and cache is not None else None
    if runs is None:
        runs = shared_token_runs(stems, other)
        if whole and cache is not None:
            cache[key] = runs
    offsets = units.tokens[mine.unit].offsets[mine.lo : mine.hi]
    return tuple(Span(offsets[lo][0], offsets[hi - 1][1]) for lo, hi in runs)
