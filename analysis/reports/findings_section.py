"""The report's first section: the key findings, each linked to its evidence."""

from __future__ import annotations

from analysis.present import RULES, is_sample, key_findings
from analysis.present.labels import SAMPLE_BANNER
from analysis.reports.content import (
    Cell,
    EvidenceLink,
    FindingItem,
    FindingList,
    Section,
    Table,
)
from analysis.reports.generic import ReportContext
from analysis.result import ComparisonResult

__all__ = ["findings_section"]

_INTRO = (
    "What differs between the outlets, in plain sentences worked out by fixed rules; each "
    "links to the passages behind it. A difference is stated only past a stated bar (see "
    "How findings are chosen), so small differences that could be chance are left out."
)


def findings_section(result: ComparisonResult, ctx: ReportContext) -> Section:
    """Return the key-findings section, registering every evidence span in ``ctx``."""
    items = []
    for finding in key_findings(result, rows=ctx.matrix):
        links = []
        for ev in finding.evidence:
            href = ctx.evidence.add(ev.article, ev.start, ev.end, "evidence", "key finding")
            if href is not None:
                links.append(EvidenceLink(ev.label, href, ev.article, ev.start, ev.end))
        items.append(FindingItem(finding.kind, finding.text, tuple(links)))
    note = "" if items else "No difference between the outlets passed the rules' bars."
    rules = Table(
        "finding_rules",
        "How findings are chosen",
        ("Finding", "Rule"),
        tuple((Cell(kind), Cell(rule)) for kind, rule in RULES),
        detail=True,
    )
    block = FindingList("findings", "Key findings", tuple(items), note)
    # The sample's outlets are invented: say so before any finding about them is read.
    intro = f"{SAMPLE_BANNER} {_INTRO}" if is_sample(result.articles) else _INTRO
    return Section("findings", "Key findings", intro, (block, rules))
