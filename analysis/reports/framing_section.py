"""The framing section: quotes and sources, attribution verbs, hedges, headlines, frames.

Reads the framing section's JSON form (``docs/framing.md``): per article ``quotes``,
``sources``, ``quoted_words``, ``words``, ``sentiment``; across articles ``speakers``,
``verbs``, ``hedges``, ``headlines``, ``frames`` and ``passages``. Each count links to its
first occurrence in the text; charts are drawn where a comparison reads better as bars
(own voice vs quoted, verb stances, hedges, frames) and while there are few enough outlets
for bars to stay legible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.reports.content import Bar, Block, Cell, Chart, Section, Table
from analysis.reports.framing_parts import (
    MAX_CHART_OUTLETS,
    first,
    frame_blocks,
    headline_table,
    hedge_blocks,
    records,
    span_of,
    span_text,
    verb_blocks,
)
from analysis.reports.generic import ReportContext

__all__ = ["framing_section"]


def framing_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the section, or None when ``data`` is not a framing section's JSON form."""
    if not isinstance(data, Mapping):
        return None
    articles = [a for a in records(data.get("articles")) if str(a.get("article")) in ctx.names]
    if not articles or not all("quotes" in a for a in articles):
        return None
    chart = len(ctx.names) <= MAX_CHART_OUTLETS
    blocks: list[Block] = []
    quotes = _quote_anchors(articles, ctx)
    blocks.append(_quotes_table(articles, quotes, ctx))
    if chart:
        blocks.append(_voice_chart(articles, quotes, ctx))
    blocks.extend(verb_blocks(records(data.get("verbs")), ctx, chart))
    blocks.extend(hedge_blocks(records(data.get("hedges")), ctx, chart))
    blocks.append(headline_table(records(data.get("headlines")), ctx))
    blocks.extend(frame_blocks(records(data.get("frames")), ctx))
    blocks.append(_speakers(records(data.get("speakers")), articles, quotes, ctx))
    blocks.append(_passages(records(data.get("passages")), ctx))
    blocks.append(_quote_details(articles, quotes, ctx))
    method = str(data.get("sentiment_method") or "")
    intro = (
        "Who each outlet quotes and how: quotes and sources, the verbs that attribute them, "
        "hedges and boosters, whether the headline is borne out by the body, and which "
        "policy frames the wording leans on. Each number links to its first occurrence."
    )
    if method:
        intro += f" Sentiment: {method}."
    return Section("framing", "Framing", intro, tuple(blocks))


def _quote_anchors(
    articles: list[Mapping[str, Any]], ctx: ReportContext
) -> dict[str, list[tuple[Mapping[str, Any], str | None]]]:
    """Every quote of every article with the anchor of its text."""
    out: dict[str, list[tuple[Mapping[str, Any], str | None]]] = {}
    for art in articles:
        aid = str(art["article"])
        out[aid] = []
        for quote in records(art.get("quotes")):
            attr = quote.get("attribution")
            who = str(attr.get("speaker") or "") if isinstance(attr, Mapping) else ""
            label = f"quote: {who}" if who else "quote, speaker unknown"
            out[aid].append((quote, span_of(ctx, aid, quote.get("span"), "quote", label)))
    return out


def _quotes_table(
    articles: list[Mapping[str, Any]],
    quotes: Mapping[str, list[tuple[Mapping[str, Any], str | None]]],
    ctx: ReportContext,
) -> Table:
    rows = []
    for art in articles:
        aid = str(art["article"])
        mine = quotes.get(aid, [])
        direct = [a for q, a in mine if q.get("direct")]
        sources = records(art.get("sources"))
        named = [
            span_of(ctx, aid, s.get("span"), "source", "named source")
            for s in sources
            if not s.get("anonymous")
        ]
        anon = [
            span_of(ctx, aid, s.get("span"), "source", "anonymous source")
            for s in sources
            if s.get("anonymous")
        ]
        share = float(art.get("quote_share") or 0.0)
        sentiment = art.get("sentiment")
        compound = sentiment.get("compound") if isinstance(sentiment, Mapping) else None
        rows.append(
            (
                Cell(ctx.outlet(aid)),
                Cell.number(len(mine), first(a for _, a in mine)),
                Cell.number(len(direct), first(direct)),
                Cell.number(
                    len(mine) - len(direct), first(a for q, a in mine if not q.get("direct"))
                ),
                Cell.number(len(named), first(named)),
                Cell.number(len(anon), first(anon)),
                Cell.number(round(100 * share, 1), first(a for _, a in mine), digits=1),
                Cell.number(float(compound)) if isinstance(compound, int | float) else Cell("n/a"),
            )
        )
    columns = (
        "Outlet",
        "Quotes",
        "Direct",
        "Indirect",
        "Named sources",
        "Anonymous sources",
        "Quoted words %",
        "Sentiment",
    )
    note = "Sentiment runs from −1 (negative) to +1 (positive): a rough lexicon measure."
    return Table("framing-sources", "Quotes and sources", columns, tuple(rows), note)


def _voice_chart(
    articles: list[Mapping[str, Any]],
    quotes: Mapping[str, list[tuple[Mapping[str, Any], str | None]]],
    ctx: ReportContext,
) -> Chart:
    bars = []
    for art in articles:
        aid = str(art["article"])
        share = 100 * float(art.get("quote_share") or 0.0)
        first_quote = first(a for _, a in quotes.get(aid, []))
        headline = ctx.evidence.articles[aid].headline
        own = ctx.evidence.add(aid, headline.start, headline.end, "headline") if headline else None
        bars.append(Bar(ctx.outlet(aid), (100 - share, share), (own, first_quote)))
    return Chart(
        "framing-voice",
        "Own voice vs quoted words",
        ("own voice", "quoted"),
        tuple(bars),
        "% of the text's words",
    )


