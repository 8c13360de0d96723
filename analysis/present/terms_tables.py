"""The Terms view's tables as values: terms by outlet, and the learned model's scores.

:func:`term_table` turns ``result.terms`` into a :class:`TermTable`: the terms report's
rows (each outlet's own-voice and quoted counts per term), the outlets' labels and the
words of each voice, so that a rate per 1,000 words is computed here and not in an item
model.
:func:`score_table` gives the learned model's score per outlet with the verdict the
reports print (:func:`analysis.terms.scores.standings`). Outlets are named by
:func:`~analysis.present.labels.outlet_labels`, as in the reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Table
from analysis.present.terms_hits import category_label
from analysis.present.vocab_tables import short_number
from analysis.result import ComparisonResult
from analysis.terms.rates import TermRow
from analysis.terms.scores import LoadedScore, standings, summary

__all__ = [
    "SCORE_HEADERS",
    "SCORE_HEADING",
    "SCORE_MEANING",
    "ScoreRow",
    "ScoreTable",
    "TermTable",
    "loaded_score_table",
    "per_thousand",
    "score_rows",
    "score_table",
    "term_table",
]

#: Column title of the score, in the app and the reports.
SCORE_HEADING = "Loaded-word score (own voice)"

#: What the score is, said under the table in the app and the reports.
SCORE_MEANING = (
    "Score: the expected number of loaded words in the outlet's own voice, summed from "
    "the learned model's word probabilities (trained on BABE; words below p 0.15 add "
    "nothing); quoted words are the speaker's and not counted. Interval: 95 % bootstrap "
    "over the own-voice sentences."
)


def per_thousand(count: int, words: int) -> float:
    """``count`` per 1,000 of ``words`` (0.0 when there are no words)."""
    return 1000.0 * count / words if words else 0.0


@dataclass(frozen=True, slots=True)
class TermTable:
    """Terms by outlet: the outlets (columns), their words per voice, and the rows.

    Attributes:
        articles: Article ids, in column order.
        outlets: Their labels, same order.
        words: ``(own-voice words, quoted words)`` per outlet, same order.
        rows: One row per (term, category), in the terms report's order; its counts are
            in the table's outlet order.
    """

    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    words: tuple[tuple[int, int], ...]
    rows: tuple[TermRow, ...]

    @staticmethod
    def category_label(row: TermRow) -> str:
        """A row's category as shown (``verbs distancing``)."""
        return category_label(row.category)

    @staticmethod
    def count(row: TermRow, outlet: int, *, quoted: bool) -> int:
        """Hits of a row in one outlet (its column index) and one voice."""
        return (row.quoted if quoted else row.own)[outlet]

    def rate(self, row: TermRow, outlet: int, *, quoted: bool) -> float:
        """Hits per 1,000 words of that voice in that outlet."""
        return per_thousand(
            self.count(row, outlet, quoted=quoted), self.voice_words(outlet, quoted)
        )

    def voice_words(self, outlet: int, quoted: bool) -> int:
        """Words of one outlet in one voice."""
        return self.words[outlet][1 if quoted else 0]


def term_table(result: ComparisonResult | None) -> TermTable:
    """Return the terms-by-outlet table (empty without a terms section)."""
    report = None if result is None else result.terms
    if result is None or report is None:
        return TermTable((), (), (), ())
    labels = outlet_labels(result.articles)
    rates = {r.article: r for r in report.rates}
    words = tuple(
        (rates[a].own_words, rates[a].quoted_words) if a in rates else (0, 0)
        for a in report.articles
    )
    outlets = tuple(labels.get(a, a) for a in report.articles)
    return TermTable(tuple(report.articles), outlets, words, tuple(report.table))


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One outlet's loaded-language score, as shown.

    Attributes:
        outlet: The outlet's label.
        score: The learned model's score, interval and rate.
        verdict: Which outlets it is above, below or not distinguishable from.
    """

    outlet: str
    score: LoadedScore
    verdict: str

    @property
    def interval(self) -> str:
        """The 95 % interval as printed (``3–9``)."""
        low, high = self.score.interval
        return f"{low:g}–{high:g}"


@dataclass(frozen=True, slots=True)
class ScoreTable:
    """The learned model's scores in the comparison's order, and one sentence on them."""

    rows: tuple[ScoreRow, ...]
    summary: str


def score_table(result: ComparisonResult | None) -> ScoreTable:
    """Return the loaded-language scores of ``result`` (empty without them).

    Rows keep the comparison's order: outlets whose intervals overlap are said to be not
    distinguishable, never ranked.
    """
    report = None if result is None else result.terms
    if result is None or report is None:
        return ScoreTable((), "")
    return score_rows(report.loaded_scores, outlet_labels(result.articles))


def score_rows(scores: Iterable[LoadedScore], names: Mapping[str, str]) -> ScoreTable:
    """Return the score table of ``scores`` (in their order), outlets named by ``names``.

    The reports call this with the scores of the outlets they show; :func:`score_table`
    with all of a result's.
    """
    kept = tuple(scores)
    if not kept:
        return ScoreTable((), "")
    intervals = {s.article: s.interval for s in kept}
    verdicts = standings(intervals, names)
    rows = tuple(
        ScoreRow(names.get(s.article, s.article), s, verdicts.get(s.article, "")) for s in kept
    )
    return ScoreTable(rows, summary(intervals, names))


#: Headers of the score table in the reports (the app's are shorter, with these as tips).
SCORE_HEADERS = (
    "Outlet",
    SCORE_HEADING,
    "95 % interval",
    "Per 1,000 own-voice words",
    "Own-voice sentences",
    "Compared with the others",
)


def loaded_score_table(result: ComparisonResult) -> Table:
    """The learned model's scores as a table, in the comparison's order.

    Each score links to the first flagged word of the outlet's most loaded sentence; the
    note is the one-sentence summary and what the score is.
    """
    report = result.terms
    scores = () if report is None else (report.score_of(a.id) for a in result.articles)
    shown = score_rows((s for s in scores if s is not None), outlet_labels(result.articles))
    rows = []
    for row in shown.rows:
        v = row.score
        top = [t for t in v.top if t.words]
        word = top[0].words[0] if top else None
        where = None if word is None else (v.article, int(word.start), int(word.end))
        rows.append(
            (
                Cell(row.outlet),
                Cell(short_number(v.score), float(v.score), evidence=where),
                Cell(row.interval),
                Cell(short_number(v.rate), float(v.rate)),
                Cell.number(v.sentences, 0),
                Cell(row.verdict),
            )
        )
    note = f"{shown.summary} {SCORE_MEANING}" if rows else ""
    return Table(SCORE_HEADERS, tuple(rows), note)
