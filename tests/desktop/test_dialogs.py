from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit

from analysis import __version__
from analysis.settings import CompareSettings
from desktop.dialogs.about import about_text, bundled_libraries, licence_of
from desktop.dialogs.paste import PasteDialog
from desktop.dialogs.settings_dialog import CHOICES, SettingsDialog


def _settings(folder: Path) -> CompareSettings:
    base = CompareSettings()
    return replace(base, terms=replace(base.terms, user_lexicon_dir=str(folder)))


def test_settings_dialog_shows_malformed_user_lexicons(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "broken.toml").write_text("[[category]\nname = ", "utf-8")
    dialog = SettingsDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert "broken.toml" in dialog.errors.text()
    assert dialog.categories.count() > 0


def test_settings_dialog_switches_categories_and_thresholds(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.errors.text() == ""
    item = dialog.categories.item(0)
    name = item.data(Qt.ItemDataRole.UserRole)
    item.setCheckState(Qt.CheckState.Unchecked)
    numeric = next((k, e) for k, e in dialog._editors.items() if isinstance(e, QDoubleSpinBox))
    numeric[1].setValue(numeric[1].value() / 2)
    dialog.accept()
    assert dialog.settings.terms.disabled_categories == (name,)
    assert dialog.settings.terms.user_lexicon_dir == str(tmp_path)
    assert getattr(dialog.settings.alignment, numeric[0]) == numeric[1].value()


def test_settings_dialog_restore_defaults(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    for editor in dialog._editors.values():
        if isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.minimum())
    dialog.categories.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog._restore_defaults()
    dialog.accept()
    assert dialog.settings.alignment == CompareSettings().alignment
    assert dialog.settings.terms.disabled_categories == ()


def test_scorer_is_chosen_from_a_list_of_valid_values(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    combo = dialog._editors["scorer"]
    assert isinstance(combo, QComboBox)
    values = [combo.itemData(i) for i in range(combo.count())]
    assert values == ["model", "ratio"] == [v for v, _ in CHOICES["scorer"]]
    assert combo.currentData() == CompareSettings().alignment.scorer
    assert not any(isinstance(e, QLineEdit) for e in dialog._editors.values())
    combo.setCurrentIndex(values.index("ratio"))
    dialog.accept()
    assert dialog.settings.alignment.scorer == "ratio"
    reopened = SettingsDialog(dialog.settings)
    qtbot.addWidget(reopened)
    assert reopened._editors["scorer"].currentData() == "ratio"  # type: ignore[attr-defined]
    reopened._restore_defaults()
    assert reopened.alignment_values().scorer == "model"


def test_paste_dialog_refuses_empty_text_with_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("   ")
    dialog.accept()
    assert dialog.article is None
    assert dialog.error.text().endswith(".")
    dialog.text.setPlainText("Headline line\n\nFirst paragraph.\n\nSecond paragraph.")
    dialog.outlet.setText("My Outlet")
    dialog.accept()
    assert dialog.article is not None
    assert dialog.article.outlet == "My Outlet"
    assert dialog.article.title == "Headline line"


def test_about_names_version_and_every_library_licence() -> None:
    text = about_text()
    assert f"Slant {__version__}" in text
    libraries = bundled_libraries()
    names = {name.lower().replace("_", "-") for name in libraries}
    # The closure of our declared dependencies, transitive ones included.
    for name in ("rapidfuzz", "scikit-learn", "pyside6-essentials", "trafilatura", "numpy"):
        assert name in names
    assert "shiboken6" in names  # needed by PySide6-Essentials, not declared by us
    assert "pytest" not in names  # a test extra is not bundled
    for name, dist in libraries.items():
        assert name in text and html.escape(licence_of(dist)) in text
    assert licence_of(libraries["numpy"]) != "see its documentation"
    assert not any(name.lower().startswith("slant") for name in libraries)
