"""The loaded-terms section: counts per outlet (own voice vs quoted), a chart, term tables.

Reads the terms section's JSON form: ``categories`` (name → ``{"loaded": bool, …}``, or a
list of such with ``name``), ``hits`` (``article``, ``start``, ``end``, ``category``,
``in_quote``) and optionally ``rates``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.reports.content import Bar, Block, Cell, Chart, Section, Table
from analysis.reports.generic import ReportContext
from analysis.reports.terms_scores import score_blocks

__all__ = ["terms_section"]

_MAX_TERM_ROWS = 300


@dataclass(frozen=True, slots=True)
class _Hit:
    article: str
    start: int
    end: int
    category: str
    in_quote: bool
    text: str
    anchor: str


def terms_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the section, or None when ``data`` is not a terms section's JSON form."""
    if not isinstance(data, Mapping) or "hits" not in data:
        return None
    loaded = _loaded_categories(data.get("categories"))
    hits = _hits(data.get("hits") or [], loaded, ctx)
    ids = list(ctx.names)
    blocks: list[Block] = [
        *score_blocks(
            data.get("loaded"),
            ctx,
            frozenset((h.article, h.start, h.end) for h in hits if h.in_quote),
        ),
        _chart(hits, loaded, data.get("loaded"), ids, ctx),
        _counts(hits, loaded, ids, ctx),
        _terms([h for h in hits if loaded.get(h.category, True)], ctx),
        _hit_table(hits, ctx),
    ]
    intro = (
        "Loaded wording per outlet: first the learned model's score with its interval and "
        "each outlet's most loaded sentences, then the terms from the lexicons and the model "
        "(category 'learned'), split into the outlet's own voice and words inside "
        "quotations. Each number links to its first occurrence."
    )
    return Section("terms", "Loaded terms", intro, tuple(blocks))


def _loaded_categories(raw: Any) -> dict[str, bool]:
    if isinstance(raw, Mapping):
        items = [(str(k), v) for k, v in raw.items()]
    elif isinstance(raw, Sequence) and not isinstance(raw, str):
        items = [(str(c.get("name") or c.get("id")), c) for c in raw if isinstance(c, Mapping)]
    else:
        items = []
    return {
        name: bool(v.get("loaded", True)) if isinstance(v, Mapping) else True for name, v in items
    }


def _hits(raw: Sequence[Any], loaded: Mapping[str, bool], ctx: ReportContext) -> list[_Hit]:
    hits = []
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        category = str(item.get("category", ""))
        quoted = bool(item.get("in_quote", False))
        kind = ("loaded-quoted" if quoted else "loaded") if loaded.get(category, True) else "term"
        anchor = ctx.span_anchor(item, kind, category)
        if anchor is None:
            continue
        aid, start, end = str(item["article"]), int(item["start"]), int(item["end"])
        text = str(item.get("term") or ctx.evidence.articles[aid].text[start:end])
        hits.append(_Hit(aid, start, end, category, quoted, text, anchor))
    return sorted(hits, key=lambda h: (list(ctx.names).index(h.article), h.start))


def _first(hits: Sequence[_Hit]) -> str | None:
    return hits[0].anchor if hits else None


def _chart(
    hits: list[_Hit], loaded: Mapping[str, bool], rates: Any, ids: list[str], ctx: ReportContext
) -> Chart:
    """Loaded-term rates per outlet, own voice vs quoted.

    Uses the terms section's own ``loaded`` rates (per 1,000 own-voice words and per 1,000
    quoted words) when present, so the report shows the app's numbers; otherwise both are
    per 1,000 words of the whole text.
    """
    given = rates if isinstance(rates, Mapping) else {}
    bars = []
    for aid in ids:
        mine = [h for h in hits if h.article == aid and loaded.get(h.category, True)]
        own = [h for h in mine if not h.in_quote]
        quoted = [h for h in mine if h.in_quote]
        rate = given.get(aid)
        if isinstance(rate, Mapping) and "own" in rate:
            values = (float(rate.get("own", 0.0)), float(rate.get("quoted", 0.0)))
        else:
            words = max(1, ctx.evidence.articles[aid].word_count)
            values = (1000 * len(own) / words, 1000 * len(quoted) / words)
        bars.append(Bar(ctx.outlet(aid), values, (_first(own), _first(quoted))))
    unit = "per 1,000 own-voice / quoted words" if given else "per 1,000 words"
    return Chart(
        "terms-chart",
        "Loaded terms: own voice vs quoted",
        ("own voice", "quoted"),
        tuple(bars),
        unit,
    )


def _counts(
    hits: list[_Hit], loaded: Mapping[str, bool], ids: list[str], ctx: ReportContext
) -> Table:
    categories = sorted({h.category for h in hits})
    # Grouped in one pass: scanning every hit per (article, category) was quadratic.
    groups: dict[tuple[str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.article, hit.category), []).append(hit)
    rows = []
    for aid in ids:
        words = max(1, ctx.evidence.articles[aid].word_count)
        for category in categories:
            mine = groups.get((aid, category))
            if not mine:
                continue
            own = [h for h in mine if not h.in_quote]
            quoted = [h for h in mine if h.in_quote]
            rows.append(
                (
                    Cell(ctx.outlet(aid)),
                    Cell(category),
                    Cell("yes" if loaded.get(category, True) else "no"),
                    Cell.number(len(own), _first(own)),
                    Cell.number(len(quoted), _first(quoted)),
                    Cell.number(1000 * len(mine) / words, _first(mine)),
                )
            )
    columns = ("Outlet", "Category", "Loaded", "Own voice", "Quoted", "Per 1,000 words")
    title = "Lexicon terms by outlet and category"
    return Table("term-counts", title, columns, tuple(rows))


def _terms(hits: list[_Hit], ctx: ReportContext) -> Table:
    groups: dict[tuple[str, str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.text.lower(), hit.category, hit.article), []).append(hit)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = []
    for (term, category, aid), group in ordered[:_MAX_TERM_ROWS]:
        own = [h for h in group if not h.in_quote]
        quoted = [h for h in group if h.in_quote]
        rows.append(
            (
                Cell(term, None, group[0].anchor),
                Cell(category),
                Cell(ctx.outlet(aid)),
                Cell.number(len(own), _first(own)),
                Cell.number(len(quoted), _first(quoted)),
            )
        )
    note = (
        f"The {_MAX_TERM_ROWS} most frequent of {len(ordered)}."
        if len(ordered) > _MAX_TERM_ROWS
        else ""
    )
    columns = ("Term", "Category", "Outlet", "Own voice", "Quoted")
    return Table("terms", "Loaded terms, most frequent first", columns, tuple(rows), note)


def _hit_table(hits: list[_Hit], ctx: ReportContext) -> Table:
    rows = tuple(
        (
            Cell(ctx.outlet(h.article), None, h.anchor),
            Cell(h.text, None, h.anchor),
            Cell(h.category),
            Cell("quoted" if h.in_quote else "own voice"),
            Cell.number(h.start, h.anchor),
            Cell.number(h.end, h.anchor),
        )
        for h in hits
    )
    columns = ("Outlet", "Term", "Category", "Voice", "Start", "End")
    return Table("term-hits", "Every loaded-term occurrence", columns, rows, detail=True)
