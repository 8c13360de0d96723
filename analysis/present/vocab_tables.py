"""Distinctive vocabulary as tables, for the app's Framing view and the reports.

:func:`vocabulary_table` is the app's "Distinctive words" table: one column per outlet,
strongest word first, each word linked to its first use (:func:`first_use`). The reports'
"Most distinctive words per outlet" is its first :data:`TOP` rows
(:func:`distinctive_table`; a list per outlet past :data:`SIDE_BY_SIDE` outlets), and
"Every distinctive word" lists each word's figures (:func:`distinctive_terms_table`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Evidence, Table
from analysis.result import ComparisonResult
from analysis.vocab.distinctive import ArticleVocabulary, DistinctiveTerm

__all__ = [
    "KEYNESS_NOTE",
    "KEY_TOP",
    "SIDE_BY_SIDE",
    "TOP",
    "distinctive_table",
    "distinctive_terms_table",
    "first_use",
    "keyness_table",
    "short_number",
    "vocabulary_table",
]

#: Words per outlet in the reports' summary (the detail table and CSV hold all).
TOP = 10
#: Up to this many outlets, the summary has one column per outlet.
SIDE_BY_SIDE = 6


def short_number(value: float, digits: int = 2) -> str:
    """``value`` with at most ``digits`` decimals, trailing zeros dropped (``2.5``, ``2``)."""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") or "0" if digits else f"{value:.0f}"


def _figure(value: float, digits: int = 2, evidence: Evidence | None = None) -> Cell:
    """A figure as the reports print it, sorting numerically."""
    return Cell(short_number(value, digits), float(value), evidence=evidence)


def first_use(article: str, text: str, term: str) -> Evidence | None:
    """The term's first whole-word use in ``text`` (case-insensitive), or None.

    The words of a phrase may be separated by any run of non-word characters.
    """
    if not term:
        return None
    match = _whole_words(term).search(text)
    return None if match is None else (article, match.start(), match.end())


@functools.lru_cache(maxsize=65536)
def _whole_words(term: str) -> re.Pattern[str]:
    # Compiled once per term: ``re``'s own cache keeps 512 patterns, and a 1,000-article
    # report looks up 25,000 distinct terms, most of them twice or more.
    words = r"\W+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _entries(result: ComparisonResult) -> list[ArticleVocabulary]:
    """The compared articles' vocabularies, in the comparison's order."""
    section = result.distinctive_terms
    found = {} if section is None else {e.article: e for e in section.articles}
    return [found[a.id] for a in result.articles if a.id in found]


def _word_cell(
    result: ComparisonResult,
    labels: Mapping[str, str],
    article: str,
    item: DistinctiveTerm,
    tfidf: bool,
) -> Cell:
    counts = ", ".join(f"{labels.get(a, a)} {n}" for a, n in item.counts if n)
    return Cell(
        _word_text(item, tfidf),
        item.term,
        f"“{item.term}”: {counts}",
        first_use(article, result.article(article).text, item.term),
    )


def _word_text(item: DistinctiveTerm, tfidf: bool) -> str:
    """A word and its figure, as a cell shows it: ``lawmakers (4.2)``."""
    shown = f"weight {item.score:.2f}" if tfidf else short_number(item.score, 1)
    return f"{item.term} ({shown})"


def vocabulary_table(result: ComparisonResult, *, tfidf: bool = False) -> Table:
    """Distinctive words per outlet, best first (log-odds z-scores or TF-IDF weights)."""
    entries = _entries(result)
    if not entries:
        return Table((), ())
    lists = [e.tfidf if tfidf else e.log_odds for e in entries]
    labels = outlet_labels(result.articles)
    rows = []
    for rank in range(max(len(x) for x in lists)):
        cells = [Cell.number(rank + 1, 0)]
        for entry, terms in zip(entries, lists, strict=True):
            cells.append(
                _word_cell(result, labels, entry.article, terms[rank], tfidf)
                if rank < len(terms)
                else Cell("")
            )
        rows.append(tuple(cells))
    section = result.distinctive_terms
    method = section.method if section is not None else ""
    note = (
        "TF-IDF weight in brackets"
        if tfidf
        else f"{method or 'weighted log-odds'} · z-scores in brackets"
    )
    return Table(("Rank", *(labels[e.article] for e in entries)), tuple(rows), note)


def distinctive_table(result: ComparisonResult) -> Table:
    """The reports' summary: each outlet's :data:`TOP` most distinctive words.

    Side by side (the app's table, cut) up to :data:`SIDE_BY_SIDE` outlets; past that one
    row per outlet, its words in one cell, the outlet linked to its first word's use.
    """
    entries = _entries(result)
    if len(entries) <= SIDE_BY_SIDE:
        table = vocabulary_table(result)
        return Table(table.headers, table.rows[:TOP])
    labels = outlet_labels(result.articles)
    rows = []
    for entry in entries:
        # Only the words and the first one found in the text show: no per-word tooltips
        # (each lists the word's uses in every outlet: millions of parts at 1,000 outlets).
        top, text = entry.log_odds[:TOP], result.article(entry.article).text
        first = next((w for t in top if (w := first_use(entry.article, text, t.term))), None)
        shown = ", ".join(_word_text(t, False) for t in top)
        rows.append((Cell(labels[entry.article], evidence=first), Cell(shown)))
    return Table(("Outlet", f"Top {TOP} distinctive words (z)"), tuple(rows))


def distinctive_terms_table(result: ComparisonResult) -> Table:
    """Every distinctive word: z, log-odds delta, uses here and elsewhere, TF-IDF weight."""
    labels = outlet_labels(result.articles)
    rows = []
    totals = _Uses()
    for entry in _entries(result):
        aid = entry.article
        tfidf = {t.term: t.score for t in entry.tfidf}
        text = result.article(aid).text
        for item in entry.log_odds:
            where = first_use(aid, text, item.term)
            here, total = totals.of(item.counts, aid)
            tf = tfidf.get(item.term)
            rows.append(
                (
                    Cell(labels[aid]),
                    Cell(item.term, evidence=where),
                    _figure(item.score, evidence=where),
                    _figure(item.delta),
                    Cell.number(here, 0, evidence=where),
                    Cell.number(total - here, 0),
                    _figure(tf, 3) if tf is not None else Cell(""),
                )
            )
    headers = ("Outlet", "Term", "z", "Log-odds delta", "Uses here", "Uses elsewhere", "TF-IDF")
    return Table(headers, tuple(rows))


class _Uses:
    """A word's uses by article and in all, read once per word's counts.

    Words share one ``counts`` tuple across the articles they are distinctive for (it
    lists every article using the word: hundreds at 1,000 articles), so it is read once.
    """

    def __init__(self) -> None:
        # By identity; each entry keeps its tuple alive, so no id is reused meanwhile.
        self.seen: dict[int, tuple[tuple[tuple[str, int], ...], dict[str, int], int]] = {}

    def of(self, counts: tuple[tuple[str, int], ...], article: str) -> tuple[int, int]:
        """``(uses in article, uses in all)``."""
        found = self.seen.get(id(counts))
        if found is None:
            uses = dict(counts)
            found = self.seen[id(counts)] = (counts, uses, sum(uses.values()))
        return found[1].get(article, 0), found[2]


#: Key words per outlet in the keyness table.
KEY_TOP = 25

#: Said under the keyness table.
KEYNESS_NOTE = (
    "G² (Rayson & Garside 2000) with its χ² p-value (1 degree of freedom) and the log "
    "ratio (log₂ of relative frequencies, Hardie 2014; positive: used more here). Words "
    f"used at least 3 times in all, p ≤ 0.05, the {KEY_TOP} strongest per outlet."
)


def keyness_table(result: ComparisonResult) -> Table:
    """Key words of each outlet against the others: counts, G², p-value and log ratio.

    Computed from the articles' text (:func:`analysis.vocab.keyness.keyness`; the articles
    of one outlet count together); no rows with fewer than two outlets.
    """
    from analysis.vocab.keyness import keyness

    rows = []
    for outlet in keyness(list(result.articles), top=KEY_TOP):
        for term in outlet.terms:
            rows.append(
                (
                    Cell(outlet.outlet),
                    Cell(term.term),
                    Cell.number(term.count, 0),
                    Cell.number(term.other_count, 0),
                    Cell.number(outlet.words, 0),
                    Cell.number(outlet.other_words, 0),
                    _figure(term.g2),
                    Cell(f"{term.p_value:.2g}", term.p_value),
                    _figure(term.log_ratio),
                )
            )
    headers = (
        "Outlet", "Term", "Uses here", "Uses elsewhere", "Words here", "Words elsewhere",
        "G²", "p", "Log ratio",
    )  # fmt: skip
    return Table(headers, tuple(rows), KEYNESS_NOTE)
