"""Qt-free builders of the Framing view's other tables.

Headlines, sentiment, frames, readability and distinctive vocabulary (the first tables
are in :mod:`desktop.views.framing_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from analysis.result import ComparisonResult
from desktop.models.framing import Cell, Table
from desktop.views.framing_tables import excerpt

__all__ = [
    "frames_table",
    "headlines_table",
    "readability_table",
    "sentiment_table",
    "vocabulary_table",
]

_METRICS = (
    ("Words", "words", 0, "Words counted by textstat."),
    ("Sentences", "sentences", 0, "Sentences as Slant splits them."),
    ("Words per sentence", "words_per_sentence", 1, "Longer sentences read harder."),
    ("Flesch reading ease", "flesch_reading_ease", 1, "Higher is easier; 60–70 is plain."),
    ("Flesch–Kincaid grade", "flesch_kincaid_grade", 1, "US school grade needed."),
    ("Gunning fog", "gunning_fog", 1, "Years of schooling needed."),
    ("SMOG", "smog", 1, "Years of schooling (needs 3 sentences or more)."),
    ("Dale–Chall", "dale_chall", 1, "9–9.9 ≈ college level."),
)


def _text(result: ComparisonResult, article: str, start: int, end: int) -> str:
    try:
        return result.article(article).text[start:end]
    except KeyError:
        return ""


def headlines_table(result: ComparisonResult) -> Table:
    """Headlines side by side with their loaded terms and how well their body supports them."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    for check in framing.headlines:
        head = _text(result, check.article, check.headline.start, check.headline.end)
        loaded = ", ".join(_text(result, check.article, h.start, h.end) for h in check.loaded)
        first_loaded = check.loaded[0] if check.loaded else None
        best = check.best_sentence
        best_text = _text(result, check.article, best.start, best.end) if best else ""
        gaps = ", ".join(_text(result, check.article, s.start, s.end) for s in check.unsupported)
        verdict = "yes" if check.supported else "no" + (f" (body lacks: {gaps})" if gaps else "")
        rows.append(
            (
                Cell(check.outlet),
                Cell(head, tooltip=head, evidence=(check.article, *_pair(check.headline))),
                Cell(
                    loaded or "—",
                    tooltip=loaded or "No loaded term in the headline.",
                    evidence=(check.article, first_loaded.start, first_loaded.end)
                    if first_loaded
                    else None,
                ),
                Cell.number(check.score, 2, tooltip="Support of the headline's main claim, 0–1."),
                Cell(verdict, tooltip=verdict, strong=not check.supported),
                Cell(
                    excerpt(best_text, 90),
                    tooltip=best_text,
                    evidence=(check.article, *_pair(best)) if best else None,
                ),
                Cell(_shared_with(result, check.shared_with)),
            )
        )
    headers = (
        "Outlet", "Headline", "Loaded terms", "Support", "Supported", "Best body match",
        "Linked to the headline in",
    )  # fmt: skip
    note = (
        "Support: content overlap between the headline's main claim and the best-matching "
        "sentence of the same article's body (0–1). Linked: the other outlets whose text "
        "carries the headline, and how (verbatim … shares a fact)."
    )
    return Table(headers, tuple(rows), note, stretch=5)


_KIND_WORDS = {"partial": "shares a fact"}


def _shared_with(result: ComparisonResult, shared: Sequence[tuple[str, str]]) -> str:
    """Outlets linked to a headline, each with its link's kind ("shares a fact" …)."""
    names = {a.id: a.outlet for a in result.articles}
    return ", ".join(
        f"{names.get(aid, aid)} ({_KIND_WORDS.get(kind, kind)})" for aid, kind in shared
    )


def _pair(span: Any) -> tuple[int, int]:
    return int(span.start), int(span.end)


