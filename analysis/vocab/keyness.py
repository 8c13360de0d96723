"""Keyness per outlet against the others: log-likelihood G², its p-value and the log ratio.

The measures corpus linguists know from AntConc and Wordless. For a word, with ``a`` uses in
the outlet's articles (``c`` words in all) and ``b`` uses in every other outlet's (``d``
words), the expected counts are ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)`` and

    G² = 2 (a ln(a/E1) + b ln(b/E2))            (a term with a zero count is 0)
    p  = P(χ²₁ ≥ G²) = erfc(√(G²/2))
    log ratio = log₂((a/c) / (b/d))              (a zero count is taken as 0.5; Hardie 2014)

(Rayson & Garside 2000; Hardie 2014.) A positive log ratio means the outlet uses the word
more than the others; each doubling adds 1. Words are lower-cased runs of two or more
letters (inner apostrophes and hyphens kept), as in :mod:`analysis.vocab.distinctive`, with
no stop list: keyness tables keep function words, which often carry the slant ("so-called").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Article
from analysis.progress import CancelFn, check_cancelled

__all__ = ["KeyTerm", "OutletKeyness", "g2", "keyness", "log_ratio", "p_value", "word_counts"]

_WORD = re.compile(r"\b[^\W\d_][^\W\d_]+(?:['’-][^\W\d_]+)*\b")


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """One word of an outlet against the others, with the raw counts behind the measures.

    Attributes:
        term: The word, lower case.
        count: Uses in the outlet's articles (``a``).
        other_count: Uses in the other outlets' articles (``b``).
        g2: Log-likelihood G².
        p_value: Chance of a G² this large with one degree of freedom.
        log_ratio: log₂ of the ratio of relative frequencies (positive: used more here).
    """

    term: str
    count: int
    other_count: int
    g2: float
    p_value: float
    log_ratio: float


@dataclass(frozen=True, slots=True)
class OutletKeyness:
    """The key words of one outlet, strongest G² first.

    Attributes:
        outlet: The outlet name.
        articles: Ids of its articles.
        words: Words in its articles (``c``).
        other_words: Words in the other outlets' articles (``d``).
        terms: Key words with ``p_value`` at most the threshold asked for.
    """

    outlet: str
    articles: tuple[str, ...]
    words: int
    other_words: int
    terms: tuple[KeyTerm, ...]


def word_counts(text: str) -> Counter[str]:
    """Count the lower-cased words of a text (runs of two or more letters)."""
    return Counter(m.group().lower().replace("’", "'") for m in _WORD.finditer(text))


def g2(a: int, b: int, c: int, d: int) -> float:
    """Log-likelihood G² of ``a`` uses in ``c`` words against ``b`` uses in ``d`` words."""
    total = a + b
    if total == 0 or c == 0 or d == 0:
        return 0.0
    e1, e2 = c * total / (c + d), d * total / (c + d)
    return 2.0 * (_part(a, e1) + _part(b, e2))


def _part(observed: int, expected: float) -> float:
    return observed * math.log(observed / expected) if observed else 0.0


def p_value(g2_value: float) -> float:
    """Upper tail of χ² with one degree of freedom at ``g2_value``."""
    return math.erfc(math.sqrt(max(0.0, g2_value) / 2.0))


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """log₂ of ``(a/c) / (b/d)``, a zero count taken as 0.5 (Hardie 2014)."""
    if c == 0 or d == 0:
        return 0.0
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def keyness(
    articles: Sequence[Article],
    *,
    min_count: int = 3,
    max_p: float = 0.05,
    top: int | None = 50,
    is_cancelled: CancelFn | None = None,
) -> tuple[OutletKeyness, ...]:
    """Key words of each outlet against all the others (articles grouped by outlet).

    Args:
        articles: The articles; those of one outlet are counted together.
        min_count: Least uses of a word in all articles together for it to be tested.
        max_p: Largest p-value kept (1.0 keeps every tested word).
        top: Most words kept per outlet (None keeps all).
        is_cancelled: Polled once per outlet.

    Returns:
        One entry per outlet in order of first appearance; empty with fewer than two outlets.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    groups: dict[str, list[Article]] = {}
    for art in articles:
        groups.setdefault(art.outlet, []).append(art)
    if len(groups) < 2:
        return ()
    counts = {o: sum((word_counts(a.text) for a in arts), Counter()) for o, arts in groups.items()}
    everywhere = sum(counts.values(), Counter())
    grand = sum(everywhere.values())
    out = []
    for outlet, own in counts.items():
        check_cancelled(is_cancelled)
        c = sum(own.values())
        d = grand - c
        terms = []
        for term, total in everywhere.items():
            if total < min_count:
                continue
            a = own.get(term, 0)
            value = g2(a, total - a, c, d)
            p = p_value(value)
            if p <= max_p:
                terms.append(KeyTerm(term, a, total - a, value, p, log_ratio(a, total - a, c, d)))
        terms.sort(key=lambda t: (-t.g2, t.term))
        ids = tuple(a.id for a in groups[outlet])
        out.append(OutletKeyness(outlet, ids, c, d, tuple(terms[:top] if top else terms)))
    return tuple(out)
