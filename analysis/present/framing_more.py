"""Tables of the app's Framing view, continued.

Headlines, sentiment, frames, readability and distinctive vocabulary (the first tables
are in :mod:`analysis.present.framing_tables`). Outlets are named by
:func:`~analysis.present.labels.outlet_labels`, as in the reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from analysis.framing.headlines import HeadlineCheck
from analysis.model import Span
from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Evidence, Table, excerpt, span_text
from analysis.present.vocab_tables import vocabulary_table
from analysis.readability import Readability
from analysis.result import ComparisonResult

__all__ = [
    "READABILITY_MEASURES",
    "READABILITY_NOTE",
    "frames_table",
    "headlines_table",
    "readability_table",
    "sentiment_table",
    "vocabulary_table",
]

_Measure = Callable[[Readability], float | None]
#: Readability measures: name, value of an article's scores, decimals, what it means.
READABILITY_MEASURES: tuple[tuple[str, _Measure, int, str], ...] = (
    ("Words", lambda r: r.words, 0, "Words counted by textstat."),
    ("Sentences", lambda r: r.sentences, 0, "Sentences as Slant splits them."),
    ("Words per sentence", lambda r: r.words_per_sentence, 1, "Longer sentences read harder."),
    ("Flesch reading ease", lambda r: r.flesch_reading_ease, 1,
     "Higher is easier; 60–70 is plain."),
    ("Flesch–Kincaid grade", lambda r: r.flesch_kincaid_grade, 1, "US school grade needed."),
    ("Gunning fog", lambda r: r.gunning_fog, 1, "Years of schooling needed."),
    ("SMOG", lambda r: r.smog, 1, "Years of schooling (needs 3 sentences or more)."),
    ("Dale–Chall", lambda r: r.dale_chall, 1, "9–9.9 ≈ college level."),
)  # fmt: skip


#: What the readability table's figures mean and where they are not computed.
READABILITY_NOTE = (
    "Computed offline with textstat. Higher reading ease is easier; the grade measures give "
    "the US school grade a reader needs. All measures for English; German, Spanish, French, "
    "Italian, Dutch and Russian get Flesch reading ease only, other languages are marked n/a "
    "with the reason."
)


def headlines_table(result: ComparisonResult) -> Table:
    """Headlines side by side with their loaded terms and how well their body supports them."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    labels = outlet_labels(result.articles)
    rows = tuple(
        _headline_row(result, check, labels.get(check.article, check.outlet))
        for check in framing.headlines
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
    return Table(headers, rows, note, stretch=5)


def _headline_row(result: ComparisonResult, check: HeadlineCheck, label: str) -> tuple[Cell, ...]:
    aid = check.article
    head = span_text(result, aid, check.headline.start, check.headline.end)
    # One word hit by two categories (a label the learned model also flags) is listed once.
    spans = dict.fromkeys((h.start, h.end) for h in check.loaded)
    loaded = ", ".join(span_text(result, aid, start, end) for start, end in spans)
    first_loaded = check.loaded[0] if check.loaded else None
    best = check.best_sentence
    best_text = span_text(result, aid, best.start, best.end) if best else ""
    gaps = ", ".join(span_text(result, aid, s.start, s.end) for s in check.unsupported)
    verdict = "yes" if check.supported else "no" + (f" (body lacks: {gaps})" if gaps else "")
    if not head.strip():
        verdict = "– (no headline)"  # the text opens with its lead: nothing to bear out
    return (
        Cell(label),
        Cell(head, tooltip=head, evidence=(aid, *_pair(check.headline))),
        Cell(
            loaded or "—",
            tooltip=loaded or "No loaded term in the headline.",
            evidence=(aid, first_loaded.start, first_loaded.end) if first_loaded else None,
        ),
        Cell.number(
            check.score,
            2,
            tooltip="Support of the headline's main claim, 0–1.",
            evidence=(aid, *_pair(best)) if best else None,
        ),
        Cell(verdict, tooltip=verdict, evidence=_first_gap(aid, check), strong=not check.supported),
        Cell(
            excerpt(best_text, 90),
            tooltip=best_text,
            evidence=(aid, *_pair(best)) if best else None,
        ),
        Cell(_shared_with(result, check.shared_with)),
    )


def _first_gap(aid: str, check: HeadlineCheck) -> Evidence | None:
    """The first headline words the body does not bear out (what a "no" rests on)."""
    if check.supported or not check.unsupported:
        return None
    return (aid, *_pair(check.unsupported[0]))


_KIND_WORDS = {"partial": "shares a fact"}


def _shared_with(result: ComparisonResult, shared: Sequence[tuple[str, str]]) -> str:
    """Outlets linked to a headline, each with its link's kind ("shares a fact" …)."""
    names = outlet_labels(result.articles)
    return ", ".join(
        f"{names.get(aid, aid)} ({_KIND_WORDS.get(kind, kind)})" for aid, kind in shared
    )


def _pair(span: Span) -> tuple[int, int]:
    return int(span.start), int(span.end)


def sentiment_table(result: ComparisonResult) -> Table:
    """Mean sentence sentiment per article (VADER, a rough lexicon measure)."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    labels = outlet_labels(result.articles)
    for item in framing.articles:
        s = item.sentiment
        rows.append(
            (
                Cell(labels.get(item.article, item.outlet)),
                Cell.number(s.compound, 3),
                Cell.number(100 * s.positive, 0),
                Cell.number(100 * s.negative, 0),
                Cell.number(s.sentences, 0),
            )
        )
    headers = ("Outlet", "Mean compound", "% positive sentences", "% negative sentences",
               "Sentences")  # fmt: skip
    method = framing.sentiment_method or "VADER"
    if "rough" not in method.lower():
        method += " (rough lexicon measure)"
    note = (
        f"{method}. The compound score runs from −1 (negative) to +1 (positive); "
        "read differences between outlets, not absolute values."
    )
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
        "bold = the outlet that stresses it most; each figure links to its first frame word."
    )
    labels = outlet_labels(result.articles)
    return Table(("Frame", *(labels.get(f.article, f.outlet) for f in frames)), tuple(rows), note)


def readability_table(result: ComparisonResult) -> Table:
    """Readability scores, one row per outlet (textstat); unavailable ones say why.

    Each figure's evidence is the article's headline (the measure is of the whole text).
    """
    section = result.readability
    if section is None:
        return Table((), ())
    items = {r.article: r for r in section}
    labels = outlet_labels(result.articles)
    rows = []
    for article in result.articles:
        item = items.get(article.id)
        if item is None:
            continue
        head = article.headline
        where = (article.id, int(head.start), int(head.end)) if head.end > head.start else None
        reason = "" if item.available else item.reason or "not available"
        cells = [Cell(labels[article.id], evidence=where)]
        for _, measure, digits, tip in READABILITY_MEASURES:
            value = measure(item) if item.available else None
            if value is None:
                cells.append(Cell("n/a", float("-inf"), reason or tip))
            else:
                cells.append(Cell.number(value, digits, tooltip=tip, evidence=where))
        cells.append(Cell(reason, tooltip=reason))
        rows.append(tuple(cells))
    headers = ("Outlet", *(name for name, _, _, _ in READABILITY_MEASURES), "Note")
    return Table(headers, tuple(rows), READABILITY_NOTE)