def sentiment_table(result: ComparisonResult) -> Table:
    """Mean sentence sentiment per article (VADER, a rough lexicon measure)."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    for item in framing.articles:
        s = item.sentiment
        rows.append(
            (
                Cell(item.outlet),
                Cell.number(s.compound, 3),
                Cell.number(100 * s.positive, 0),
                Cell.number(100 * s.negative, 0),
                Cell.number(s.sentences, 0),
            )
        )
    headers = ("Outlet", "Mean compound (−1…+1)", "% positive sentences", "% negative sentences",
               "Sentences")  # fmt: skip
    method = str(getattr(framing, "sentiment_method", "VADER"))
    if "rough" not in method.lower():
        method += " (rough lexicon measure)"
    note = f"{method}. Read differences between outlets, not absolute values."
    return Table(headers, tuple(rows), note)


def frames_table(result: ComparisonResult) -> Table:
    """Frame emphasis: hits of each policy-frame dimension per outlet, and their share."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    frames = framing.frames
    dims = [name for name, _, _ in frames[0].counts] if frames else []
    rows = []
    for dim in dims:
        shares = [f.share(dim) for f in frames]
        if not any(shares):
            continue
        top = max(shares)
        cells = [Cell(dim.replace("_", " "))]
        for f, share in zip(frames, shares, strict=True):
            own, quoted = next((o, q) for n, o, q in f.counts if n == dim)
            hits = [h for h in f.hits if h.category == dim]
            words = ", ".join(sorted({h.term for h in hits}))
            first = (hits[0].article, hits[0].start, hits[0].end) if hits else None
            text = f"{100 * share:.0f}%  ({own} own, {quoted} quoted)"
            strong = share == top and share > 0
            cells.append(Cell(text, share, words or "none", first, strong))
        rows.append(tuple(cells))
    note = (
        "Share of each outlet's frame words per dimension (Policy Frames Codebook); "
        "bold = the outlet that stresses it most. Hover for the words."
    )
    return Table(("Frame", *(f.outlet for f in frames)), tuple(rows), note)


def readability_table(result: ComparisonResult) -> Table:
    """Readability scores per article (textstat); unavailable ones say why."""
    section = result.readability
    if section is None:
        return Table((), ())
    items = {r.article: r for r in getattr(section, "articles", section)}
    rows = []
    for label, attr, digits, tip in _METRICS:
        cells = [Cell(label, tooltip=tip)]
        for article in result.articles:
            item = items.get(article.id)
            value = getattr(item, attr, None) if item is not None else None
            reason = getattr(item, "reason", None) or "Not computed."
            cells.append(Cell.number(value, digits, tooltip=tip if value is not None else reason))
        rows.append(tuple(cells))
    outlets = tuple(a.outlet for a in result.articles)
    return Table(("Measure", *outlets), tuple(rows), "Computed offline with textstat.")


def vocabulary_table(result: ComparisonResult, *, tfidf: bool = False) -> Table:
    """Distinctive words per outlet, best first (log-odds z-scores or TF-IDF weights)."""
    section = result.distinctive_terms
    if section is None:
        return Table((), ())
    by_id = {v.article: v for v in section.articles}
    columns = [by_id.get(a.id) for a in result.articles]
    lists = [() if v is None else (v.tfidf if tfidf else v.log_odds) for v in columns]
    depth = max((len(x) for x in lists), default=0)
    rows = []
    for rank in range(depth):
        cells = [Cell.number(rank + 1, 0)]
        for article, terms in zip(result.articles, lists, strict=True):
            if rank >= len(terms):
                cells.append(Cell(""))
                continue
            t = terms[rank]
            label = "weight" if tfidf else "z"
            counts = ", ".join(f"{result.article(a).outlet} {n}" for a, n in t.counts if n)
            evidence = _first_use(article.text, t.term)
            cells.append(
                Cell(
                    f"{t.term}  ({label} {t.score:.2f})",
                    t.term,
                    f"“{t.term}”: {counts}",
                    (article.id, *evidence) if evidence else None,
                )
            )
        rows.append(tuple(cells))
    method = "TF-IDF weight" if tfidf else str(getattr(section, "method", "weighted log-odds"))
    return Table(("Rank", *(a.outlet for a in result.articles)), tuple(rows), method)


def _first_use(text: str, word: str) -> tuple[int, int] | None:
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    return (found.start(), found.end()) if found else None
