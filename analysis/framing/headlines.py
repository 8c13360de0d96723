"""Headline checks: loaded terms in each headline, and whether its body supports its claim.

The **main claim** is the headline's first clause (up to ``;``, ``:``, a dash or " as ").
Its content words ("units"; a hyphenated compound such as "Dravia-backed" is one unit whose
parts must all occur in the same sentence) are looked up in each body sentence, in the
outlet's own voice only (words inside quotation marks do not support a claim). Words match
on a crude stem (``marched`` = ``march``); "dozens", "hundreds" and "thousands" match a
number of that size.

* ``score``: share of the claim's units found in the best-matching body sentence (0–1);
* ``coverage``: share found in at least one body sentence;
* ``unsupported``: *key* units (proper names after the first word, and compounds) found
  in no body sentence — the claims a reader cannot check against the story itself;
* ``supported``: ``score ≥ 0.5`` and no unsupported key unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analysis.model import Article, Span
from analysis.terms.matcher import TermHit

__all__ = ["SUPPORT_THRESHOLD", "HeadlineCheck", "check_headline"]

SUPPORT_THRESHOLD = 0.5
_CLAUSE_END = re.compile(r"\s*[;:|—–]\s*|\s+-\s+|\s+as\s+", re.IGNORECASE)
_UNIT = re.compile(r"\d[\d,.]*\d|[\w’']+(?:-[\w’']+)*")
_NUMBER = re.compile(r"\d[\d,.]*")
_STOP = frozenset(
    "a an the of to in on at for by with from and or but as is are was were be been has have "
    "had its it this that these those their his her our over after before into out up about "
    "against amid says said new".split()
)
_IRREGULAR = {"laid": "lay", "lays": "lay", "hurt": "hurt", "fought": "fight", "sold": "sell"}
_SIZES = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 10**9)}


@dataclass(frozen=True, slots=True)
class HeadlineCheck:
    """One article's headline against its own body.

    Attributes:
        article: Article id.
        outlet: Outlet name.
        headline: Span of the headline.
        claim: Span of its main claim (first clause).
        loaded: Loaded-term hits inside the headline.
        score: Support of the claim by the best body sentence, 0–1.
        best_sentence: That sentence, or None when the body is empty.
        coverage: Share of claim units found somewhere in the body.
        unsupported: Spans (in the headline) of key units the body never supports.
        supported: ``score >= SUPPORT_THRESHOLD`` and nothing unsupported.
        shared_with: Other articles whose text is linked to this headline, with the
            strongest link's kind (``verbatim`` … ``partial`` for "shares a fact"), in
            input order; set by :func:`~analysis.framing.report.analyse_framing`.
    """

    article: str
    outlet: str
    headline: Span
    claim: Span
    loaded: tuple[TermHit, ...]
    score: float
    best_sentence: Span | None
    coverage: float
    unsupported: tuple[Span, ...]
    supported: bool
    shared_with: tuple[tuple[str, str], ...] = ()


def check_headline(
    article: Article,
    hits: Sequence[TermHit],
    loaded_categories: frozenset[str],
    quotes: Sequence[Span],
) -> HeadlineCheck:
    """Check an article's headline (see the module docstring for the rules).

    Args:
        article: The article.
        hits: Its term hits (those in loaded categories inside the headline are reported).
        loaded_categories: Names of loaded categories.
        quotes: Its direct-quotation spans (excluded from the body's support).
    """
    head = article.headline
    claim = _claim(article.text, head)
    units = [
        (Span(m.start(), m.end()), m.group())
        for m in _UNIT.finditer(article.text, claim.start, claim.end)
    ]
    units = [(s, w) for s, w in units if w.lower() not in _STOP]
    body = [s for s in article.sentences if s.start >= head.end]
    wanted = {_stem(part) for _, w in units for part in w.split("-")}
    sized = any(w.lower() in _SIZES for _, w in units)
    found = _body_words(article.text, body, quotes, wanted, sized)
    matched = [[_matches(w, words) for _, w in units] for words in found]
    best = max(range(len(body)), key=lambda i: sum(matched[i]), default=None)
    n = len(units) or 1
    score = sum(matched[best]) / n if best is not None else 0.0
    anywhere = [any(row[i] for row in matched) for i in range(len(units))]
    unsupported = tuple(
        span
        for (span, word), ok in zip(units, anywhere, strict=True)
        if not ok and _key(span, word, claim)
    )
    loaded = tuple(h for h in hits if h.category in loaded_categories and head.contains(h.span))
    return HeadlineCheck(
        article=article.id,
        outlet=article.outlet,
        headline=head,
        claim=claim,
        loaded=loaded,
        score=round(score, 3),
        best_sentence=body[best] if best is not None else None,
        coverage=round(sum(anywhere) / n, 3),
        unsupported=unsupported,
        supported=bool(units) and score >= SUPPORT_THRESHOLD and not unsupported,
    )


def _claim(text: str, head: Span) -> Span:
    cut = _CLAUSE_END.search(text, head.start, head.end)
    return Span(head.start, cut.start() if cut and cut.start() > head.start else head.end)


def _key(span: Span, word: str, claim: Span) -> bool:
    """Names after the first word, and compounds, carry the claim."""
    return "-" in word or (word[0].isupper() and span.start > claim.start)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w.rstrip("e") if len(w) > 3 else w


def _body_words(
    text: str, body: list[Span], quotes: Sequence[Span], wanted: set[str], sized: bool
) -> list[tuple[set[str], list[float]]]:
    """Per body sentence: the wanted stems and the numbers it has, outside quotations.

    One pass over the body; only stems of the claim are kept, so this is linear in the
    body's length.
    """
    rows: list[tuple[set[str], list[float]]] = [(set(), []) for _ in body]
    if not body:
        return rows
    starts = [s.start for s in body]
    ordered = sorted(quotes)
    quote_starts = [q.start for q in ordered]
    for m in _UNIT.finditer(text, body[0].start, body[-1].end):
        pos = m.start()
        i = bisect_right(starts, pos) - 1
        k = bisect_right(quote_starts, pos) - 1
        if i < 0 or pos >= body[i].end or (k >= 0 and pos < ordered[k].end):
            continue
        for part in m.group().split("-"):
            if sized and _NUMBER.fullmatch(part):
                rows[i][1].append(float(part.replace(",", "").rstrip(".") or 0))
            stem = _stem(part)
            if stem in wanted:
                rows[i][0].add(stem)
    return rows


def _matches(word: str, words: tuple[set[str], list[float]]) -> bool:
    stems, numbers = words
    size = _SIZES.get(word.lower())
    if size is not None:
        return any(size[0] <= x <= size[1] for x in numbers) or _stem(word) in stems
    return all(_stem(part) in stems for part in word.split("-"))
