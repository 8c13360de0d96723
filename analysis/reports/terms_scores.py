"""The learned model's part of the terms section: scores with intervals, most loaded sentences.

Reads the terms report's :class:`~analysis.terms.scores.LoadedScore` of each article
(``score``, ``interval``, ``rate``, ``sentences``, ``top``). Outlets are listed in the
comparison's order, never by score: where intervals overlap the table says the outlets are
not distinguishable instead of ranking them.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.model import Span
from analysis.present.terms_tables import loaded_score_table
from analysis.reports.content import Block, PassageCell, SideBySide, Table
from analysis.reports.evidence import Mark, anchor_id, fragments
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult
from analysis.terms.report import TermReport
from analysis.terms.scores import TOP_SENTENCES, LoadedScore, LoadedSentence

__all__ = ["score_blocks"]


def score_blocks(
    report: TermReport,
    result: ComparisonResult,
    ctx: ReportContext,
    quoted_words: frozenset[tuple[str, int, int]] = frozenset(),
) -> list[Block]:
    """The score table and the most-loaded-sentences views (empty without scores).

    Args:
        report: The terms report (its ``loaded_scores``).
        result: The comparison (its articles' order and labels).
        ctx: The report context.
        quoted_words: ``(article, start, end)`` of hits inside quotations: marked as quoted
            even in a sentence that is mostly the outlet's own voice, and the reverse.
    """
    scored = {aid: found for aid in ctx.names if (found := report.score_of(aid)) is not None}
    if not scored:
        return []
    return [_table(result, ctx), *_sentences(scored, ctx, quoted_words)]


def _table(result: ComparisonResult, ctx: ReportContext) -> Table:
    """The app's scores (:func:`~analysis.present.terms_tables.loaded_score_table`)."""
    table = loaded_score_table(result)
    return report_table(table, "loaded-scores", "Loaded-language score by outlet", ctx, None)


def _sentences(
    scored: Mapping[str, LoadedScore],
    ctx: ReportContext,
    quoted_words: frozenset[tuple[str, int, int]],
) -> list[SideBySide]:
    """Own voice and quoted speech in two views: a quoted slur is the speaker's."""
    ids = list(scored)
    views = []
    for voice, quoted in (("own voice", False), ("quoted speech", True)):
        table = {aid: _top(scored[aid], quoted=quoted) for aid in ids}
        depth = min(TOP_SENTENCES, max((len(t) for t in table.values()), default=0))
        if not depth:
            continue
        rows = tuple(
            tuple(_cell(aid, table[aid], n, quoted_words, ctx) for aid in ids) for n in range(depth)
        )
        note = (
            f"Each outlet's most loaded sentences in {voice}, by the sentence model's "
            "calibrated probability (p); marked: the words that drove it (the model's words "
            "and loaded lexicon terms), quoted words marked as quoted. Only sentences with a "
            "flagged word are listed; an outlet without one has an empty column."
        )
        if quoted:
            note += " These are the speakers' words; they do not count towards the score."
        key = "loaded-sentences-quoted" if quoted else "loaded-sentences"
        title = f"Most loaded sentences: {voice}"
        columns = tuple(ctx.outlet(aid) for aid in ids)
        views.append(SideBySide(key, title, columns, rows, (), note))
    return views


def _top(entry: LoadedScore, *, quoted: bool) -> list[LoadedSentence]:
    return [t for t in entry.top if t.in_quote == quoted]


def _cell(
    aid: str,
    items: list[LoadedSentence],
    n: int,
    quoted_words: frozenset[tuple[str, int, int]],
    ctx: ReportContext,
) -> PassageCell:
    article = ctx.evidence.articles[aid]
    item = items[n] if n < len(items) else None
    span = Span(item.start, item.end) if item is not None else None
    if item is None or span is None or not 0 <= span.start < span.end <= len(article.text):
        return PassageCell(aid, ())  # fewer sentences than the other outlets: left empty
    marks = [
        Mark(w.start, w.end, "loaded-quoted", "quoted: the speaker's word")
        if (aid, w.start, w.end) in quoted_words
        else Mark(w.start, w.end, "loaded", "own voice: drove the score")
        for w in item.words
    ]
    href = anchor_id(aid, marks[0].start) if marks else None
    label = f"p = {item.probability:.2f}"
    return PassageCell(aid, fragments(article, span, marks, anchors=False), href, label)
