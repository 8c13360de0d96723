"""Tables and passages of the app's Disagreements view, from ``result.disagreements``.

:func:`facts_table` lists each fact where outlets word a number or a label differently,
one column per outlet; :func:`naming_table` is the actor × outlet table of names;
:func:`fact_passages` gives, for one disagreement, each outlet's sentence with the
differing words marked. Tables are :class:`analysis.present.tables.Table` values, so one
item model shows them and each cell carries its evidence span; outlets are named by
:func:`~analysis.present.labels.outlet_labels`, as in the reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from analysis.disagree.values import Disagreement
from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Table
from analysis.result import ComparisonResult

__all__ = ["OutletPassage", "fact_passages", "facts_table", "naming_table"]

_HOW = {
    "contradiction": "contradiction",
    "vagueness": "vague but compatible",
    "different": "different words",
    "agreement": "agreement",
}


def _fact(d: Disagreement) -> str:
    if d.cluster is not None:
        return f"passage {d.cluster + 1}"
    if d.link_list == "across":
        return "across passages"
    return f"shared fact {d.link}" if d.link_list == "shared_facts" else f"link {d.link}"


def facts_table(result: ComparisonResult) -> Table:
    """One row per disagreement: the fact, what is compared, how, and each outlet's words."""
    report = result.disagreements
    if report is None:
        return Table((), ())
    rows = []
    for d in report.items:
        cells = [
            Cell(_fact(d), f"{-1 if d.cluster is None else d.cluster:06d}"),
            Cell(d.kind),
            Cell(d.subject),
            Cell(_HOW.get(d.relation.value, d.relation.value), strong=d.contradiction),
        ]
        for art in result.articles:
            own = [m for m in d.members if m.article == art.id]
            words = [art.text[m.start : m.end] for m in own]
            values = "; ".join(dict.fromkeys(m.value for m in own))
            tip = f"{', '.join(words)} = {values}" if own else "not in this outlet's passage"
            evidence = (art.id, own[0].start, own[0].end) if own else None
            cells.append(Cell(", ".join(dict.fromkeys(words)), None, tip, evidence))
        rows.append(tuple(cells))
    labels = outlet_labels(result.articles)
    outlets = (labels[a.id] for a in result.articles)
    headers = ("Fact", "Kind", "What", "How they differ", *outlets)
    note = (
        "Numbers and labels that outlets word differently within one aligned fact. "
        "Contradictions (ranges that cannot both be true) are in bold. Select a row to see "
        "the passages; double-click an outlet's words to see them in the text."
    )
    return Table(headers, tuple(rows), note)


def naming_table(result: ComparisonResult) -> Table:
    """One row per actor: each outlet's names for it, commonest first, with counts."""
    report = result.disagreements
    if report is None:
        return Table((), ())
    rows = []
    for actor in report.actors:
        cells = [Cell(actor.name, None, f"{len(actor.mentions)} mentions in all")]
        for art in result.articles:
            own = actor.in_article(art.id)
            counts = Counter(art.text[m.start : m.end] for m in own)
            shown = "\n".join(f"{w} ×{n}" for w, n in counts.most_common())
            evidence = (art.id, own[0].start, own[0].end) if own else None
            cells.append(Cell(shown, None, shown, evidence))
        rows.append(tuple(cells))
    note = "How each outlet names each person across its whole article, with counts."
    labels = outlet_labels(result.articles)
    outlets = tuple(labels[a.id] for a in result.articles)
    return Table(("Actor", *outlets), tuple(rows), note, stretch=-1)


@dataclass(frozen=True, slots=True)
class OutletPassage:
    """One outlet's sentence(s) around a disagreement; ``marks`` are offsets inside ``text``."""

    article: str
    outlet: str
    text: str
    start: int
    marks: tuple[tuple[int, int, str], ...]


def fact_passages(result: ComparisonResult, d: Disagreement) -> tuple[OutletPassage, ...]:
    """Return each outlet's passage of the fact, members marked, in input order.

    An outlet that carries the fact without any member shows its passage unmarked.
    """
    out = []
    labels = outlet_labels(result.articles)
    spans = {a: (s, e) for a, s, e in d.passages}
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
        out.append(OutletPassage(art.id, labels[art.id], art.text[start:end], start, marks))
    return tuple(out)
