"""The disagreements and naming sections: what each outlet says where they differ.

Reads the result's :class:`DisagreementReport`: its ``items`` (``kind``, ``relation``,
``subject``, ``cluster``/``link``, ``members`` with ``article``, ``start``, ``end``,
``value``) and its ``actors`` with their ``mentions``. Every value links to its words in the
article text, where it is marked as a differing value.
"""

from __future__ import annotations

from collections import Counter

from analysis.disagree.values import Actor, Disagreement, DisagreementReport, Member
from analysis.model import Span
from analysis.reports.content import Block, Cell, PassageCell, Section, SideBySide, Table
from analysis.reports.evidence import Mark, anchor_id, fragments
from analysis.reports.generic import ReportContext

__all__ = ["disagreements_section", "naming_section"]

_MAX_ROWS = 200
_MAX_ACTORS = 40
_CONTRA_TITLE = "Contradictions: figures that cannot both be true"
_CONTRA_SIDE = "Contradictions: what each outlet says"
_RELATION = {
    "contradiction": "contradiction",
    "vagueness": "vague but compatible",
    "agreement": "agreement",
    "different": "different words",
}


def disagreements_section(report: DisagreementReport, ctx: ReportContext) -> Section:
    """Return the section of the numbers and labels outlets word differently."""
    items = [d for d in report.items if _members(d, ctx)]
    numbers = [d for d in items if d.kind == "number"]
    labels = [d for d in items if d.kind != "number"]
    ids = list(ctx.names)
    # Contradictions first, in tables of their own (the HTML marks them, print keeps titles).
    contra = [d for d in numbers if d.contradiction]
    others = [d for d in numbers if not d.contradiction]
    blocks: list[Block] = []
    if contra:
        blocks.append(_table("contradictions", _CONTRA_TITLE, contra, ids, ctx))
    if others:
        title = "Other numbers that differ" if contra else "Numbers that differ"
        blocks.append(_table("numbers", title, others, ids, ctx))
    if labels:
        blocks.append(_table("labels", "Words for the same people, thing or act", labels, ids, ctx))
    if contra:
        blocks.append(_side_by_side("contradictions-side", _CONTRA_SIDE, contra, ids, ctx))
    if others or labels:
        blocks.append(
            _side_by_side("disagreements", "What each outlet says", others + labels, ids, ctx)
        )
    contradictions = len(contra)
    intro = (
        f"Within passages that report the same fact: {len(numbers)} numbers worded "
        f"differently ({contradictions} contradicting each other: ranges that cannot both be "
        f"true), and {len(labels)} groups of people, things or acts named with different "
        'words. Vague wording is read as a range ("about 3,000" is 2,700–3,300, '
        '"thousands" 2,000–9,999, "at least 12" 12 and more).'
        if items
        else "No numbers or labels differ within the aligned passages."
    )
    return Section("disagreements", "Where outlets disagree", intro, tuple(blocks))


def _members(item: Disagreement, ctx: ReportContext) -> list[Member]:
    return [m for m in item.members if m.article in ctx.names]


def _fact(item: Disagreement) -> str:
    if item.cluster is not None:
        return f"passage {item.cluster + 1}"
    if item.link_list == "across":
        return "across passages"
    if item.link_list == "shared_facts":
        return f"shared fact {item.link}"
    return f"link {item.link}"


def _table(
    key: str, title: str, items: list[Disagreement], ids: list[str], ctx: ReportContext
) -> Table:
    rows = []
    for item in items[:_MAX_ROWS]:
        relation = _RELATION.get(item.relation.value, item.relation.value)
        cells = [Cell(_fact(item)), Cell(item.subject), Cell(relation)]
        by_article = _by_article(item, ctx)
        for aid in ids:
            cells.append(_outlet_cell(item, aid, by_article.get(aid, []), ctx))
        rows.append(tuple(cells))
    columns = ("Fact", "What", "How they differ", *(ctx.outlet(a) for a in ids))
    note = f"First {_MAX_ROWS} of {len(items)}." if len(items) > _MAX_ROWS else ""
    return Table(key, title, columns, tuple(rows), note)


def _by_article(item: Disagreement, ctx: ReportContext) -> dict[str, list[Member]]:
    """The item's members grouped by article, in order (one pass, not one per outlet)."""
    out: dict[str, list[Member]] = {}
    for m in _members(item, ctx):
        out.setdefault(m.article, []).append(m)
    return out


