"""The loaded-term tables of the reports, built from the terms report's hits.

The app's Terms view (:mod:`analysis.present.terms_tables`) shows each term's own-voice
and quoted counts per outlet; these tables show the same hits by outlet and category,
most frequent first, and one by one. Their category cells keep the lexicon's category
names (``verbs_neutral``): the CSV, spreadsheet and data-frame exports are these tables,
and a name there must match the lexicon file; the app's Terms view shows the same name
as a label (:func:`category_label`). Every figure's evidence is its first hit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Evidence, Table
from analysis.result import ComparisonResult

__all__ = [
    "MAX_TERM_ROWS",
    "Hit",
    "category_counts_table",
    "category_label",
    "frequent_terms_table",
    "hit_table",
    "rate_text",
    "shown_hits",
]

#: Rows of "Loaded terms, most frequent first" at most.
MAX_TERM_ROWS = 300


@dataclass(frozen=True, slots=True)
class Hit:
    """One shown occurrence of a lexicon (or learned) term.

    Attributes:
        article: The article's id.
        start: Offset of its first character.
        end: Offset after its last character.
        category: The category's name.
        in_quote: Inside a quotation (the speaker's words, not the outlet's).
        text: The term as listed (or the words, for a term without a key).
        loaded: Whether its category counts as loaded.
    """

    article: str
    start: int
    end: int
    category: str
    in_quote: bool
    text: str
    loaded: bool

    @property
    def evidence(self) -> Evidence:
        """``(article id, start, end)`` of the hit."""
        return (self.article, self.start, self.end)


def shown_hits(result: ComparisonResult) -> tuple[Hit, ...]:
    """The hits of the compared articles that can be shown, by article order and offset.

    A hit outside its text, empty or only blanks has no words to point at and is left out.
    """
    report = result.terms
    if report is None:
        return ()
    loaded = {c.name: c.loaded for c in report.categories}
    texts = {a.id: a.text for a in result.articles}
    order = {a.id: i for i, a in enumerate(result.articles)}
    hits = []
    for item in report.hits:
        text = texts.get(item.article)
        if text is None or not 0 <= item.start < item.end <= len(text):
            continue
        words = text[item.start : item.end]
        if not words.strip():
            continue
        hits.append(
            Hit(
                item.article, item.start, item.end, item.category, item.in_quote,
                item.term or words, loaded.get(item.category, True),
            )
        )  # fmt: skip
    return tuple(sorted(hits, key=lambda h: (order[h.article], h.start)))


def category_label(category: str) -> str:
    """A category as shown (``verbs distancing``), as in the app's Terms view."""
    return category.replace("_", " ")


def rate_text(value: float) -> str:
    """A rate with at most two decimals, trailing zeros dropped (``3.5``, ``12``)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _count(hits: Sequence[Hit]) -> Cell:
    return Cell.number(len(hits), 0, evidence=hits[0].evidence if hits else None)


def _voices(hits: Sequence[Hit]) -> tuple[Cell, Cell]:
    """Own-voice and quoted counts, each linked to its first hit."""
    return _count([h for h in hits if not h.in_quote]), _count([h for h in hits if h.in_quote])


def category_counts_table(result: ComparisonResult, hits: Sequence[Hit]) -> Table:
    """Terms by outlet and category: own voice, quoted, and all per 1,000 words."""
    labels = outlet_labels(result.articles)
    categories = sorted({h.category for h in hits})
    loaded = {h.category: h.loaded for h in hits}
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.article, hit.category), []).append(hit)
    rows = []
    for article in result.articles:
        words = max(1, article.word_count)
        for category in categories:
            mine = groups.get((article.id, category))
            if not mine:
                continue
            rate = 1000 * len(mine) / words
            rows.append(
                (
                    Cell(labels[article.id]),
                    Cell(category),
                    Cell("yes" if loaded[category] else "no"),
                    *_voices(mine),
                    Cell(rate_text(rate), float(rate), evidence=mine[0].evidence),
                )
            )
    headers = ("Outlet", "Category", "Loaded", "Own voice", "Quoted", "Per 1,000 words")
    return Table(headers, tuple(rows))


def frequent_terms_table(
    result: ComparisonResult, hits: Sequence[Hit], limit: int = MAX_TERM_ROWS
) -> Table:
    """Loaded terms per outlet, most frequent first (at most ``limit`` rows)."""
    labels = outlet_labels(result.articles)
    groups: dict[tuple[str, str, str], list[Hit]] = {}
    for hit in hits:
        if hit.loaded:
            groups.setdefault((hit.text.lower(), hit.category, hit.article), []).append(hit)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = tuple(
        (
            Cell(term, evidence=group[0].evidence),
            Cell(category),
            Cell(labels[article]),
            *_voices(group),
        )
        for (term, category, article), group in ordered[:limit]
    )
    note = f"The {limit} most frequent of {len(ordered)}." if len(ordered) > limit else ""
    return Table(("Term", "Category", "Outlet", "Own voice", "Quoted"), rows, note)


def hit_table(result: ComparisonResult, hits: Sequence[Hit]) -> Table:
    """Every shown hit: outlet, term, category, voice and offsets, each linked to it."""
    labels: Mapping[str, str] = outlet_labels(result.articles)
    rows = tuple(
        (
            Cell(labels[h.article], evidence=h.evidence),
            Cell(h.text, evidence=h.evidence),
            Cell(h.category),
            Cell("quoted" if h.in_quote else "own voice"),
            Cell.number(h.start, 0, evidence=h.evidence),
            Cell.number(h.end, 0, evidence=h.evidence),
        )
        for h in hits
    )
    return Table(("Outlet", "Term", "Category", "Voice", "Start", "End"), rows)
