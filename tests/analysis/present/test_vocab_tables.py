"""Keyness and distinctive words as present tables, and as the reports show them."""

from __future__ import annotations

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.vocab_tables import first_use, keyness_table
from analysis.reports.build import build_content
from analysis.reports.content import Table


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_the_report_keyness_table_is_the_present_one_with_exact_p_values(
    result: ComparisonResult,
) -> None:
    table = keyness_table(result)
    assert table.rows
    section = next(s for s in build_content(result).sections if s.key == "distinctive_terms")
    shown = next(b for b in section.blocks if isinstance(b, Table) and b.key == "keyness")
    assert shown.columns == table.headers and shown.note == table.note and shown.detail
    assert [[c.text for c in r] for r in shown.rows] == [[c.text for c in r] for r in table.rows]
    p = table.headers.index("p")
    assert [r[p].value for r in shown.rows] == [r[p].sort for r in table.rows]  # not rounded
    assert {r[0].text for r in table.rows} <= {a.outlet for a in result.articles}


def test_a_phrase_is_found_across_punctuation_whatever_its_case() -> None:
    text = "He said: Prime, Minister Lund arrived."
    assert first_use("x", text, "prime minister") == ("x", 9, 24)
    assert first_use("x", text, "minister lunde") is None
    assert first_use("x", text, "") is None
