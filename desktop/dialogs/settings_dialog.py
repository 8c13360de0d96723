"""The settings dialog: matching, lexicon categories, the user lexicon folder, Advanced.

The alignment fields are generated from :class:`~analysis.align.settings.AlignmentSettings`
(numbers get spin boxes, text fields with a fixed set of values a list to choose from, other
text a line edit), so the dialog follows the aligner as it changes. :data:`PLAIN` gives
each field a label in plain words; the few most people need are shown first, the rest sit
in an Advanced section that opens on request (a field not in :data:`PLAIN` goes there too,
under its own name).
Lexicons are loaded in the GUI thread: they are a few small TOML files.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from analysis.align.settings import AlignmentSettings
from analysis.errors import SettingsError
from analysis.settings import CompareSettings
from analysis.settings_schema import RULES, Rule, validate_settings
from analysis.terms.settings import TermSettings

__all__ = ["CHOICES", "SettingsDialog"]

#: Text settings that take one of a few values: field name -> (value, label shown).
#: ``matcher.decide`` treats "ratio" as rapidfuzz ratio and anything else as the model.
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "scorer": (
        ("model", "model (trained on several rapidfuzz scores)"),
        ("ratio", "ratio (rapidfuzz ratio against min score)"),
    ),
}


#: Plain-words label of each alignment setting, and whether it is shown outside Advanced.
PLAIN: dict[str, tuple[str, bool]] = {
    "min_probability": ("How sure Slant must be that two sentences match (0–1)", True),
    "fact_min_probability": ("How sure it must be that two sentences share a fact (0–1)", True),
    "common_source_share": ("Share of copied text that marks two articles as one source", True),
    "lead_sentences": ("Sentences that make up an article's lead", True),
    "scorer": ("How sentences are compared", False),
    "min_score": ("Least similarity with simple comparing (0–100)", False),
    "edited_min_similarity": ("Least word overlap for “edited” rather than “reworded”", False),
    "contained_min_cover": ("Share of a short sentence found in a longer one to match", False),
    "contained_min_words": ("Fewest words for that rule", False),
    "complete_up_to": (
        "Compare every sentence with every sentence up to this many articles",
        False,
    ),
    "max_candidates": ("With more articles, partners tried per sentence", False),
    "min_candidate_cosine": ("Least shared vocabulary before two sentences are compared", False),
    "max_unit_chars": ("Longest sentence, in characters, before it is split", False),
    "max_total_chars": ("Largest input, in characters (all articles together)", False),
    "fact_candidates": ("Partners tried per sentence for shared facts", False),
    "fact_min_cosine": ("Least shared vocabulary before a shared fact is tried", False),
    "fact_max_links": ("Most shared facts from one sentence into one other article", False),
    "fact_paraphrase_share": ("Share two sentences must have in common to be a paraphrase", False),
    "fact_context_up_to": (
        "Up to this many articles, read shared facts in context with a sentence model (0: off)",
        False,
    ),
    "event_gate_max_articles": (
        "Up to this many articles, keep links across different stories weak (0: off)",
        False,
    ),
    "event_gate_min_score": ("Least score of a link across different stories (0–100)", False),
    "event_gate_merge_share": ("Share of links that keeps two groups of articles one story", False),
}


class SettingsDialog(QDialog):
    """Edits a :class:`CompareSettings`; read :attr:`settings` after ``exec()`` accepted."""

    def __init__(self, settings: CompareSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self._editors: dict[str, QWidget] = {}
        self.categories = QListWidget(self)
        self.categories.setAccessibleName("Lexicon categories")
        # room for about eight categories without scrolling (hover a row for its rationale)
        self.categories.setMinimumHeight(self.categories.fontMetrics().height() * 10)
        self.folder = QLineEdit(settings.terms.user_lexicon_dir or "", self)
        self.folder.setAccessibleName("User lexicon folder")
        self.folder.setPlaceholderText("Default: your Slant configuration folder")
        self.folder.editingFinished.connect(self.reload_lexicons)
        self.errors = QLabel("", self)
        self.errors.setWordWrap(True)
        self.errors.setAccessibleName("Lexicon problems")
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invalid = QLabel("", self)
        self.invalid.setWordWrap(True)
        self.invalid.setTextFormat(Qt.TextFormat.PlainText)
        self.invalid.setAccessibleName("Invalid setting")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)
        basic, advanced_box = self._alignment_boxes(settings.alignment)
        advanced = QScrollArea(self)  # many rows: they scroll rather than squeeze
        advanced.setWidget(advanced_box)
        advanced.setWidgetResizable(True)
        advanced.setMinimumHeight(320)
        self.advanced = advanced
        self.show_advanced = QPushButton("Show &Advanced Settings", self)
        self.show_advanced.setCheckable(True)
        self.show_advanced.setObjectName("show_advanced")
        self.show_advanced.toggled.connect(self._toggle_advanced)
        advanced.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(basic)
        layout.addWidget(self._lexicon_box())
        layout.addWidget(self.show_advanced, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(advanced)
        layout.addWidget(self.invalid)
        layout.addWidget(buttons)
        self.reload_lexicons()
        self.resize(680, 720)

    # --- alignment ------------------------------------------------------------------
    def _alignment_boxes(self, values: AlignmentSettings) -> tuple[QGroupBox, QGroupBox]:
        basic = QGroupBox("Matching passages", self)
        advanced = QGroupBox("Advanced", self)
        advanced.setObjectName("advanced_settings")
        forms = {True: QFormLayout(basic), False: QFormLayout(advanced)}
        for form in forms.values():
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        docs = _attribute_docs(AlignmentSettings.__doc__ or "")
        for field in dataclasses.fields(AlignmentSettings):
            default = (field.name.replace("_", " ").capitalize(), False)
            text, shown = PLAIN.get(field.name, default)
            box = basic if shown else advanced
            rule = RULES["alignment"].get(field.name)
            editor = _editor_for(getattr(values, field.name), box, CHOICES.get(field.name), rule)
            editor.setAccessibleName(text)
            editor.setToolTip(docs.get(field.name, ""))
            label = QLabel(text + ":", box)
            label.setWordWrap(True)
            label.setToolTip(docs.get(field.name, ""))
            forms[shown].addRow(label, editor)
            self._editors[field.name] = editor
        return basic, advanced

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.show_advanced.setText(
            "Hide &Advanced Settings" if shown else "Show &Advanced Settings"
        )

    def alignment_values(self) -> AlignmentSettings:
        """The alignment settings as currently edited."""
        values = {name: _value_of(editor) for name, editor in self._editors.items()}
        return dataclasses.replace(AlignmentSettings(), **values)

    # --- lexicons -------------------------------------------------------------------
    def _lexicon_box(self) -> QGroupBox:
        box = QGroupBox("Lexicons", self)
        browse = QPushButton("&Browse…", box)
        browse.setAccessibleName("Choose user lexicon folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel("Categories counted (untick to switch one off):", box))
        layout.addWidget(self.categories, 1)
        layout.addWidget(QLabel("Your own lexicon folder (*.toml files):", box))
        layout.addLayout(row)
        layout.addWidget(self.errors)
        return box

    def reload_lexicons(self) -> None:
        """List every category of the built-in and user lexicons, with user-file errors."""
        from analysis.terms import load_lexicons

        off = set(self.settings.terms.disabled_categories) | self._unticked()
        probe = dataclasses.replace(
            self.settings.terms, disabled_categories=(), user_lexicon_dir=self._folder()
        )
        lexicons = load_lexicons(probe)
        self.categories.clear()
        for category in lexicons.categories:
            item = QListWidgetItem(f"{category.name} — {category.description}")
            item.setData(Qt.ItemDataRole.UserRole, category.name)
            item.setToolTip(category.rationale)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = category.name not in off
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        problems = [str(e) for e in lexicons.errors]
        self.errors.setText(
            "Problems in your lexicons:\n" + "\n".join(f"• {p}" for p in problems)
            if problems
            else ""
        )

    def _unticked(self) -> set[str]:
        return {
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.categories.item(i) for i in range(self.categories.count()))
            if item.checkState() != Qt.CheckState.Checked
        }

    def _folder(self) -> str | None:
        return self.folder.text().strip() or None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "User lexicon folder", self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.reload_lexicons()

    def _restore_defaults(self) -> None:
        for name, editor in self._editors.items():
            _set_value(editor, getattr(AlignmentSettings(), name))
        for i in range(self.categories.count()):
            self.categories.item(i).setCheckState(Qt.CheckState.Checked)

    def accept(self) -> None:
        """Store the edited settings in :attr:`settings` and close."""
        terms: TermSettings = dataclasses.replace(
            self.settings.terms,
            disabled_categories=tuple(sorted(self._unticked())),
            user_lexicon_dir=self._folder(),
        )
        edited = CompareSettings(alignment=self.alignment_values(), terms=terms)
        try:
            validate_settings(edited)
        except SettingsError as exc:  # the editors hold ranges; this catches the rest
            self.invalid.setText(exc.message)
            return
        self.settings = edited
        super().accept()


def _editor_for(
    value: Any,
    parent: QWidget,
    choices: tuple[tuple[str, str], ...] | None = None,
    rule: Rule | None = None,
) -> QWidget:
    """An editor for one setting; numbers are held to the schema's range."""
    if choices:
        combo = QComboBox(parent)
        for data, text in choices:
            combo.addItem(text, data)
        _set_value(combo, value)
        return combo
    if isinstance(value, bool):
        box = QCheckBox(parent)
        box.setChecked(value)
        return box
    if isinstance(value, int):
        spin = QSpinBox(parent)
        low, high = (rule.low, rule.high) if rule else (0, 1_000_000_000)
        spin.setRange(int(low), int(high))
        spin.setGroupSeparatorShown(True)  # 12,000,000 rather than 12000000
        spin.setValue(value)
        return spin
    if isinstance(value, float):
        dspin = QDoubleSpinBox(parent)
        dspin.setDecimals(3)
        dspin.setRange(*((rule.low, rule.high) if rule else (0.0, 100.0)))
        dspin.setSingleStep(1.0 if value > 1.0 else 0.05)
        dspin.setValue(value)
        return dspin
    edit = QLineEdit(str(value), parent)
    return edit


def _value_of(editor: QWidget) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox | QDoubleSpinBox):
        return editor.value()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    return editor.text() if isinstance(editor, QLineEdit) else None


def _set_value(editor: QWidget, value: Any) -> None:
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox | QDoubleSpinBox):
        editor.setValue(value)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value))


def _attribute_docs(doc: str) -> dict[str, str]:
    """Descriptions of the ``Attributes:`` section of a Google-style docstring."""
    found: dict[str, str] = {}
    current = None
    for line in doc.split("Attributes:", 1)[-1].splitlines():
        match = re.match(r"^\s{8}(\w+): (.*)$", line)
        if match:
            current = match.group(1)
            found[current] = match.group(2)
        elif current and line.strip():
            found[current] += " " + line.strip()
    return found
