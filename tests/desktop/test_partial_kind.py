"""The desktop adapters accept the "shares a fact" (partial) link kind."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analysis.align.matcher import MatchKind
from analysis.align.values import Alignment
from analysis.omission import CellKind
from analysis.present.matrix import matrix_table
from analysis.result import ComparisonResult
from desktop.views.passages import PassageKind, PassageMap


def _all_partial(result: ComparisonResult) -> ComparisonResult:
    al = result.alignment
    assert al is not None
    links = tuple(replace(k, kind=MatchKind.PARTIAL) for k in al.links)
    rebuilt = Alignment.build(al.articles, al.settings, links, al.clusters, al.coverage, al.pairs)
    return replace(result, alignment=rebuilt)


@pytest.fixture(scope="module")
def sample_result(sample) -> ComparisonResult:  # type: ignore[no-untyped-def]
    from analysis.pipeline import compare

    return compare(sample)


def test_matrix_and_passages_show_partial_links(sample_result: ComparisonResult) -> None:
    result = _all_partial(sample_result)
    kinds = {cell.kind for row in matrix_table(result).rows for cell in row.cells}
    assert CellKind.PARTIAL in kinds
    assert not kinds & {CellKind.VERBATIM, CellKind.EDITED, CellKind.PARAPHRASE}
    passages = PassageMap.from_result(result)
    shown = {p.kind for ps in passages.by_article.values() for p in ps}
    assert PassageKind.PARTIAL in shown
