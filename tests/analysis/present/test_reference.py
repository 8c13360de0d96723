"""The reference-outlet view: one outlet's passages in order, each other outlet once."""

from __future__ import annotations

import pytest

from analysis.ingest import load_sample
from analysis.omission import CellKind, matrix_rows, rank
from analysis.pipeline import compare
from analysis.present.labels import outlet_labels
from analysis.present.reference import reference_view
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def sample() -> ComparisonResult:
    return compare(load_sample())


@pytest.mark.parametrize("column", [0, 1, 3])
def test_every_passage_the_outlet_carries_in_its_own_order(
    sample: ComparisonResult, column: int
) -> None:
    ref = sample.articles[column]
    view = reference_view(sample, ref.id)
    rows = matrix_rows(sample.articles, sample.alignment)
    carried = {
        (r.cells[column].start, r.cells[column].end)
        for r in rows
        if r.cells[column].kind is not CellKind.MISSING
    }
    assert [(p.start, p.end) for p in view.passages] == sorted(carried)
    assert view.outlet == outlet_labels(sample.articles)[ref.id]
    for passage in view.passages:
        assert passage.text.strip() and passage.text.strip() in ref.text


def test_each_other_outlet_is_a_counterpart_or_missing_once(sample: ComparisonResult) -> None:
    labels = outlet_labels(sample.articles)
    ref = sample.articles[1]
    others = sorted(labels[a.id] for a in sample.articles if a.id != ref.id)
    view = reference_view(sample, ref.id)
    assert any(p.counterparts for p in view.passages)
    assert any(p.missing and not p.only_here for p in view.passages)  # the sample omits some
    for passage in view.passages:
        named = [c.outlet for c in passage.counterparts] + list(passage.missing)
        assert sorted(named) == others
        if passage.only_here:
            assert not passage.counterparts
        for c in passage.counterparts:
            assert c.kind is not CellKind.MISSING and c.kind is not CellKind.ONLY_HERE
            assert c.text.strip() in sample.article(c.article).text


def test_a_counterpart_is_the_strongest_way_the_outlet_carries_the_passage(
    sample: ComparisonResult,
) -> None:
    column = 0
    ref = sample.articles[column]
    rows = matrix_rows(sample.articles, sample.alignment)
    view = reference_view(sample, ref.id, rows)
    for passage in view.passages:
        own = [
            r
            for r in rows
            if (r.cells[column].start, r.cells[column].end) == (passage.start, passage.end)
            and r.cells[column].kind is not CellKind.MISSING
        ]
        for c in passage.counterparts:
            kinds = [
                r.cells[i].kind
                for r in own
                for i, cell in enumerate(r.cells)
                if cell.article == c.article
            ]
            assert rank(c.kind) == min(rank(k) for k in kinds)  # fmt: skip
    assert view.left_out == sum(1 for p in view.passages if p.missing and not p.only_here)


def test_an_unknown_reference_is_a_key_error(sample: ComparisonResult) -> None:
    with pytest.raises(KeyError):
        reference_view(sample, "no such article")
