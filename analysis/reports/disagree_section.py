"""The disagreements and naming sections: what each outlet says where they differ.

Reads the ``disagreements`` list (``kind``, ``relation``, ``contradiction``, ``subject``,
``cluster``/``link``, ``members`` with ``article``, ``start``, ``end``, ``value``) and the
``naming`` object (``actors`` with ``mentions``). Every value links to its words in the
article text, where it is marked as a differing value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.model import Span
from analysis.reports.content import Block, Cell, PassageCell, Section, SideBySide, Table
from analysis.reports.evidence import Mark, anchor_id, fragments
from analysis.reports.generic import ReportContext

__all__ = ["disagreements_section", "naming_section"]

_MAX_ROWS = 200
_MAX_ACTORS = 40
_RELATION = {
    "contradiction": "contradiction",
    "vagueness": "vague but compatible",
    "agreement": "agreement",
    "different": "different words",
}


def disagreements_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the section, or None when ``data`` is not a disagreements list."""
    if not isinstance(data, Sequence) or isinstance(data, str):
        return None
    items = [d for d in data if isinstance(d, Mapping) and _members(d, ctx)]
    numbers = [d for d in items if d.get("kind") == "number"]
    labels = [d for d in items if d.get("kind") != "number"]
    ids = list(ctx.names)
    blocks: list[Block] = []
    if numbers:
        blocks.append(_table("numbers", "Numbers that differ", numbers, ids, ctx))
    if labels:
        blocks.append(_table("labels", "Words for the same people, thing or act", labels, ids, ctx))
    if items:
        blocks.append(_side_by_side(numbers + labels, ids, ctx))
    contradictions = sum(1 for d in numbers if d.get("contradiction"))
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


def _members(item: Mapping[str, Any], ctx: ReportContext) -> list[Mapping[str, Any]]:
    raw = item.get("members")
    if not isinstance(raw, Sequence):
        return []
    return [m for m in raw if isinstance(m, Mapping) and str(m.get("article")) in ctx.names]


def _fact(item: Mapping[str, Any]) -> str:
    if item.get("cluster") is not None:
        return f"passage {int(item['cluster']) + 1}"
    if item.get("link_list") == "shared_facts":
        return f"shared fact {item.get('link')}"
    return f"link {item.get('link')}"


def _table(
    key: str, title: str, items: list[Mapping[str, Any]], ids: list[str], ctx: ReportContext
) -> Table:
    rows = []
    for item in items[:_MAX_ROWS]:
        relation = _RELATION.get(str(item.get("relation")), str(item.get("relation")))
        cells = [Cell(_fact(item)), Cell(str(item.get("subject", ""))), Cell(relation)]
        by_article = _by_article(item, ctx)
        for aid in ids:
            cells.append(_outlet_cell(item, aid, by_article.get(aid, []), ctx))
        rows.append(tuple(cells))
    columns = ("Fact", "What", "How they differ", *(ctx.outlet(a) for a in ids))
    note = f"First {_MAX_ROWS} of {len(items)}." if len(items) > _MAX_ROWS else ""
    return Table(key, title, columns, tuple(rows), note)


def _by_article(item: Mapping[str, Any], ctx: ReportContext) -> dict[str, list[Mapping[str, Any]]]:
    """The item's members grouped by article, in order (one pass, not one per outlet)."""
    out: dict[str, list[Mapping[str, Any]]] = {}
    for m in _members(item, ctx):
        out.setdefault(str(m["article"]), []).append(m)
    return out