def _speakers(
    raw: list[Mapping[str, Any]],
    articles: list[Mapping[str, Any]],
    quotes: Mapping[str, list[tuple[Mapping[str, Any], str | None]]],
    ctx: ReportContext,
) -> Table:
    first: dict[str, str | None] = {}
    for art in articles:
        for quote, anchor in quotes.get(str(art["article"]), []):
            attr = quote.get("attribution")
            key = str(attr.get("key") or "") if isinstance(attr, Mapping) else ""
            if key and anchor and key not in first:
                first[key] = anchor
    rows = []
    for entry in raw:
        counts = [
            (str(c[0]), int(c[1]))
            for c in entry.get("counts") or []
            if isinstance(c, Sequence) and len(c) == 2 and str(c[0]) in ctx.names
        ]
        total = sum(n for _, n in counts)
        who = ", ".join(f"{ctx.outlet(a)} {n}" for a, n in counts)
        href = first.get(str(entry.get("key") or ""))
        rows.append(
            (
                len(counts),
                total,
                (
                    Cell(str(entry.get("name") or entry.get("key") or "")),
                    Cell.number(len(counts)),
                    Cell.number(total, href),
                    Cell(who),
                ),
            )
        )
    rows.sort(key=lambda r: (-r[0], -r[1]))
    columns = ("Speaker", "Outlets quoting", "Quotes", "Quotes per outlet")
    return Table("framing-speakers", "Who is quoted", columns, tuple(r[2] for r in rows))


def _quote_details(
    articles: list[Mapping[str, Any]],
    quotes: Mapping[str, list[tuple[Mapping[str, Any], str | None]]],
    ctx: ReportContext,
) -> Table:
    rows = []
    for art in articles:
        aid = str(art["article"])
        text = ctx.evidence.articles[aid].text
        for quote, anchor in quotes.get(aid, []):
            attr = quote.get("attribution")
            if not isinstance(attr, Mapping):
                attr = {}
            rows.append(
                (
                    Cell(ctx.outlet(aid), None, anchor),
                    Cell(span_text(text, quote.get("span")), None, anchor),
                    Cell("direct" if quote.get("direct") else "indirect"),
                    Cell(str(attr.get("speaker") or "")),
                    Cell(str(attr.get("kind") or "unknown")),
                    Cell(str(attr.get("verb") or "")),
                    Cell("yes" if quote.get("scare") else "no"),
                )
            )
    columns = ("Outlet", "Quote", "Form", "Speaker", "Speaker kind", "Verb", "Scare quote")
    return Table("framing-quotes", "Every quote", columns, tuple(rows), detail=True)


_KIND_LABELS = {"partial": "shares a fact"}
_SENTIMENT_SPREAD = 0.1  # a shared passage whose sentiment differs less than this reads alike
_MAX_PASSAGE_ROWS = 100  # more rows than this: folded in HTML, left to CSV/JSON on paper
_SHOWN_CHARS = 90


def _passages(raw: list[Mapping[str, Any]], ctx: ReportContext) -> Table:
    """Shared passages that outlets frame differently: other verbs, hedges or sentiment."""
    rows = []
    for number, entry in enumerate(raw, 1):
        members = [m for m in records(entry.get("members")) if str(m.get("article")) in ctx.names]
        if len(members) < 2 or not _differ(members):
            continue
        for member in members:
            aid = str(member["article"])
            anchor = span_of(ctx, aid, member.get("span"), "passage")
            text = span_text(ctx.evidence.articles[aid].text, member.get("span")).strip()
            if len(text) > _SHOWN_CHARS:
                text = text[: _SHOWN_CHARS - 1] + "…"
            verbs = ", ".join(str(v.get("verb", "")) for v in records(member.get("verbs")))
            hedges = member.get("hedges")
            counts = hedges.get("hedges") if isinstance(hedges, Mapping) else None
            n_hedges = sum(int(c) for c in counts) if isinstance(counts, Sequence) else 0
            kind = str(member.get("kind") or "")
            rows.append(
                (
                    Cell.number(number),
                    Cell(ctx.outlet(aid)),
                    Cell(text, None, anchor),
                    Cell(verbs),
                    Cell.number(n_hedges),
                    Cell.number(_compound(member)),
                    Cell(_KIND_LABELS.get(kind, kind)),
                )
            )
    columns = (
        "Passage",
        "Outlet",
        "Text",
        "Attribution verbs",
        "Hedges",
        "Sentiment",
        "Carried as",
    )
    note = (
        "Passages several outlets carry, where their attribution verbs, hedges or sentiment "
        f"(by more than {_SENTIMENT_SPREAD}) differ. Carried as: verbatim, edited, "
        "paraphrase, or shares a fact (the outlet's sentence asserts a fact of the passage)."
    )
    detail = len(rows) > _MAX_PASSAGE_ROWS
    title = "Same passage, different framing"
    return Table("framing-passages", title, columns, tuple(rows), note, detail=detail)


def _compound(member: Mapping[str, Any]) -> float:
    sentiment = member.get("sentiment")
    value = sentiment.get("compound") if isinstance(sentiment, Mapping) else None
    return float(value) if isinstance(value, int | float) else 0.0


def _differ(members: list[Mapping[str, Any]]) -> bool:
    verbs = {tuple(str(v.get("verb", "")) for v in records(m.get("verbs"))) for m in members}
    hedges = {
        str(m.get("hedges", {}).get("hedges")) if isinstance(m.get("hedges"), Mapping) else ""
        for m in members
    }
    scores = [_compound(m) for m in members]
    return len(verbs) > 1 or len(hedges) > 1 or max(scores) - min(scores) > _SENTIMENT_SPREAD
