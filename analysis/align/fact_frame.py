"""Specific evidence outside the attribution frame: which pairs the contextual stage rescores.

A pair of sentences has *specific evidence* when it shares a rare word, a number or a word
trigram (:func:`analysis.align.fact_links.specific`). Some of that evidence is only the
words that say who speaks: "Halden said the lease would bring investment" and "Reyk … said
the lease had been agreed without consulting workers" share the trigram "said the lease";
"…, according to several witnesses" and "…, according to witnesses" the rare word
"witnesses". Those words report a claim; they are not the claim, and a sentence model that
reads the two sentences as close would link two opposed claims. Only pairs with evidence
outside that frame go to the contextual stage (:mod:`analysis.align.fact_context`); the
others keep the lexical model's probability. Measured in ``benchmarks/fact_context.py
--frame`` (docs/alignment.md, session 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from analysis.align.facts import FactTable
from analysis.align.normalize import Tokens

__all__ = ["SPEECH_WORDS", "content_specific"]

#: Words that report speech ("said", "according"): trigrams holding one are no evidence.
SPEECH_WORDS = frozenset(
    """said says say told tells according argued argues claimed claims added adds insisted
    insists warned warns announced announces testified wrote writes tweeted explained
    explains acknowledged admitted contended asserted maintained alleged declared noted
    stressed suggested predicted vowed promised denied conceded countered responded replied
    asked urged""".split()
)
_SOURCE_REACH = 3  # words after "according to" that name the source


def content_specific(
    tokens: Sequence[Tokens], table: FactTable, ia: NDArray[np.intp], ib: NDArray[np.intp]
) -> NDArray[np.bool_]:
    """Whether each pair ``(ia[k], ib[k])`` shares specific evidence outside the frame.

    That is a shared number, a shared word trigram without a speech word, or a shared
    rare stem (in at most max(3, 2 %) of the units, as :class:`FactTable` counts rare) that
    each sentence has outside "according to" and the three words after it.

    Args:
        tokens: Each unit's tokens.
        table: The units' fact table (stems and numbers).
        ia: First unit of each pair.
        ib: Second unit of each pair.

    Returns:
        One flag per pair.
    """
    units = np.unique(np.r_[ia, ib]).tolist()
    evidence = {u: _evidence(tokens[u], table.stems[u]) for u in units}
    df: dict[str, int] = {}
    for stems in table.stems:
        for s in {s for s in stems if s}:
            df[s] = df.get(s, 0) + 1
    limit = max(3.0, 0.02 * max(1, len(table.stems)))
    nums = np.asarray(table.nums[ia].multiply(table.nums[ib]).sum(axis=1)).ravel() > 0
    out = np.zeros(len(ia), dtype=bool)
    for k, (a, b) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        (tri_a, free_a), (tri_b, free_b) = evidence[a], evidence[b]
        rare = any(df.get(s, 0) <= limit for s in free_a & free_b)
        out[k] = bool(nums[k]) or rare or not tri_a.isdisjoint(tri_b)
    return out


def _evidence(tokens: Tokens, stems: Sequence[str | None]) -> tuple[frozenset[str], frozenset[str]]:
    """A unit's trigrams without a speech word, and its stems outside "according to …"."""
    w = tokens.words
    tri = frozenset(
        " ".join(w[i : i + 3]) for i in range(len(w) - 2) if SPEECH_WORDS.isdisjoint(w[i : i + 3])
    )
    frame: set[int] = set()
    for i, (a, b) in enumerate(pairwise(w)):
        if a == "according" and b == "to":
            frame.update(range(i, min(len(w), i + 2 + _SOURCE_REACH)))
    return tri, frozenset(s for k, s in enumerate(stems) if s and k not in frame)
