"""The built-in sample: every planted number, label and naming difference is found.

The sample (resources/samples/event) is fictional and ours. Planted: a crowd of "About
3,000" vs "Thousands" (vague, compatible), "At least 40" vs "Nearly 100" injured,
"12,000" vs "more than 12,000" marchers, and Voice of Dravia's "four" officers injured
against everyone else's 11 (the one contradiction). See tests/data/sample_key.toml.
"""

from __future__ import annotations

import pytest

from analysis.disagree.values import Disagreement, DisagreementReport
from analysis.ingest import load_sample
from analysis.pipeline import compare
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


@pytest.fixture(scope="module")
def report(result: ComparisonResult) -> DisagreementReport:
    assert result.disagreements is not None
    return result.disagreements


def _said(result: ComparisonResult, d: Disagreement) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in d.members:
        art = result.article(m.article)
        out.setdefault(art.outlet, set()).add(art.text[m.start : m.end])
    return out


def _numbers(result: ComparisonResult, report: DisagreementReport) -> list[dict[str, set[str]]]:
    return [_said(result, d) for d in report.items if d.kind == "number"]


@pytest.mark.parametrize(
    ("wording", "contradiction"),
    [
        ({"Meridian Wire": {"About 3,000"}, "The Selvik Courier": {"Thousands"}}, False),
        ({"Meridian Wire": {"At least 40"}, "Voice of Dravia": {"Nearly 100"}}, False),
        ({"Meridian Wire": {"12,000"}, "The Selvik Courier": {"more than 12,000"}}, False),
        ({"Meridian Wire": {"11"}, "Voice of Dravia": {"four"}}, True),
    ],
)
def test_each_planted_number_difference_is_found(
    result: ComparisonResult,
    report: DisagreementReport,
    wording: dict[str, set[str]],
    contradiction: bool,
) -> None:
    matches = [
        d
        for d in report.items
        if d.kind == "number"
        and all(words <= _said(result, d).get(outlet, set()) for outlet, words in wording.items())
    ]
    assert len(matches) == 1
    assert matches[0].contradiction is contradiction


def test_only_the_planted_contradiction_is_flagged(
    result: ComparisonResult, report: DisagreementReport
) -> None:
    flagged = [_said(result, d) for d in report.items if d.contradiction]
    planted = {"Meridian Wire": {"11"}, "The Selvik Courier": {"11"}, "The Daily Blaze": {"11"},
               "Voice of Dravia": {"four"}}  # fmt: skip
    # Since the shared-fact links of issue #9 the headlines are linked (they report the
    # same port protest), which brings their crowd sizes face to face: the wire's
    # "Thousands" against another headline's "Tens of thousands" or "10,000" is a real
    # difference of magnitude, not a planted one.
    assert planted in flagged
    others = [f for f in flagged if f != planted]
    assert all(f.get("Meridian Wire") == {"Thousands"} and len(f) == 2 for f in others)
    assert len(others) <= 1


def test_counts_that_agree_are_not_disagreements(
    result: ComparisonResult, report: DisagreementReport
) -> None:
    shown = {w for said in _numbers(result, report) for words in said.values() for w in words}
    assert "62" not in shown  # 62 people / 62 rioters: the same count
    # "about 1,800" meets the Courier's "as many as 1,800" through a shared-fact link
    # (issue #9): the same count, so never flagged as a contradiction.
    assert not any(
        "about 1,800" in words
        for d in report.items
        if d.contradiction
        for words in _said(result, d).values()
    )
    assert report.agreements >= 5


@pytest.mark.parametrize(
    ("outlet", "label", "other_outlet", "other_label"),
    [
        ("The Daily Blaze", "rioters", "Meridian Wire", "people"),
        ("The Daily Blaze", "thugs", "Meridian Wire", "protesters"),
        ("Voice of Dravia", "regime", "Meridian Wire", "government"),
        ("The Daily Blaze", "mouthpiece", "Meridian Wire", "spokesman"),
        ("The Daily Blaze", "Union boss", "Meridian Wire", "head of the dockworkers union"),
        ("The Selvik Courier", "sell off", "Meridian Wire", "lease"),
        ("Voice of Dravia", "wounded", "Meridian Wire", "injured"),
        ("Voice of Dravia", "demonstrators", "Meridian Wire", "people"),
    ],
)
def test_each_planted_label_difference_is_found(
    result: ComparisonResult,
    report: DisagreementReport,
    outlet: str,
    label: str,
    other_outlet: str,
    other_label: str,
) -> None:
    found = [
        said
        for d in report.items
        if d.kind == "label"
        and label in (said := _said(result, d)).get(outlet, set())
        and other_label in said.get(other_outlet, set())
    ]
    assert found, (outlet, label)


def test_loaded_labels_carry_their_lexicon_category(report: DisagreementReport) -> None:
    cats = {m.value: m.category for d in report.items if d.kind == "label" for m in d.members}
    assert cats["regime"] == "labels"  # resources/lexicons/labels.toml
    assert cats["thug"] == "labels"
    assert cats["government"] == ""


def test_each_outlet_naming_of_the_union_leader(
    result: ComparisonResult, report: DisagreementReport
) -> None:
    (reyk,) = [a for a in report.actors if a.name == "Tomas Reyk"]
    names: dict[str, set[str]] = {}
    for m in reyk.mentions:
        art = result.article(m.article)
        names.setdefault(art.outlet, set()).add(art.text[m.start : m.end])
    assert "Union boss Tomas Reyk" in names["The Daily Blaze"]
    assert "the head of the dockworkers union" in names["Meridian Wire"]
    assert "Mr. Reyk" in names["The Selvik Courier"]
    assert {"Reyk"} <= names["Voice of Dravia"]


def test_halden_and_stanek_are_grouped_across_outlets(
    result: ComparisonResult, report: DisagreementReport
) -> None:
    by_name = {a.name: a for a in report.actors}
    halden = {
        result.article(m.article).text[m.start : m.end] for m in by_name["Mira Halden"].mentions
    }
    assert halden == {"Interior Minister Mira Halden", "Halden"}
    stanek = {
        result.article(m.article).text[m.start : m.end] for m in by_name["Ivo Stanek"].mentions
    }
    assert "Dravian Foreign Ministry mouthpiece Ivo Stanek" in stanek
    assert "Dravian Foreign Ministry spokesman Ivo Stanek" in stanek
    assert not any(a.name in {"Karvenian", "Veska", "Selvik"} for a in report.actors)


def test_a_contradiction_feeds_the_key_findings(result: ComparisonResult) -> None:
    from analysis.present.findings import key_findings

    found = [f for f in key_findings(result, limit=20) if f.kind == "contradiction"]
    texts = " ".join(f.text for f in found)
    assert "Voice of Dravia “four”" in texts and "Meridian Wire “11”" in texts
    for f in found:
        for ev in f.evidence:
            assert result.article(ev.article).text[ev.start : ev.end]
