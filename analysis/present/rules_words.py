"""Key-finding rules about words: loaded word choices on one fact, loaded-term rates."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from statistics import median

from analysis.align.values import ChangeKind
from analysis.present.labels import quoted
from analysis.present.values import Evidence, Finding, FindingContext
from analysis.terms.matcher import TermHit

__all__ = ["MAX_SWAP_WORDS", "MIN_LOADED", "RATE_RATIO", "loaded_rate_finding", "wording_finding"]

MAX_SWAP_WORDS = 3  # a swap of more words is a rewrite, not a word choice
MIN_LOADED = 5  # an outlet's own-voice loaded terms must be at least this many ...
RATE_RATIO = 2.0  # ... and at least this many times the median rate of the others


def _loaded_hits(ctx: FindingContext) -> dict[str, list[TermHit]]:
    terms = ctx.result.terms
    if terms is None:
        return {}
    # Attribution verbs are loaded too, but their contrasts are the verb findings' job:
    # a word any lexicon files as an attribution verb is left to them.
    loaded = {c.name for c in terms.categories if c.loaded and not c.name.startswith("verbs_")}
    verbs = {(h.article, h.start, h.end) for h in terms.hits if h.category.startswith("verbs_")}
    out: dict[str, list[TermHit]] = {}
    for hit in terms.hits:
        if hit.category in loaded and (hit.article, hit.start, hit.end) not in verbs:
            out.setdefault(hit.article, []).append(hit)
    for hits in out.values():
        hits.sort(key=lambda h: h.start)
    return out


def _loaded_in(hits: Sequence[TermHit], start: int, end: int) -> bool:
    """Whether loaded terms make up at least half of ``[start, end)`` (the swap is them)."""
    i = bisect_left([h.end for h in hits], start + 1)
    covered = 0
    while i < len(hits) and hits[i].start < end:
        covered += min(end, hits[i].end) - max(start, hits[i].start)
        i += 1
    return covered > 0 and 2 * covered >= end - start


def wording_finding(ctx: FindingContext, examples: int = 3) -> list[Finding]:
    """Word swaps on one same passage where one side is a loaded lexicon term.

    Rule: a replacement inside a link between two outlets' versions of one passage, at most
    :data:`MAX_SWAP_WORDS` words on each side, where loaded terms (of a category flagged
    loaded) make up at least half of one side and the two sides differ.
    """
    alignment = ctx.result.alignment
    hits = _loaded_hits(ctx)
    if alignment is None or not hits:
        return []
    seen: dict[tuple[str, str], tuple[Evidence, Evidence]] = {}
    for link in alignment.links:
        ha, hb = hits.get(link.a.article, []), hits.get(link.b.article, [])
        for ch in link.changes:
            if ch.kind is not ChangeKind.REPLACE:
                continue
            wa = ctx.words(link.a.article, ch.a_start, ch.a_end).strip()
            wb = ctx.words(link.b.article, ch.b_start, ch.b_end).strip()
            if not wa or not wb or wa.lower() == wb.lower():
                continue
            if max(len(wa.split()), len(wb.split())) > MAX_SWAP_WORDS:
                continue
            if _loaded_in(ha, ch.a_start, ch.a_end) or _loaded_in(hb, ch.b_start, ch.b_end):
                key = (wa.lower(), wb.lower())
                seen.setdefault(
                    key,
                    (
                        ctx.evidence(link.a.article, ch.a_start, ch.a_end),
                        ctx.evidence(link.b.article, ch.b_start, ch.b_end),
                    ),
                )
    if not seen:
        return []
    shown = list(seen.values())[:examples]
    parts = [
        f"{_said(ctx, a)} ({a.label}) where {b.label} writes {_said(ctx, b)}" for a, b in shown
    ]
    count = f"In {len(seen)} places" if len(seen) > 1 else "In one place"
    text = (
        f"{count} outlets word the same passage differently and one side uses a loaded "
        f"term: {'; '.join(parts)}."
    )
    return [Finding("wording", text, tuple(e for pair in shown for e in pair))]


def _said(ctx: FindingContext, ev: Evidence) -> str:
    return quoted(ctx.words(ev.article, ev.start, ev.end), 40)


def loaded_rate_finding(ctx: FindingContext) -> list[Finding]:
    """An outlet using loaded terms in its own voice far more often than the others.

    Rule: at least :data:`MIN_LOADED` own-voice loaded terms and a rate per 1,000 words
    at least :data:`RATE_RATIO` times the median rate of the other outlets.
    """
    terms = ctx.result.terms
    if terms is None or ctx.count < 2:
        return []
    rates = {r.article: r.loaded for r in terms.rates if r.article in ctx.articles}
    found = []
    for article, rate in rates.items():
        others = [r.own for a, r in rates.items() if a != article]
        if not others or rate.own_count < MIN_LOADED:
            continue
        mid = median(others)
        if rate.own >= RATE_RATIO * mid and rate.own > mid:
            found.append((rate.own, article, mid))
    if not found:
        return []
    own, article, mid = max(found, key=lambda f: (f[0], -ctx.order(f[1])))
    hits = [h for h in _loaded_hits(ctx).get(article, []) if not h.in_quote]
    words = dict.fromkeys(ctx.words(article, h.start, h.end).lower() for h in hits)
    examples = ", ".join(quoted(w) for w in list(words)[:3])
    text = (
        f"{ctx.labels[article]} uses loaded terms in its own voice {own:.1f} times per "
        f"1,000 words (e.g. {examples}); the other outlets' median is {mid:.1f}."
    )
    ev = tuple(ctx.evidence(article, h.start, h.end) for h in hits[:4])
    return [Finding("loaded", text, ev)]
