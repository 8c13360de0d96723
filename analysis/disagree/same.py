"""Whether two figures from two outlets' passages of one fact count the same thing.

A passage aligned across outlets often carries several figures about different things
(two candidates' poll shares, two nights' arrests, a federal and a combined tax rate);
only figures that count the same thing may be compared. Evidence that they do is counted
from the words around them (their sentence, five words either side): each shared word,
each label group both sides use in different words ("injured" ~ "wounded"), and a shared
nearest word (what the figures attach to). Two figures are the same thing when they have
the same unit and

- both name what they count in writing (not a bare "thousands"), with the same noun or
  nouns of one class ("people", "rioters"), and one piece of evidence more: SURE;
- with the same written noun and no evidence but no different names next to them:
  WEAK (shown as vague or agreeing, never as a contradiction);
- otherwise no different names stand next to them ("Gingrich garnered 11 percent",
  "Huckabee (14 percent)") and two pieces of evidence are found: SURE;
- figures stated for different periods (the 2014 rate, the 2007-2014 average; last
  year's and this year's) are different things;
- dates, weekdays, years and clock times need two shared words and the same word just
  before them, no name (the act they date: "published on Sunday"): one passage often
  dates several acts.
"""

from __future__ import annotations

from analysis.disagree.labels import count_class, group_of
from analysis.disagree.nouns import stem
from analysis.disagree.periods import different_periods
from analysis.disagree.values import INF, Quantity

__all__ = ["CALENDAR", "SURE", "WEAK", "evidence", "match_reason", "match_score", "same_figure"]

CALENDAR = frozenset(("date", "weekday", "time", "year"))
_NUMERIC = frozenset(("count", "percent"))  # "35.72" and "35.7 percent" may be one figure
WEAK = 1  # the same written noun, nothing else shared: never a contradiction
SURE = 2


def match_score(a: Quantity, b: Quantity) -> int:
    """Return 0 when ``a`` and ``b`` do not count the same thing, else WEAK or more.

    Args:
        a: A figure of one outlet.
        b: A figure of another outlet in the same fact.

    Returns:
        0; :data:`WEAK`; :data:`SURE` (2) for a bare figure or a noun of one class, 3 for
        the same counted noun with evidence.
    """
    return match_reason(a, b)[0]


def match_reason(a: Quantity, b: Quantity) -> tuple[int, str]:
    """Return :func:`match_score` and the rule that decided it (for diagnostics)."""
    if a.unit != b.unit:
        return 0, "different units"
    if different_periods(a.period, b.period):
        return 0, "different periods"  # the 2014 rate vs the 2007-2014 average
    noun_a = "" if a.implied else a.counts  # what each counts in writing
    noun_b = "" if b.implied else b.counts
    both = bool(noun_a and noun_b)
    if both and noun_a != noun_b and count_class(noun_a) != count_class(noun_b):
        return 0, "different nouns"  # cheap and common: two different nouns counted
    written = {noun_a, noun_b} - {""}
    shared = a.stems & b.stems
    if written and shared:
        shared -= {stem(w) for w in written}
    if a.unit in CALENDAR:  # the act they date: the same word just before, no name
        if len(shared) < 2:
            return 0, "calendar: under two shared words"
        act = a.act and stem(a.act) == stem(b.act)
        return (SURE, "calendar: same act") if act else (0, "calendar: different act")
    evidence = _evidence(a, b, written, shared)
    same_noun = a.counts == b.counts
    if both and evidence:
        return (3, "same noun + evidence") if same_noun else (SURE, "one class + evidence")
    if a.names and b.names and not a.names & b.names:
        return 0, "different names"  # "Gingrich garnered 11 percent" / "Huckabee (14 percent)"
    if written and same_noun and len(written) == 1 and not evidence:
        return WEAK, "weak: same noun only"
    if evidence >= 2:
        return SURE, "two pieces of evidence"
    return 0, f"evidence {evidence} < 2"


def evidence(a: Quantity, b: Quantity) -> int:
    """How many pieces of evidence beyond the counted noun say ``a`` and ``b`` are one thing.

    Each shared content word (crude stems), a shared nearest word and, when short of
    two, each label group both use in different words; capped at what is needed (2).
    """
    written = {
        w for w, implied in ((a.counts, a.implied), (b.counts, b.implied)) if w and not implied
    }
    shared = a.stems & b.stems
    if written and shared:
        shared -= {stem(w) for w in written}
    return _evidence(a, b, written, shared)


def _evidence(a: Quantity, b: Quantity, written: set[str], shared: frozenset[str]) -> int:
    near = a.near & b.near
    if near:
        near = near - a.names - b.names - written
    found = len(shared) + bool(near)
    if found < 2:  # label groups are slower to find; needed only when short of two
        found += len(_groups(a, b))
    return found


def same_figure(a: Quantity, b: Quantity) -> bool:
    """Whether ``b`` could be the figure ``a`` states (overlapping ranges, unit alike).

    Figures within 1 % of each other are alike ("35.7 percent" is "35.72" rounded); an
    open range ("over $10,000") could be almost any figure: it never is.
    """
    if INF in (a.high, b.high):
        return False
    units = {a.unit, b.unit}
    alike = len(units) == 1 or units <= _NUMERIC
    if a.counts and b.counts and count_class(a.counts) != count_class(b.counts):
        return False  # "30 homes" is no figure of people
    # within 1 %: "35.7 percent" is "35.72" rounded
    return alike and a.low <= b.high * 1.01 and b.low <= a.high * 1.01


def _groups(a: Quantity, b: Quantity) -> set[str]:
    """Label groups both sides use in different words ("died" ~ "dead")."""
    words_a = a.context | ({a.counts} if not a.implied else set())
    words_b = b.context | ({b.counts} if not b.implied else set())
    groups_a = {group_of(w) for w in words_a - words_b}
    groups_b = {group_of(w) for w in words_b - words_a}
    return (groups_a & groups_b) - {""}
