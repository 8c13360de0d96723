"""Passage groups: the present value decides what a side-by-side block shows."""

from __future__ import annotations

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.leans import with_leans
from analysis.present.labels import outlet_labels
from analysis.present.side_by_side import WORD_KINDS, headlines_group
from analysis.ratings import parse_ratings
from analysis.reports.build import build_content
from analysis.reports.content import SideBySide


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_headlines_group_is_every_headline_under_its_outlet(result: ComparisonResult) -> None:
    group = headlines_group(result)
    names = outlet_labels(result.articles)
    assert group.columns == tuple(names[a.id] for a in result.articles)
    (row,) = group.rows
    for art, cell in zip(result.articles, row, strict=True):
        assert cell is not None
        assert (cell.article_id, cell.start, cell.end) == (
            art.id,
            art.headline.start,
            art.headline.end,
        )
        assert art.text[cell.start : cell.end] == art.title
    assert set(group.mark_kinds) == set(WORD_KINDS)


def test_headline_columns_name_each_outlet_lean(result: ComparisonResult) -> None:
    first = result.articles[0]
    ratings = parse_ratings(f"domain,outlet,lean\n,{first.outlet},left\n")
    leaned = with_leans(result, ratings)
    assert leaned.leans is not None
    label = leaned.leans.label(first.id)
    assert label
    assert headlines_group(leaned).columns[0].endswith(f" ({label})")


def test_report_headlines_render_the_present_group(result: ComparisonResult) -> None:
    group = headlines_group(result)
    overview = build_content(result).sections[1]
    (block,) = [b for b in overview.blocks if isinstance(b, SideBySide)]
    assert (block.key, block.title, block.columns) == (group.key, group.title, group.columns)
    texts = {a.id: a.text for a in result.articles}
    for cell, span in zip(block.rows[0], group.rows[0], strict=True):
        assert cell is not None and span is not None
        assert (
            "".join(f.text for f in cell.fragments) == texts[span.article_id][span.start : span.end]
        )
