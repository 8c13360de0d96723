"""Specific evidence outside the attribution frame (issue #9; study).

The contextual stage of ``fact_context.py`` rescores the pairs with *specific evidence*: a
shared rare word, number or word trigram (``analysis.align.fact_links.specific``). Two of
the answer key's hardest negatives qualify only through the words that say who speaks:
"Halden said the lease would bring investment" and "Reyk … said the lease had been agreed
without consulting workers" share the trigram "said the lease"; "… according to several
witnesses" and "… according to witnesses" share the rare word "witnesses". Those words
report a claim; they are not the claim. ``content_specific`` is 1 when the pair shares
specific evidence outside that frame:

- a number;
- a word trigram without a speech verb ("said", "told", "according", "claimed", …);
- a rare stem (as the lexical features define rare: in at most max(3, 2 %) of the
  comparison's units) that each sentence has outside an "according to" phrase (the two
  words and the three after them).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from analysis.align.facts import FactTable
from analysis.align.normalize import Tokens

__all__ = ["CLAIM_FEATURES", "SPEECH", "claim_features", "content_evidence"]

CLAIM_FEATURES = ("content_specific",)

SPEECH = frozenset(
    """said says say told tells according argued argues claimed claims added adds insisted
    insists warned warns announced announces testified wrote writes tweeted explained
    explains acknowledged admitted contended asserted maintained alleged declared noted
    stressed suggested predicted vowed promised denied conceded countered responded replied
    asked urged""".split()
)
_SOURCE_REACH = 3  # words after "according to" that name the source


def content_evidence(
    tokens: Sequence[Tokens], stems: Sequence[Sequence[str | None]]
) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per unit: its word trigrams without a speech verb, and its stems outside "according
    to" phrases."""
    out = []
    for t, st in zip(tokens, stems, strict=True):
        w = t.words
        tri = frozenset(
            " ".join(w[i : i + 3]) for i in range(len(w) - 2) if SPEECH.isdisjoint(w[i : i + 3])
        )
        frame = set()
        for i, (a, b) in enumerate(pairwise(w)):
            if a == "according" and b == "to":
                frame.update(range(i, min(len(w), i + 2 + _SOURCE_REACH)))
        free = frozenset(s for k, s in enumerate(st) if s and k not in frame)
        out.append((tri, free))
    return tuple(out)


def claim_features(
    evidence: Sequence[tuple[frozenset[str], frozenset[str]]],
    table: FactTable,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
) -> NDArray[np.float64]:
    """One row of :data:`CLAIM_FEATURES` per unit pair ``(ia[k], ib[k])``."""
    n = max(1, len(table.stems))
    df: dict[str, int] = {}
    for st in table.stems:
        for s in {s for s in st if s}:
            df[s] = df.get(s, 0) + 1
    limit = max(3.0, 0.02 * n)
    nums = np.asarray(table.nums[ia].multiply(table.nums[ib]).sum(axis=1)).ravel() > 0
    out = np.zeros((len(ia), len(CLAIM_FEATURES)))
    for k, (a, b) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        (ta, fa), (tb, fb) = evidence[a], evidence[b]
        rare = any(df.get(s, 0) <= limit for s in fa & fb)
        out[k, 0] = nums[k] or rare or not ta.isdisjoint(tb)
    return out
