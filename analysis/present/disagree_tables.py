"""Tables and passages of the Disagreements view and the reports' disagreement sections.

:func:`fact_groups` splits ``result.disagreements`` into contradictions (figures that cannot
both be true), the other numbers and the labels, in that order: one
:class:`~analysis.present.tables.Table` each, one column per outlet, every outlet's cell
its words and the value read from them. :func:`facts_table` is the same rows in one table
with a "Kind" column (the app's list); :func:`fact_passages` gives, for one disagreement,
each outlet's sentence with the differing words marked and a label saying what it says.
:func:`naming_table` is the actor × outlet table of names and :func:`mentions_table` every
mention. Each cell carries its evidence span; outlets are named by
:func:`~analysis.present.labels.outlet_labels`. The app and the reports read these values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.disagree.values import Disagreement, Member, Mention
from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Table
from analysis.result import ComparisonResult

__all__ = [
    "FactGroup",
    "OutletPassage",
    "fact_groups",
    "fact_heading",
    "fact_passages",
    "facts_table",
    "mentions_table",
    "naming_table",
    "ordered_facts",
]

_HOW = {
    "contradiction": "contradiction",
    "vagueness": "vague but compatible",
    "different": "different words",
    "agreement": "agreement",
}
_SHORT_HOW = {"contradiction": "contradiction", "vagueness": "vague"}
_APP_NOTE = (
    "Numbers and labels that outlets word differently within one aligned fact, "
    "contradictions (figures that cannot both be true) first and in bold. Select a row to "
    "see the passages; double-click an outlet's words to see them in the text."
)


def _fact(d: Disagreement) -> str:
    if d.cluster is not None:
        return f"passage {d.cluster + 1}"
    if d.link_list == "across":
        return "across passages"
    return f"shared fact {d.link}" if d.link_list == "shared_facts" else f"link {d.link}"


def fact_heading(d: Disagreement) -> str:
    """One line naming a disagreement: ``passage 5: officers (contradiction)``."""
    return f"{_fact(d)}: {d.subject} ({_HOW.get(d.relation.value, d.relation.value)})"


@dataclass(frozen=True, slots=True)
class FactGroup:
    """One kind of disagreement, shown as a table of its own.

    Attributes:
        key: ``contradictions``, ``numbers`` or ``labels`` (the report's CSV names).
        title: The table's title.
        items: The disagreements, one per row of ``table``.
        table: Fact, what, how they differ, then each outlet's words and values.
    """

    key: str
    title: str
    items: tuple[Disagreement, ...]
    table: Table


def ordered_facts(result: ComparisonResult) -> tuple[Disagreement, ...]:
    """The disagreements shown: contradictions, other numbers, labels (each in fact order).

    A disagreement none of whose members is in a compared article is left out.
    """
    report = result.disagreements
    if report is None:
        return ()
    ids = {a.id for a in result.articles}
    items = [d for d in report.items if any(m.article in ids for m in d.members)]
    numbers = [d for d in items if d.kind == "number"]
    return (
        *(d for d in numbers if d.contradiction),
        *(d for d in numbers if not d.contradiction),
        *(d for d in items if d.kind != "number"),
    )


def fact_groups(result: ComparisonResult, limit: int | None = None) -> tuple[FactGroup, ...]:
    """The non-empty groups of :func:`ordered_facts`, each with its table.

    Args:
        result: The comparison.
        limit: Rows kept per table (the note then says how many there are), or all.
    """
    items = ordered_facts(result)
    contra = tuple(d for d in items if d.kind == "number" and d.contradiction)
    others = tuple(d for d in items if d.kind == "number" and not d.contradiction)
    labels = tuple(d for d in items if d.kind != "number")
    groups = (
        ("contradictions", "Contradictions: figures that cannot both be true", contra),
        ("numbers", "Other numbers that differ" if contra else "Numbers that differ", others),
        ("labels", "Words for the same people, thing or act", labels),
    )
    return tuple(
        FactGroup(key, title, found[:limit], _table(result, found, limit))
        for key, title, found in groups
        if found
    )


def facts_table(result: ComparisonResult) -> Table:
    """Every disagreement in one table, in :func:`ordered_facts` order, with its kind."""
    if result.disagreements is None:
        return Table((), ())
    table = _table(result, ordered_facts(result), None, kind=True)
    return Table(table.headers, table.rows, _APP_NOTE)


def _table(
    result: ComparisonResult, items: tuple[Disagreement, ...], limit: int | None, kind: bool = False
) -> Table:
    rows = []
    for d in items[:limit]:
        how = Cell(_HOW.get(d.relation.value, d.relation.value), strong=d.contradiction)
        cells = [Cell(_fact(d), f"{-1 if d.cluster is None else d.cluster:06d}")]
        cells += [Cell(d.kind)] if kind else []
        cells += [Cell(d.subject), how]
        by_article: dict[str, list[Member]] = {}  # once per item, not once per outlet
        for m in d.members:
            by_article.setdefault(m.article, []).append(m)
        for art in result.articles:
            own = by_article.get(art.id)
            cells.append(_outlet_cell(d, own, art.text, art.id) if own else _NOT_HERE)
        rows.append(tuple(cells))
    labels = outlet_labels(result.articles)
    outlets = (labels[a.id] for a in result.articles)
    headers = ("Fact", *(("Kind",) if kind else ()), "What", "How they differ", *outlets)
    shown = len(rows)
    note = f"First {shown} of {len(items)}." if shown < len(items) else ""
    return Table(headers, tuple(rows), note)


_NOT_HERE = Cell("", None, "not in this outlet's passage")  # frozen: rows share it


def _outlet_cell(d: Disagreement, own: list[Member], text: str, article: str) -> Cell:
    """An outlet's words for the fact, each with the value read from it: ``four (4 officer)``."""
    if not own:
        return _NOT_HERE
    shown = []
    for m in own:
        extra = [m.value] if d.kind == "number" else []
        if m.category:
            extra.append(m.category)
        words = text[m.start : m.end]
        shown.append(f"{words} ({'; '.join(extra)})" if extra else words)
    words = ", ".join(dict.fromkeys(text[m.start : m.end] for m in own))
    values = "; ".join(dict.fromkeys(m.value for m in own))
    tip = f"{words} = {values}"
    return Cell(", ".join(dict.fromkeys(shown)), None, tip, (article, own[0].start, own[0].end))


@dataclass(frozen=True, slots=True)
class OutletPassage:
    """One outlet's sentence(s) around a disagreement.

    Attributes:
        article: The article id.
        outlet: Its outlet label.
        text: The passage's words.
        start: Offset of ``text`` in the article's text.
        marks: ``(start, end, value)`` of each differing word, offsets inside ``text``.
        label: What the outlet says: ``contradiction: 4 officer``, ``vague: 40+ people``,
            the values alone, or empty for an outlet carrying the fact without a member.
    """

    article: str
    outlet: str
    text: str
    start: int
    marks: tuple[tuple[int, int, str], ...]
    label: str = ""

    @property
    def end(self) -> int:
        """Offset after the passage in the article's text."""
        return self.start + len(self.text)


def fact_passages(result: ComparisonResult, d: Disagreement) -> tuple[OutletPassage, ...]:
    """Return each outlet's passage of the fact, members marked, in input order.

    An outlet that carries the fact without any member shows its passage unmarked.
    """
    out = []
    labels = outlet_labels(result.articles)
    spans = {a: (s, e) for a, s, e in d.passages}
    how = _SHORT_HOW.get(d.relation.value, "")
    for art in result.articles:
        own = [m for m in d.members if m.article == art.id]
        if not own and art.id not in spans:
            continue
        if art.id in spans:  # an outlet carrying the fact with no member has only this
            start, end = spans[art.id]
        else:
            sents = [s for s in art.sentences if any(s.start <= m.start < s.end for m in own)]
            start = sents[0].start if sents else min(m.start for m in own)
            end = sents[-1].end if sents else max(m.end for m in own)
        marks = tuple((m.start - start, m.end - start, m.value) for m in own)
        values = "; ".join(dict.fromkeys(m.value for m in own))
        label = f"{how}: {values}" if how and own else values
        passage = OutletPassage(art.id, labels[art.id], art.text[start:end], start, marks, label)
        out.append(passage)
    return tuple(out)


def naming_table(result: ComparisonResult, limit: int | None = None) -> Table:
    """One row per actor: each outlet's names for it, commonest first, with counts.

    Args:
        result: The comparison.
        limit: Actors shown (the first, by the report's order), or all.
    """
    report = result.disagreements
    if report is None:
        return Table((), ())
    rows = []
    actors = report.actors[:limit]
    for actor in actors:
        cells = [Cell(actor.name, None, f"{len(actor.mentions)} mentions in all")]
        by_article = _by_article(actor.mentions)
        for art in result.articles:
            own = by_article.get(art.id, ())
            counts = Counter(art.text[m.start : m.end] for m in own)
            # "Halden ×1" stays on one line when the cell wraps (a no-break space).
            shown = "; ".join(f"{w}\u00a0×{n}" for w, n in counts.most_common())
            evidence = (art.id, own[0].start, own[0].end) if own else None
            cells.append(Cell(shown, None, shown, evidence))
        rows.append(tuple(cells))
    note = "Each outlet's words for the actor, with how often it uses each."
    if len(actors) < len(report.actors):
        note += f" The first {len(actors)} of {len(report.actors)} actors."
    labels = outlet_labels(result.articles)
    outlets = tuple(labels[a.id] for a in result.articles)
    return Table(("Actor", *outlets), tuple(rows), note, stretch=-1)


def mentions_table(result: ComparisonResult) -> Table:
    """Every mention of every actor: actor, outlet, the words (linked) and their form."""
    report = result.disagreements
    if report is None:
        return Table((), ())
    labels = outlet_labels(result.articles)
    texts = {a.id: a.text for a in result.articles}
    rows: list[tuple[Cell, ...]] = []
    for actor in report.actors:
        by_article = _by_article(actor.mentions)
        for art in result.articles:
            rows.extend(
                (
                    Cell(actor.name),
                    Cell(labels[m.article]),
                    Cell(texts[m.article][m.start : m.end], evidence=(m.article, m.start, m.end)),
                    Cell(m.form),
                )
                for m in by_article.get(art.id, ())
            )
    return Table(("Actor", "Outlet", "Words", "Form"), tuple(rows))


def _by_article(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    """An actor's mentions grouped by article, in their order (what ``in_article`` gives)."""
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.article, []).append(m)
    return out
