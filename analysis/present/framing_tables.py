"""Tables of the app's Framing view: sources, attribution verbs, hedging.

Each builder reads ``result.framing`` (:class:`~analysis.framing.report.FramingReport`)
and returns a :class:`~analysis.present.tables.Table` whose cells carry the evidence spans
behind each figure. Outlets are columns in input order, named by
:func:`~analysis.present.labels.outlet_labels` as in the reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from analysis.framing.quoting import Quote, Source
from analysis.framing.report import PassageMember
from analysis.framing.stance import VerbProfile, VerbUse
from analysis.present.labels import STANCES, outlet_labels, stance_label
from analysis.present.sources import source_groups
from analysis.present.tables import Cell, Evidence, Table, excerpt, span_text
from analysis.result import ComparisonResult

__all__ = [
    "STANCE_LABELS",
    "hedges_per_passage",
    "hedges_table",
    "passage_table",
    "sentiment_per_passage",
    "source_summary_table",
    "sources_table",
    "verb_changes_table",
    "verb_profile_table",
    "verb_words_table",
]

_Spanned = Source | Quote

#: Stance names in table order, as the reports say them ("unclassified", never "other").
STANCE_LABELS = {stance: stance_label(stance) for stance in STANCES}


def _outlets(result: ComparisonResult) -> tuple[str, ...]:
    labels = outlet_labels(result.articles)
    return tuple(labels[a.id] for a in result.articles)


# --- who is quoted -------------------------------------------------------------------
def sources_table(result: ComparisonResult) -> Table:
    """Who is quoted by which outlet: one row per source, merged across outlets."""
    if result.framing is None:
        return Table((), ())
    rows = []
    for group in source_groups(result):
        others = [v for v in group.variants if v != group.name]
        tip = "Also written as: " + "; ".join(others) if others else ""
        kind = "anonymous" if group.anonymous else "named"
        cells = [Cell(group.name, group.name, tip), Cell(kind, strong=group.anonymous)]
        by_article = dict(group.by_article)
        for article in result.articles:
            cells.append(_source_cell(result, by_article.get(article.id, ())))
        rows.append(tuple(cells))
    rows.sort(key=lambda r: (r[1].text, -sum(float(c.sort or 0) for c in r[2:])))
    note = (
        "How often each outlet credits each source (quotes and reported speech). "
        "Anonymous sources are unnamed officials, witnesses, ‘sources’ and the like; "
        "one source worded differently by different outlets is one row (hover for the wordings)."
    )
    return Table(("Source", "Kind", *_outlets(result)), tuple(rows), note)


def _source_cell(result: ComparisonResult, found: Sequence[Source]) -> Cell:
    if not found:
        return Cell("", 0.0)
    first = found[0]
    verbs = ", ".join(sorted({s.verb for s in found}))
    phrase = span_text(result, first.article, first.span.start, first.span.end)
    return Cell(
        str(len(found)),
        float(len(found)),
        f"“{phrase}” — {verbs}",
        (first.article, first.span.start, first.span.end),
    )


def source_summary_table(result: ComparisonResult) -> Table:
    """Per outlet: named and anonymous sources, quotes, and the share of text quoted.

    Each count's evidence is its first source or quote; the share's is the first quote.
    """
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    labels = outlet_labels(result.articles)
    for item in framing.articles:
        anon = item.anonymous_sources
        named = [s for s in item.sources if not s.anonymous]
        direct = [q for q in item.quotes if q.direct]
        indirect = [q for q in item.quotes if not q.direct]
        tip = "; ".join(s.name for s in anon) or "none"
        rows.append(
            (
                Cell(labels.get(item.article, item.outlet)),
                Cell.number(len(named), 0, evidence=_first(item.article, named)),
                Cell.number(
                    len(anon), 0, tooltip=f"Anonymous: {tip}", evidence=_first(item.article, anon)
                ),
                Cell.number(len(direct), 0, evidence=_first(item.article, direct)),
                Cell.number(len(indirect), 0, evidence=_first(item.article, indirect)),
                Cell.number(100 * item.quote_share, 1, evidence=_first(item.article, item.quotes)),
            )
        )
    headers = ("Outlet", "Named", "Anonymous", "Direct quotes", "Indirect quotes", "% quoted")
    return Table(headers, tuple(rows), "% quoted = words inside quotation marks.")


def _first(article: str, found: Sequence[_Spanned]) -> Evidence | None:
    """The evidence of the first of ``found`` (a source or quote of ``article``), or None."""
    return (article, found[0].span.start, found[0].span.end) if found else None


# --- attribution verbs -----------------------------------------------------------------
def verb_profile_table(result: ComparisonResult) -> Table:
    """Attribution verbs by stance: count and share of each outlet's verbs."""

    def cell(profile: VerbProfile, stance: str) -> Cell:
        words, first = _stance_words(profile, stance)
        count = dict(profile.counts).get(stance, 0)
        share = 100 * profile.share(stance)
        return Cell(f"{count} ({share:.0f}%)", float(count), words or "none", first)

    note = (
        "Verbs that attribute speech, by the stance they take: neutral (said), distancing "
        "(claimed), endorsing (revealed, admitted), emotive (slammed). Each cell's tooltip "
        "(in the app) or the verbs table names the verbs."
    )
    return _by_stance(result, cell, note)


