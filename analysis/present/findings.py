"""Key findings: 5–10 plain sentences on what differs between the outlets, with evidence.

:func:`key_findings` runs fixed rules over a :class:`~analysis.result.ComparisonResult`, in a
fixed order, and keeps the first ``limit`` sentences. Every rule either describes the
comparison (how much the outlets share, who is quoted) or names a difference only past a
stated bar (:data:`RULES`), so that one stray sentence or one extra verb never makes a
finding. The same result always gives the same findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from analysis.omission import MatrixRow
from analysis.present.rules_align import (
    coverage_finding,
    omission_findings,
    unique_findings,
    wire_finding,
)
from analysis.present.rules_disagree import contradiction_findings
from analysis.present.rules_framing import (
    anonymous_finding,
    headline_findings,
    quoted_finding,
    verb_findings,
)
from analysis.present.rules_words import loaded_rate_finding, wording_finding
from analysis.present.values import Finding, FindingContext
from analysis.result import ComparisonResult

__all__ = ["MAX_FINDINGS", "RULES", "key_findings"]

MAX_FINDINGS = 10

Rule = Callable[[FindingContext], list[Finding]]

# In the order findings are shown: what is carried and left out first, then words,
# verbs, headlines and sources.
_ORDER: tuple[Rule, ...] = (
    coverage_finding,
    wire_finding,
    omission_findings,
    unique_findings,
    contradiction_findings,
    wording_finding,
    verb_findings,
    headline_findings,
    quoted_finding,
    anonymous_finding,
    loaded_rate_finding,
)

#: The bar each kind of finding must pass, as told to readers of a report.
RULES: tuple[tuple[str, str], ...] = (
    ("coverage", "Describes the alignment: passages shared by two or more, by all, by one."),
    ("copy", "Pairs the aligner flags as mostly verbatim or edited copy of each other."),
    (
        "omission",
        "An outlet leaves out at least 2 passages that at least three quarters of the other "
        "outlets carry in some form (3 or more articles).",
    ),
    (
        "unique",
        "An outlet has at least 2 passages no other outlet shares any fact of, making up at "
        "least 20% of its text.",
    ),
    (
        "contradiction",
        "Two outlets give figures for the same thing in one aligned passage whose ranges "
        "cannot overlap (vague wording read as a range: 'about 3,000' is 2,700-3,300).",
    ),
    (
        "wording",
        "A swap of at most 3 words inside one aligned passage, one side mostly loaded terms.",
    ),
    (
        "verbs",
        "One aligned passage credited with verbs of different stance; or an outlet using "
        "non-neutral verbs for 2+ of 5+ attributions, 20 points above and twice the others.",
    ),
    ("headline", "The framing check finds the headline's main claim unsupported by its body."),
    ("sources", "Describes who is quoted by most outlets and by one outlet only."),
    (
        "anonymous",
        "An outlet is named when 2+ of its 5+ sources are unnamed, a share 20 points above "
        "and twice that of the others.",
    ),
    ("loaded", "5+ own-voice loaded terms at twice the other outlets' median rate or more."),
)


def key_findings(
    result: ComparisonResult,
    limit: int = MAX_FINDINGS,
    *,
    rows: Sequence[MatrixRow] | None = None,
) -> tuple[Finding, ...]:
    """Return the key findings of a comparison, most telling first.

    Args:
        result: The comparison (sections that were not computed give no findings).
        limit: At most this many sentences.
        rows: The result's omission matrix (:func:`analysis.omission.matrix_rows`) when
            the caller has built it already; built here otherwise.

    Returns:
        Up to ``limit`` findings; each cites spans of the articles as evidence.
    """
    ctx = FindingContext.of(result)
    if rows is not None:
        ctx.shared.all_matrix_rows = tuple(rows)
    per_rule = [rule(ctx) for rule in _ORDER]
    # Every rule gets its first sentence in before any rule gets a second one, so that a
    # rule with many outlets to name cannot crowd out the others.
    keep: set[tuple[int, int]] = set()
    for rank in range(max((len(f) for f in per_rule), default=0)):
        for i, found in enumerate(per_rule):
            if rank < len(found) and len(keep) < limit:
                keep.add((i, rank))
    return tuple(
        f for i, found in enumerate(per_rule) for r, f in enumerate(found) if (i, r) in keep
    )
