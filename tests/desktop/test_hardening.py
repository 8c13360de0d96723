"""Issue 12 in the app: validated settings, plain-text article strings, safe project opening."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from analysis.align.settings import AlignmentSettings
from analysis.settings import CompareSettings
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.settings import AppSettings


@pytest.mark.parametrize(
    "saved",
    [
        json.dumps({"max_unit_chars": 0}),
        json.dumps({"max_unit_chars": -5, "min_score": 50}),
        json.dumps({"min_probability": "high"}),
        "[" * 100_000,  # json's recursion limit
        "{not json",
    ],
)
def test_bad_saved_preferences_fall_back_to_defaults_with_a_message(
    prefs: AppSettings, saved: str
) -> None:
    prefs._s.setValue("prefs/alignment", saved)
    assert prefs.alignment == AlignmentSettings()
    assert prefs.problem is not None and prefs.problem.startswith("Your saved alignment")


def test_the_window_shows_the_preferences_problem(qtbot: QtBot, prefs: AppSettings) -> None:
    from desktop.main_window import MainWindow

    prefs._s.setValue("prefs/alignment", json.dumps({"max_unit_chars": 0}))
    window = MainWindow(prefs)
    qtbot.addWidget(window)
    assert window.project.settings.alignment.max_unit_chars == 1000
    assert "max unit chars" in window.status.text()


def test_settings_dialog_holds_unit_size_to_the_schema_range(qtbot: QtBot) -> None:
    dialog = SettingsDialog(CompareSettings())
    qtbot.addWidget(dialog)
    spin = dialog._editors["max_unit_chars"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(0)
    assert spin.value() == 20  # the schema's least unit size
    assert spin.minimum() == 20


def test_settings_dialog_refuses_an_invalid_value_with_one_sentence(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox

    dialog = SettingsDialog(CompareSettings())
    qtbot.addWidget(dialog)
    combo = dialog._editors["scorer"]
    assert isinstance(combo, QComboBox)
    combo.addItem("broken", "magic")
    combo.setCurrentIndex(combo.count() - 1)
    dialog.accept()
    assert dialog.result() == 0  # not accepted
    assert "scorer" in dialog.invalid.text()
    assert dialog.settings == CompareSettings()