def verb_words_table(result: ComparisonResult) -> Table:
    """The attribution verbs themselves, per stance and outlet, with how often each is used.

    The words behind :func:`verb_profile_table`'s counts, for media without tooltips
    (the reports): "claimed ×2, insisted ×1"; each cell links to the stance's first use.
    """

    def cell(profile: VerbProfile, stance: str) -> Cell:
        words, first = _stance_words(profile, stance)
        return Cell(words or "—", evidence=first)

    note = "The attribution verbs each outlet uses, by stance, most used first."
    return _by_stance(result, cell, note)


def _by_stance(
    result: ComparisonResult, cell: Callable[[VerbProfile, str], Cell], note: str
) -> Table:
    """A row per stance, a column per outlet, each cell made by ``cell``."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = tuple(
        (Cell(label), *(cell(profile, stance) for profile in framing.verbs))
        for stance, label in STANCE_LABELS.items()
    )
    labels = outlet_labels(result.articles)
    headers = ("Stance", *(labels.get(p.article, p.article) for p in framing.verbs))
    return Table(headers, rows, note)


def _stance_words(profile: VerbProfile, stance: str) -> tuple[str, Evidence | None]:
    """The verbs of one stance, most used first ("claimed ×2, insisted ×1"), and the first use."""
    uses = [u for u in profile.uses if u.stance == stance]
    words = ", ".join(f"{v} ×{n}" for v, n in Counter(u.verb for u in uses).most_common())
    first = (uses[0].article, uses[0].span.start, uses[0].span.end) if uses else None
    return words, first


def verb_changes_table(result: ComparisonResult) -> Table:
    """For each aligned passage with an attribution, the verbs each outlet used.

    A passage of several sentences can hold several verbs; they are listed in text order.
    """
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    for passage in framing.passages:
        verbs = {m.article: m.verbs for m in passage.members if m.verbs}
        if not verbs:
            continue
        words = {a: " / ".join(u.verb for u in uses) for a, uses in verbs.items()}
        partial = {m.article for m in passage.members if m.kind == "partial"}
        carried = {m.article for m in passage.members}
        common = Counter(words.values()).most_common(1)[0][0]
        first = passage.members[0]
        text = span_text(result, first.article, first.span.start, first.span.end)
        differ = len(set(words.values())) > 1
        where = (first.article, first.span.start, first.span.end)
        cells = [Cell(excerpt(text), tooltip=text, evidence=where, strong=differ)]
        for article in result.articles:
            uses = verbs.get(article.id)
            if not uses:
                cells.append(_NO_VERB if article.id in carried else _NOT_CARRIED)
                continue
            shown = words[article.id] + (" (shares a fact)" if article.id in partial else "")
            cells.append(_verbs_cell(uses, shown, words[article.id] != common))
        rows.append(tuple(cells))
    rows.sort(key=lambda r: not r[0].strong)  # passages whose verbs differ first
    note = (
        "Bold passage: the outlets attribute it with different verbs; bold cells differ "
        "from the most common wording. (shares a fact): the outlet's sentence asserts a fact "
        "of the passage in its own words. Empty: no fact of the passage in that outlet."
    )
    return Table(("Passage", *_outlets(result)), tuple(rows), note, stretch=0)


_NO_VERB, _NOT_CARRIED = Cell("(no verb)", ""), Cell("", "")  # frozen: rows share them


def _verbs_cell(uses: Sequence[VerbUse], text: str, strong: bool) -> Cell:
    tips = []
    for use in uses:
        stance = STANCE_LABELS.get(use.stance, use.stance)
        tips.append(f"{use.verb} ({stance})" + (f", of {use.speaker}" if use.speaker else ""))
    first = uses[0]
    evidence = (first.article, first.span.start, first.span.end)
    return Cell(text, text, "\n".join(tips), evidence, strong)


# --- hedging ----------------------------------------------------------------------------
def hedges_table(result: ComparisonResult) -> Table:
    """Hedges (allegedly, reportedly) and boosters (very, clearly) per outlet."""
    framing = result.framing
    if framing is None:
        return Table((), ())
    labels = outlet_labels(result.articles)
    rows = []
    for profile in framing.hedges:
        ev = profile.evidence
        first = (profile.article, ev[0].start, ev[0].end) if ev else None
        words = ", ".join(span_text(result, profile.article, s.start, s.end) for s in ev)
        tip = words or "none"
        figures = (
            (profile.hedges[0], 0), (profile.hedges[1], 0), (profile.hedge_rate, 1),
            (profile.boosters[0], 0), (profile.boosters[1], 0), (profile.booster_rate, 1),
        )  # fmt: skip
        cells = (Cell.number(v, d, tooltip=tip, evidence=first) for v, d in figures)
        rows.append((Cell(labels.get(profile.article, profile.article)), *cells))
    headers = (
        "Outlet", "Hedges, own voice", "Hedges, quoted", "Hedges per 1,000 words",
        "Boosters, own voice", "Boosters, quoted", "Boosters per 1,000 words",
    )  # fmt: skip
    note = "Rates count the outlet's own voice per 1,000 of its own (unquoted) words."
    return Table(headers, tuple(rows), note)


def passage_table(
    result: ComparisonResult,
    value: Callable[[PassageMember], float | None],
    *,
    digits: int = 0,
    keep: Callable[[Sequence[float | None]], bool] = lambda _: True,
    note: str = "",
) -> Table:
    """One figure per aligned passage and outlet (hedges, sentiment …).

    Args:
        result: The result.
        value: The figure of a :class:`~analysis.framing.report.PassageMember`.
        digits: Decimals shown.
        keep: Which rows to keep, given their figures.
        note: Explanation shown under the table.
    """
    framing = result.framing
    if framing is None:
        return Table((), ())
    rows = []
    for passage in framing.passages:
        members = {m.article: m for m in passage.members}
        figures = [value(members[a.id]) if a.id in members else None for a in result.articles]
        if not members or not keep(figures):
            continue
        first = passage.members[0]
        text = span_text(result, first.article, first.span.start, first.span.end)
        cells = [
            Cell(
                excerpt(text),
                tooltip=text,
                evidence=(first.article, first.span.start, first.span.end),
            )
        ]
        for article, fig in zip(result.articles, figures, strict=True):
            m = members.get(article.id)
            evidence = (m.article, m.span.start, m.span.end) if m is not None else None
            if m is None:
                cells.append(Cell("", float("-inf")))
            else:
                cells.append(Cell.number(fig, digits, evidence=evidence))
        rows.append(tuple(cells))
    return Table(("Passage", *_outlets(result)), tuple(rows), note, stretch=0)


def hedges_per_passage(result: ComparisonResult) -> Table:
    """Hedges in each outlet's version of each aligned passage (rows with any)."""
    return passage_table(
        result,
        lambda m: float(m.hedges.hedges[0] + m.hedges.hedges[1]),
        keep=lambda figs: any(f for f in figs),
        note="Hedges in each outlet's version of the same passage (own voice and quoted).",
    )


def sentiment_per_passage(result: ComparisonResult) -> Table:
    """Sentiment of each outlet's version of the passages whose versions score differently."""
    return passage_table(
        result,
        lambda m: float(m.sentiment.compound),
        digits=2,
        keep=lambda figs: len({f for f in figs if f is not None}) > 1,
        note="VADER compound score of each outlet's version (rough lexicon measure); "
        "only passages whose versions score differently.",
    )
