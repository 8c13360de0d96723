"""Key-finding rules that read the alignment: coverage, omissions, unique passages, copy.

Every rule states a difference only past a fixed bar (see each function); the bars are
listed for readers in :data:`analysis.present.findings.RULES`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from analysis.align.matcher import MatchKind
from analysis.align.values import Link, PairShare
from analysis.omission import CellKind, MatrixRow, matrix_rows
from analysis.present.labels import quoted
from analysis.present.values import Evidence, Finding, FindingContext

__all__ = [
    "MIN_OMITTED",
    "MIN_UNIQUE",
    "MIN_UNIQUE_SHARE",
    "coverage_finding",
    "omission_findings",
    "unique_findings",
    "wire_finding",
]

MIN_OMITTED = 2  # an outlet must leave out at least this many widely carried passages
MIN_UNIQUE = 2  # ... or carry at least this many passages nobody else has
MIN_UNIQUE_SHARE = 0.2  # ... that make up at least this share of its text
_MAX_EVIDENCE = 6


def _rows(ctx: FindingContext) -> tuple[MatrixRow, ...]:
    """The matrix rows the rules read, built once per context (three rules read them)."""
    rows = ctx.shared.matrix_rows
    if rows is None:
        # Headlines are left out: every outlet writes its own, so one "missing" says nothing.
        every = ctx.shared.all_matrix_rows
        if every is None:
            every = matrix_rows(ctx.result.articles, ctx.result.alignment)
        rows = tuple(r for r in every if all(c.position != "headline" for c in r.cells))
        ctx.shared.matrix_rows = rows
    return tuple(rows)


def names(labels: Sequence[str], limit: int = 4) -> str:
    """Return "A", "A and B", "A, B and C" or "A, B, C, D and 3 more"."""
    shown = list(labels[:limit])
    if len(labels) > limit:
        shown.append(f"{len(labels) - limit} more")
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def coverage_finding(ctx: FindingContext) -> list[Finding]:
    """How many passages every outlet carries, how many some leave out, how many one has."""
    rows = _rows(ctx)
    shared = [r for r in rows if not r.only_here and sum(_carries(r)) >= 2]
    if not shared:
        return []
    everyone = [r for r in shared if all(_carries(r))]
    alone = sum(1 for r in rows if r.only_here)
    n = ctx.count
    text = (
        f"The {n} articles have {len(shared)} passages in common between at least two of them; "
        f"{len(everyone)} of these appear in all {n}, and {alone} passages appear in one "
        "article only."
    )
    example = max(everyone or shared, key=lambda r: sum(_carries(r)))
    evidence = tuple(
        ctx.evidence(c.article, c.start, c.end)
        for c in example.cells
        if c.kind is not CellKind.MISSING
    )[:_MAX_EVIDENCE]
    return [Finding("coverage", text, evidence)]


def _carries(row: MatrixRow) -> list[bool]:
    return [c.kind is not CellKind.MISSING for c in row.cells]


def omission_findings(ctx: FindingContext, limit: int = 2) -> list[Finding]:
    """Outlets leaving out passages that (nearly) all the others carry.

    Rule: at least three articles; a passage counts against an outlet when it is not
    found there and at least three quarters of the other outlets (and two or more)
    carry it, in any form ("shares a fact" included); an outlet is named with at
    least :data:`MIN_OMITTED` such passages. The outlets with the most come first.
    """
    n = ctx.count
    if n < 3:
        return []
    need = max(2, math.ceil(0.75 * (n - 1)))
    left_out: dict[str, list[MatrixRow]] = {}
    for row in _rows(ctx):
        if row.only_here or sum(_carries(row)) < need:
            continue
        for cell in row.cells:
            if cell.kind is CellKind.MISSING:
                left_out.setdefault(cell.article, []).append(row)
    ranked = sorted(
        (a for a, rows in left_out.items() if len(rows) >= MIN_OMITTED),
        key=lambda a: (-len(left_out[a]), ctx.order(a)),
    )
    return [_omission(ctx, a, left_out[a], need == n - 1) for a in ranked[:limit]]


def _omission(ctx: FindingContext, article: str, rows: list[MatrixRow], all_: bool) -> Finding:
    first = rows[0].first
    example = quoted(ctx.words(first.article, first.start, first.end))
    others = "all the other outlets carry" if all_ else "nearly all the other outlets carry"
    text = (
        f"{ctx.labels[article]} leaves out {len(rows)} passages that {others}, for example "
        f"{example} ({ctx.labels[first.article]})."
    )
    evidence = tuple(
        ctx.evidence(r.first.article, r.first.start, r.first.end) for r in rows[:_MAX_EVIDENCE]
    )
    return Finding("omission", text, evidence)


def unique_findings(ctx: FindingContext, limit: int = 2) -> list[Finding]:
    """Outlets carrying passages in which no other outlet asserts any of the facts.

    Rule: at least :data:`MIN_UNIQUE` such passages making up at least
    :data:`MIN_UNIQUE_SHARE` of the outlet's text; the largest shares come first.
    """
    alone: dict[str, list[MatrixRow]] = {}
    for row in _rows(ctx):
        if row.only_here:
            alone.setdefault(row.first.article, []).append(row)
    shares: dict[str, float] = {}
    for article, rows in alone.items():
        size = max(1, len(ctx.articles[article].text.strip()))
        shares[article] = sum(r.first.end - r.first.start for r in rows) / size
    ranked = sorted(
        (a for a in alone if len(alone[a]) >= MIN_UNIQUE and shares[a] >= MIN_UNIQUE_SHARE),
        key=lambda a: (-shares[a], ctx.order(a)),
    )
    out = []
    for article in ranked[:limit]:
        rows = sorted(alone[article], key=lambda r: r.first.start - r.first.end)
        top = rows[0].first
        text = (
            f"Only {ctx.labels[article]} reports {len(rows)} passages that no other outlet "
            f"carries (about {round(100 * shares[article])}% of its text), for example "
            f"{quoted(ctx.words(article, top.start, top.end))}."
        )
        ev = tuple(ctx.evidence(article, r.first.start, r.first.end) for r in rows[:3])
        out.append(Finding("unique", text, ev))
    return out


def wire_finding(ctx: FindingContext) -> list[Finding]:
    """Articles that are largely copy of one another (agency copy, most likely).

    Rule: the aligner's own flag (either side of a pair is at least the configured share
    verbatim or edited copy of the other); outlets joined by flagged pairs form one group.
    """
    alignment = ctx.result.alignment
    if alignment is None:
        return []
    flagged = [p for p in alignment.pairs if p.likely_common_source]
    if not flagged:
        return []
    group = _largest_group(ctx, flagged)
    best = max(
        (p for p in flagged if p.a in group),
        key=lambda p: (max(p.a_copy, p.b_copy), -ctx.order(p.a), -ctx.order(p.b)),
    )
    who = (
        f"All {ctx.count} articles"
        if len(group) == ctx.count
        else names([ctx.labels[a] for a in group])
    )
    text = (
        f"{who} share long stretches of identical or lightly edited wording "
        f"(the most: {_pct(best.a_copy)} of {ctx.labels[best.a]} and "
        f"{_pct(best.b_copy)} of {ctx.labels[best.b]} are the same words or lightly "
        "edited), "
        "most likely copy from a common source such as a news agency."
    )
    return [Finding("copy", text, _longest_verbatim(ctx, best))]


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"


def _largest_group(ctx: FindingContext, pairs: list[PairShare]) -> list[str]:
    parent = {a: a for a in ctx.articles}

    def root(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for p in pairs:
        if p.a in parent and p.b in parent:
            parent[root(p.b)] = root(p.a)
    groups: dict[str, list[str]] = {}
    for a in sorted(ctx.articles, key=ctx.order):
        groups.setdefault(root(a), []).append(a)
    return max((g for g in groups.values() if len(g) > 1), key=len, default=[])


def _longest_verbatim(ctx: FindingContext, pair: PairShare) -> tuple[Evidence, ...]:
    alignment = ctx.result.alignment
    links = [
        link
        for link in (alignment.links if alignment is not None else ())
        if {link.a.article, link.b.article} == {pair.a, pair.b}
    ]
    if not links:
        return ()
    best: Link = max(
        links, key=lambda k: (k.kind is MatchKind.VERBATIM, k.a.end - k.a.start, -k.a.start)
    )
    return (
        ctx.evidence(best.a.article, best.a.start, best.a.end),
        ctx.evidence(best.b.article, best.b.start, best.b.end),
    )
