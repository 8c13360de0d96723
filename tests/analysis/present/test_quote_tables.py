"""Every quote and who is quoted, as the reports show them."""

from __future__ import annotations

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.quote_tables import quotes_table, who_is_quoted_table


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_every_quote_is_listed_with_its_words(result: ComparisonResult) -> None:
    assert result.framing is not None
    table = quotes_table(result)
    assert len(table.rows) == sum(len(a.quotes) for a in result.framing.articles)
    for row in table.rows:
        assert row[0].evidence == row[1].evidence
        if row[1].evidence is not None:
            aid, start, end = row[1].evidence
            assert result.article(aid).text[start:end] == row[1].text
        assert row[2].text in {"direct", "indirect"}


def test_who_is_quoted_counts_add_up_per_outlet(result: ComparisonResult) -> None:
    table = who_is_quoted_table(result)
    assert table.rows and table.note
    for row in table.rows:
        per = [int(part.rsplit(" ", 1)[1]) for part in row[4].text.split(", ")]
        assert row[2].sort == len(per) and row[3].sort == sum(per)
        assert row[3].evidence is not None
