"""The most loaded sentences of each outlet, own voice and quoted, as passage groups.

Reads each article's :class:`~analysis.terms.scores.LoadedScore` (``top``): per voice, a
column per scored outlet in the comparison's order, a row per rank (up to
:data:`~analysis.terms.scores.TOP_SENTENCES`), each cell labelled with the sentence
model's calibrated probability and marked with the words that drove it.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.present.labels import outlet_labels
from analysis.present.side_by_side import PassageGroup, PassageMark, PassageSpan
from analysis.result import ComparisonResult
from analysis.terms.report import TermReport
from analysis.terms.scores import TOP_SENTENCES, LoadedScore, LoadedSentence

__all__ = ["loaded_sentence_groups"]

_NOTE = (
    "Each outlet's most loaded sentences in {voice}, by the sentence model's "
    "calibrated probability (p); marked: the words that drove it (the model's words "
    "and loaded lexicon terms), quoted words marked as quoted. Only sentences with a "
    "flagged word are listed; an outlet without one has an empty column."
)
_QUOTED_NOTE = " These are the speakers' words; they do not count towards the score."


def loaded_sentence_groups(
    report: TermReport,
    result: ComparisonResult,
    quoted_words: frozenset[tuple[str, int, int]] = frozenset(),
) -> tuple[PassageGroup, ...]:
    """Own voice and quoted speech in two groups (a quoted slur is the speaker's).

    Args:
        report: The terms report (its ``loaded_scores``).
        result: The comparison (its articles' order, labels and texts).
        quoted_words: ``(article, start, end)`` of hits inside quotations: marked as quoted
            even in a sentence that is mostly the outlet's own voice, and the reverse.

    Returns:
        The groups with at least one sentence, own voice first; none without scores.
    """
    names = outlet_labels(result.articles)
    sizes = {a.id: len(a.text) for a in result.articles}
    scored = {aid: s for aid in names if (s := report.score_of(aid)) is not None}
    groups = []
    for voice, quoted in (("own voice", False), ("quoted speech", True)):
        group = _group(scored, names, sizes, voice, quoted, quoted_words)
        if group is not None:
            groups.append(group)
    return tuple(groups)


def _group(
    scored: Mapping[str, LoadedScore],
    names: Mapping[str, str],
    sizes: Mapping[str, int],
    voice: str,
    quoted: bool,
    quoted_words: frozenset[tuple[str, int, int]],
) -> PassageGroup | None:
    table = {aid: [t for t in s.top if t.in_quote == quoted] for aid, s in scored.items()}
    depth = min(TOP_SENTENCES, max((len(t) for t in table.values()), default=0))
    if not depth:
        return None
    rows = tuple(
        tuple(_cell(aid, items, n, sizes[aid], quoted_words) for aid, items in table.items())
        for n in range(depth)
    )
    note = _NOTE.format(voice=voice) + (_QUOTED_NOTE if quoted else "")
    key = "loaded-sentences-quoted" if quoted else "loaded-sentences"
    columns = tuple(names[aid] for aid in table)
    return PassageGroup(key, f"Most loaded sentences: {voice}", columns, rows, (), note)


def _cell(
    aid: str,
    items: list[LoadedSentence],
    n: int,
    size: int,
    quoted_words: frozenset[tuple[str, int, int]],
) -> PassageSpan:
    item = items[n] if n < len(items) else None
    if item is None or not 0 <= item.start < item.end <= size:
        return PassageSpan(aid, 0, 0)  # fewer sentences than others: empty
    marks = tuple(
        PassageMark(w.start, w.end, "loaded-quoted", "quoted: the speaker's word")
        if (aid, w.start, w.end) in quoted_words
        else PassageMark(w.start, w.end, "loaded", "own voice: drove the score")
        for w in item.words
    )
    anchor = marks[0].start if marks else None
    label = f"p = {item.probability:.2f}"
    return PassageSpan(aid, item.start, item.end, marks, label, anchor)
