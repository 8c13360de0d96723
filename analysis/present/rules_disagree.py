"""Key-finding rule about figures: outlets giving incompatible numbers for one fact."""

from __future__ import annotations

from analysis.disagree.values import Member
from analysis.present.labels import quoted
from analysis.present.values import Finding, FindingContext

__all__ = ["MAX_CONTRADICTIONS", "contradiction_findings"]

MAX_CONTRADICTIONS = 2


def contradiction_findings(ctx: FindingContext) -> list[Finding]:
    """Figures that cannot both be true, within one aligned passage.

    Bar: a number contradiction (ranges that do not overlap) inside an alignment cluster
    (not a looser "shares a fact" link), where every side names what it counts. On real
    coverage the looser cases were mostly figures of two different things
    (docs/disagreements.md), so they are left to the Disagreements view.
    """
    report = ctx.result.disagreements
    if report is None:
        return []
    out: list[Finding] = []
    for d in report.items:
        if not d.contradiction or d.cluster is None or len(out) >= MAX_CONTRADICTIONS:
            continue
        if not all(m.value and not m.value[0].isalpha() for m in d.members):
            continue
        firsts: dict[str, Member] = {}
        for m in d.members:
            firsts.setdefault(m.article, m)
        said = [
            f"{ctx.labels[a]} {quoted(ctx.words(a, m.start, m.end))}"
            for a, m in sorted(firsts.items(), key=lambda kv: ctx.order(kv[0]))
        ]
        text = (
            f"Outlets give figures for the same fact ({d.subject}) that cannot both be true: "
            + ", ".join(said)
            + "."
        )
        ev = tuple(ctx.evidence(m.article, m.start, m.end) for m in firsts.values())
        out.append(Finding("contradiction", text, ev))
    return out