def _outlet_cell(item: Disagreement, aid: str, own: list[Member], ctx: ReportContext) -> Cell:
    if not own:
        return Cell("")
    text = ctx.evidence.articles[aid].text
    shown = []
    href = None
    for m in own:
        words = text[m.start : m.end]
        label = f"{item.kind}: {m.value}"
        anchor = ctx.evidence.add(m.article, m.start, m.end, "differs", label)
        href = href or anchor
        extra = [m.value] if item.kind == "number" else []
        if m.category:
            extra.append(m.category)
        shown.append(f"{words} ({'; '.join(extra)})" if extra else words)
    return Cell(", ".join(dict.fromkeys(shown)), None, href)


def _side_by_side(
    key: str, title: str, items: list[Disagreement], ids: list[str], ctx: ReportContext
) -> SideBySide:
    rows = []
    labels = []
    for item in items[:_MAX_ROWS]:
        row: list[PassageCell | None] = []
        spans = _passages(item, ctx)
        by_article = _by_article(item, ctx)
        for aid in ids:
            own = by_article.get(aid, [])
            span = spans.get(aid)
            label = _label(item, own)
            row.append(_passage(aid, own, span, ctx, label) if own or span else None)
        rows.append(tuple(row))
        relation = _RELATION.get(item.relation.value, "")
        labels.append(f"{_fact(item)}: {item.subject} ({relation})")
    columns = tuple(ctx.outlet(a) for a in ids)
    return SideBySide(key, title, columns, tuple(rows), tuple(labels))


def _passages(item: Disagreement, ctx: ReportContext) -> dict[str, Span]:
    """The fact's passage per article (older results have none: the members' sentences)."""
    return {aid: Span(start, end) for aid, start, end in item.passages if aid in ctx.names}


def _label(item: Disagreement, own: list[Member]) -> str:
    """What one outlet says in a row: "contradiction: 4 officer", "vague: 40+ people"."""
    if not own:
        return ""
    how = {"contradiction": "contradiction", "vagueness": "vague"}.get(item.relation.value, "")
    values = "; ".join(dict.fromkeys(m.value for m in own))
    return f"{how}: {values}" if how else values


def _passage(
    aid: str, own: list[Member], span: Span | None, ctx: ReportContext, label: str = ""
) -> PassageCell:
    art = ctx.evidence.articles[aid]
    if span is None:
        starts = [m.start for m in own]
        sentences = [s for s in art.sentences if any(s.start <= x < s.end for x in starts)]
        span = (
            Span(sentences[0].start, sentences[-1].end)
            if sentences
            else Span(min(starts), max(m.end for m in own))
        )
    marks = [Mark(m.start, m.end, "differs", m.value) for m in own]
    marks += [m for m in ctx.evidence.marks_in(aid, span) if m.kind in ("loaded", "loaded-quoted")]
    frags = fragments(art, span, marks, anchors=False)
    return PassageCell(aid, frags, anchor_id(aid, span.start), label)


def naming_section(report: DisagreementReport, ctx: ReportContext) -> Section | None:
    """Return the actor × outlet naming table, or None when no actor was found."""
    actors = report.actors
    if not actors:
        return None
    ids = list(ctx.names)
    rows = []
    detail: list[tuple[Cell, ...]] = []
    for actor in actors[:_MAX_ACTORS]:
        cells = [Cell(actor.name)]
        for aid in ids:
            cells.append(_names_cell(actor, aid, ctx, detail))
        rows.append(tuple(cells))
    columns = ("Actor", *(ctx.outlet(a) for a in ids))
    note = "Each outlet's words for the actor, with how often it uses each."
    blocks: list[Block] = [
        Table("naming", "Actors as each outlet names them", columns, tuple(rows), note)
    ]
    blocks.append(
        Table("naming-mentions", "Every mention", ("Actor", "Outlet", "Words", "Form"),
              tuple(detail), detail=True)
    )  # fmt: skip
    intro = (
        "How each outlet names each person across its whole article: full names, titles, "
        "surnames and descriptions, grouped by Slant's own rules (no trained model)."
    )
    return Section("naming", "How each outlet names the actors", intro, tuple(blocks))


def _names_cell(actor: Actor, aid: str, ctx: ReportContext, detail: list[tuple[Cell, ...]]) -> Cell:
    text = ctx.evidence.articles[aid].text
    counts: Counter[str] = Counter()
    href = None
    for m in actor.mentions:
        if m.article != aid:
            continue
        words = text[m.start : m.end]
        anchor = ctx.evidence.add(m.article, m.start, m.end, "name", actor.name)
        href = href or anchor
        counts[words] += 1
        detail.append(
            (Cell(actor.name), Cell(ctx.outlet(aid)), Cell(words, None, anchor), Cell(m.form))
        )
    shown = "; ".join(f"{w} ×{n}" for w, n in counts.most_common())
    return Cell(shown, None, href)
