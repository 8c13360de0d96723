"""Key findings: deterministic, evidence-backed, and silent about differences below the bars."""

from __future__ import annotations

import math

import pytest

from analysis.ingest import load_sample
from analysis.model import Article
from analysis.omission import CellKind, matrix_rows
from analysis.pipeline import compare
from analysis.present import Evidence, key_findings
from analysis.present.findings import MAX_FINDINGS
from analysis.present.rules_align import MIN_OMITTED
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def sample() -> ComparisonResult:
    return compare(load_sample())


def _article(outlet: str, title: str, *paragraphs: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="t")


def test_sample_gives_five_to_ten_findings_every_one_with_evidence(
    sample: ComparisonResult,
) -> None:
    found = key_findings(sample)
    assert 5 <= len(found) <= MAX_FINDINGS
    for finding in found:
        assert finding.text.endswith(".")
        assert finding.evidence, finding.text
        for ev in finding.evidence:
            text = sample.article(ev.article).text
            assert 0 <= ev.start < ev.end <= len(text)
            assert ev.label == sample.article(ev.article).outlet


def test_sample_findings_cover_the_kinds_the_issue_asks_for(sample: ComparisonResult) -> None:
    kinds = {f.kind for f in key_findings(sample)}
    assert {"omission", "unique", "wording", "verbs", "headline", "sources", "copy"} <= kinds
    assert "anonymous" in kinds


def test_findings_are_deterministic(sample: ComparisonResult) -> None:
    assert key_findings(sample) == key_findings(compare(load_sample()))


def test_every_omission_finding_passes_its_stated_bar(sample: ComparisonResult) -> None:
    rows = matrix_rows(sample.articles, sample.alignment)
    n = len(sample.articles)
    need = max(2, math.ceil(0.75 * (n - 1)))
    for finding in key_findings(sample):
        if finding.kind != "omission":
            continue
        outlet = finding.text.split(" leaves out ")[0]
        article = next(a for a in sample.articles if a.outlet == outlet)
        missing = [
            r
            for r in rows
            if not r.only_here
            and sum(c.kind is not CellKind.MISSING for c in r.cells) >= need
            and article.id in r.omitting
        ]
        assert len(missing) >= MIN_OMITTED
        assert f"leaves out {len(missing)} passages" in finding.text


def test_wording_finding_quotes_both_sides_of_a_loaded_swap(sample: ComparisonResult) -> None:
    wording = next(f for f in key_findings(sample) if f.kind == "wording")
    assert sample.terms is not None
    loaded = {c.name for c in sample.terms.categories if c.loaded}
    hits = [h for h in sample.terms.hits if h.category in loaded]

    def is_loaded(ev: Evidence) -> bool:
        return any(h.article == ev.article and h.start < ev.end and ev.start < h.end for h in hits)

    # Evidence comes in pairs (one side, the other), and one side of each is a loaded term.
    pairs = list(zip(wording.evidence[::2], wording.evidence[1::2], strict=True))
    assert pairs
    for left, right in pairs:
        words = [sample.article(e.article).text[e.start : e.end] for e in (left, right)]
        assert words[0].lower() != words[1].lower()
        assert all(f"\u201c{w}\u201d" in wording.text for w in words)
        assert is_loaded(left) or is_loaded(right)
    assert any(w in wording.text for w in ("rioters", "regime", "thugs", "mob"))


def test_near_identical_articles_give_no_difference_findings() -> None:
    body = (
        "The council approved the harbour plan on Monday by seven votes to four.",
        "The plan adds two piers and a ferry terminal, the mayor said.",
        "Work is due to start in the spring and to last two years.",
        "Residents will be able to comment on the design until the end of June.",
    )
    a = _article("Alpha News", "Council approves harbour plan", *body)
    b = _article("Beta Post", "Council approves harbour plan", *body[:3], body[3] + " Good.")
    kinds = {f.kind for f in key_findings(compare([a, b]))}
    assert not kinds & {"omission", "unique", "verbs", "wording", "headline", "loaded"}


def test_one_extra_sentence_is_not_an_omission_finding() -> None:
    body = (
        "The council approved the harbour plan on Monday by seven votes to four.",
        "The plan adds two piers and a ferry terminal, the mayor said.",
        "Work is due to start in the spring and to last two years.",
    )
    extra = "Residents will be able to comment on the design until the end of June."
    arts = [
        _article("Alpha News", "Harbour plan approved", *body, extra),
        _article("Beta Post", "Harbour plan is approved", *body, extra),
        _article("Gamma Daily", "Council backs harbour plan", *body),
    ]
    found = key_findings(compare(arts))
    # Gamma leaves out one passage the others carry: below the bar of two.
    assert not [f for f in found if f.kind == "omission"]


def test_limit_keeps_one_sentence_of_each_rule_before_second_ones(
    sample: ComparisonResult,
) -> None:
    few = key_findings(sample, limit=6)
    assert len(few) == 6
    assert len({f.kind for f in few}) == 6


def test_copy_finding_states_the_copy_share_the_flag_is_based_on(
    sample: ComparisonResult,
) -> None:
    # The aligner flags a pair on verbatim plus edited copy; the sentence must quote that
    # share, not the verbatim part alone (which can be 0 % for lightly edited copy).
    import re

    (copy,) = [f for f in key_findings(sample) if f.kind == "copy"]
    assert sample.alignment is not None
    floor = sample.alignment.settings.common_source_share
    shares = [int(x) for x in re.findall(r"(\d+)% of ", copy.text)]
    assert len(shares) == 2 and max(shares) >= round(100 * floor)
    best = max(
        (p for p in sample.alignment.pairs if p.likely_common_source),
        key=lambda p: max(p.a_verbatim + p.a_edited, p.b_verbatim + p.b_edited),
    )
    assert max(shares) == round(
        100 * max(best.a_verbatim + best.a_edited, best.b_verbatim + best.b_edited)
    )
