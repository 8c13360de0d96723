"""Reading a table's columns before loading it (the app's column mapping starts here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest.table import table_columns


def test_jsonl_columns_are_the_keys_of_the_first_rows_in_order(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"headline": "A", "body": "Some  words\\nhere"}\nnot json\n{"body": "B", "media": "W"}\n',
        encoding="utf-8",
    )
    table = table_columns(str(path))
    assert table.columns == ("headline", "body", "media")
    assert dict(table.found) == {
        "text": "body", "title": "headline", "outlet": "media",
        "url": None, "date": None, "author": None,
    }  # fmt: skip
    assert table.example["body"] == "Some words here" and not table.needs_mapping


def test_a_csv_without_a_text_column_needs_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("story,paper\nWords,Wire\n", encoding="utf-8")
    table = table_columns(str(path))
    assert table.needs_mapping and table.example == {"story": "Words", "paper": "Wire"}


def test_no_named_row_is_one_sentence_with_the_first_problem(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text("[1]\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"named columns \(row 1: not a JSON object"):
        table_columns(str(path))
