"""Many articles from one CSV or JSONL file in the app: column mapping and per-row errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from analysis.ingest.table import table_columns
from desktop.controllers.tables import rows_message
from desktop.dialogs.columns import ColumnMappingDialog
from desktop.main_window import ARTICLE_FILTER
from desktop.models.sources import SourceState

ROWS = [
    {"title": "Ferry vote passes", "text": "The council voted on Monday. Residents cheered.",
     "outlet": "Harbour Times", "date": "2024-05-06"},
    {"title": "Council backs ferry", "text": "Councillors approved the ferry plan after a debate.",
     "outlet": "Ferry Post"},
    {"title": "Ferry plan approved", "text": "A ferry plan passed; critics called the vote rushed.",
     "outlet": "Bay Herald"},
]  # fmt: skip


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    box: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: box.append(text))
    return box


def test_file_open_offers_tables() -> None:
    assert "*.csv" in ARTICLE_FILTER and "*.jsonl" in ARTICLE_FILTER


def test_a_jsonl_file_loads_one_article_per_row_and_bad_rows_are_one_message(
    qtbot, window, tmp_path: Path, said: list[str]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "stories.jsonl"
    lines = [json.dumps(ROWS[0]), "{broken", json.dumps(ROWS[1]), json.dumps({"title": "x"})]
    path.write_text("\n".join([*lines, json.dumps(ROWS[2])]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.model.articles_changed, timeout=20_000):
        window.open_sources([str(path)])
    outlets = [a.outlet for a in window.model.articles()]
    assert outlets == ["Harbour Times", "Ferry Post", "Bay Herald"]
    assert window.model.articles()[0].date == "2024-05-06"
    assert all(e.state is SourceState.LOADED for e in window.model.entries())
    assert said == [
        "stories.jsonl: 3 articles loaded; 2 rows skipped:\n"
        "• row 2: not valid JSON.\n"
        "• row 4: no text column."
    ]
    assert window.status.text() == "stories.jsonl: 3 articles loaded; 2 rows skipped:"
    # one step to undo, however many rows
    assert window.conventions.history.stack.count() == 1
    assert window.conventions.history.stack.undoText() == "Add 3 articles"


def test_rows_already_open_are_listed_not_added_twice(
    qtbot, window, tmp_path: Path, said: list[str]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS[:2]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.model.articles_changed, timeout=20_000):
        window.open_sources([str(path)])
    again = tmp_path / "more.jsonl"
    again.write_text("\n".join(json.dumps(r) for r in ROWS[1:]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.model.articles_changed, timeout=20_000):
        window.open_sources([str(again)])
    assert len(window.model.articles()) == 3
    assert said[-1].endswith("• row 1: the same text is already open (Ferry Post).")


def test_unknown_columns_ask_for_a_mapping_then_load(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text(
        "story_headline,story,paper\n"
        + "".join(f'"{r["title"]}","{r["text"]}","{r["outlet"]}"\n' for r in ROWS)
        + '"Empty one","",Nobody\n',
        encoding="utf-8",
    )
    asked: list[str] = []

    def pick(dialog: ColumnMappingDialog) -> int:
        asked.append(dialog.windowTitle())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no text column yet
        for field, column in (("text", "story"), ("title", "story_headline"), ("outlet", "paper")):
            dialog.boxes[field].setCurrentIndex(dialog.boxes[field].findData(column))
        assert ok.isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ColumnMappingDialog, "exec", pick)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.model.articles_changed, timeout=20_000):
        window.acts.open_files.trigger()
    assert asked == ["Columns of the articles"]
    arts = window.model.articles()
    assert [a.outlet for a in arts] == ["Harbour Times", "Ferry Post", "Bay Herald"]
    assert arts[1].title == "Council backs ferry"
    assert said == [
        "export.csv: 3 articles loaded; 1 row skipped:\n• row 5: no text in column 'story'."
    ]


def test_cancelling_the_mapping_loads_nothing(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text("story,paper\nSome words here.,Daily\n", encoding="utf-8")
    monkeypatch.setattr(ColumnMappingDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected))
    with qtbot.waitSignal(window.tables.message, timeout=20_000):
        window.open_sources([str(path)])
    assert window.model.rowCount() == 0
    assert window.status.text() == "Nothing loaded from the table."


def test_a_table_with_no_usable_row_is_one_failed_row(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.jsonl"
    path.write_text("{broken\n[1, 2]\n", encoding="utf-8")
    with qtbot.waitSignal(window.model.dataChanged, timeout=20_000):
        window.open_sources([str(path)])
    (entry,) = window.model.entries()
    assert entry.state is SourceState.FAILED
    assert entry.error == "No row of the table has named columns (row 1: not valid JSON.)."


def test_the_dialog_guesses_known_columns_and_shows_examples(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.csv"
    path.write_text("headline,story,media_name\nA title,Body words,Wire\n", encoding="utf-8")
    table = table_columns(str(path))
    assert table.columns == ("headline", "story", "media_name") and table.needs_mapping
    dialog = ColumnMappingDialog(str(path), table)
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {"title": "headline", "outlet": "media_name"}
    assert "Body words" in dialog.boxes["text"].itemText(dialog.boxes["text"].findData("story"))


def test_rows_message_caps_the_list() -> None:
    text = rows_message("x.csv", 1, [f"row {n}: bad." for n in range(2, 15)])
    assert text.splitlines()[0] == "x.csv: 1 article loaded; 13 rows skipped:"
    assert text.splitlines()[-1] == "… and 3 more." and len(text.splitlines()) == 12