def _outlet_cell(
    item: Mapping[str, Any], aid: str, own: list[Mapping[str, Any]], ctx: ReportContext
) -> Cell:
    if not own:
        return Cell("")
    text = ctx.evidence.articles[aid].text
    shown = []
    href = None
    for m in own:
        words = text[int(m["start"]) : int(m["end"])]
        label = f"{item.get('kind')}: {m.get('value', '')}"
        anchor = ctx.span_anchor(m, "differs", label)
        href = href or anchor
        value = str(m.get("value", ""))
        extra = [value] if item.get("kind") == "number" else []
        if m.get("category"):
            extra.append(str(m["category"]))
        shown.append(f"{words} ({'; '.join(extra)})" if extra else words)
    return Cell(", ".join(dict.fromkeys(shown)), None, href)


def _side_by_side(items: list[Mapping[str, Any]], ids: list[str], ctx: ReportContext) -> SideBySide:
    rows = []
    labels = []
    for item in items[:_MAX_ROWS]:
        row: list[PassageCell | None] = []
        spans = _passages(item, ctx)
        by_article = _by_article(item, ctx)
        for aid in ids:
            own = by_article.get(aid, [])
            span = spans.get(aid)
            row.append(_passage(aid, own, span, ctx) if own or span else None)
        rows.append(tuple(row))
        relation = _RELATION.get(str(item.get("relation")), "")
        labels.append(f"{_fact(item)}: {item.get('subject', '')} ({relation})")
    columns = tuple(ctx.outlet(a) for a in ids)
    return SideBySide("disagreements", "What each outlet says", columns, tuple(rows), tuple(labels))


def _passages(item: Mapping[str, Any], ctx: ReportContext) -> dict[str, Span]:
    """The fact's passage per article (older results have none: the members' sentences)."""
    out = {}
    for p in item.get("passages") or []:
        if isinstance(p, Mapping) and str(p.get("article")) in ctx.names:
            out[str(p["article"])] = Span(int(p["start"]), int(p["end"]))
    return out


def _passage(
    aid: str, own: list[Mapping[str, Any]], span: Span | None, ctx: ReportContext
) -> PassageCell:
    art = ctx.evidence.articles[aid]
    if span is None:
        starts = [int(m["start"]) for m in own]
        sentences = [s for s in art.sentences if any(s.start <= x < s.end for x in starts)]
        span = (
            Span(sentences[0].start, sentences[-1].end)
            if sentences
            else Span(min(starts), max(int(m["end"]) for m in own))
        )
    marks = [Mark(int(m["start"]), int(m["end"]), "differs", str(m.get("value", ""))) for m in own]
    marks += [m for m in ctx.evidence.marks_in(aid, span) if m.kind in ("loaded", "loaded-quoted")]
    return PassageCell(aid, fragments(art, span, marks, anchors=False), anchor_id(aid, span.start))


def naming_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the actor × outlet naming table, or None when ``data`` is no naming object."""
    if not isinstance(data, Mapping) or not isinstance(data.get("actors"), Sequence):
        return None
    actors = [a for a in data["actors"] if isinstance(a, Mapping)]
    if not actors:
        return None
    ids = list(ctx.names)
    rows = []
    detail: list[tuple[Cell, ...]] = []
    for actor in actors[:_MAX_ACTORS]:
        cells = [Cell(str(actor.get("name", "")))]
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


def _names_cell(
    actor: Mapping[str, Any], aid: str, ctx: ReportContext, detail: list[tuple[Cell, ...]]
) -> Cell:
    text = ctx.evidence.articles[aid].text
    counts: Counter[str] = Counter()
    href = None
    for m in actor.get("mentions") or []:
        if not isinstance(m, Mapping) or str(m.get("article")) != aid:
            continue
        words = text[int(m["start"]) : int(m["end"])]
        anchor = ctx.span_anchor(m, "name", f"{actor.get('name')}")
        href = href or anchor
        counts[words] += 1
        detail.append(
            (Cell(str(actor.get("name"))), Cell(ctx.outlet(aid)), Cell(words, None, anchor),
             Cell(str(m.get("form", ""))))
        )  # fmt: skip
    shown = "; ".join(f"{w} ×{n}" for w, n in counts.most_common())
    return Cell(shown, None, href)
