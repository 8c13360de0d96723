"""Typed access to the app's persistent preferences and window state (QSettings).

Every key has one typed property with a default, so no other module spells a QSettings key.
"State" (geometry, splitters, recent projects, last folder) is remembered silently;
"preferences" (lexicon folder, alignment thresholds, categories) are edited in the settings
dialog and also travel inside each project (:mod:`analysis.session`).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from analysis.align.settings import AlignmentSettings
from analysis.errors import SettingsError
from analysis.settings_schema import alignment_from_json

__all__ = ["MAX_RECENT", "AppSettings"]

MAX_RECENT = 8


class AppSettings:
    """A thin typed wrapper over one :class:`QSettings` store.

    Args:
        store: The QSettings to use; tests pass one backed by a temporary INI file.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings("Slant", "Slant")
        #: One sentence about saved preferences that could not be used, else None.
        self.problem: str | None = None

    # --- window state ---------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        """Saved main-window geometry, or None on first start."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Saved dock/toolbar state of the main window."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        """Return a splitter's saved state."""
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        """Remember a splitter's state."""
        self._s.setValue(f"splitters/{name}", value)

    # --- files ----------------------------------------------------------------------
    @property
    def recent_projects(self) -> list[str]:
        """Recently opened or saved projects, newest first."""
        value = self._s.value("files/recent", [])
        if isinstance(value, str):  # QSettings flattens a one-item list on some backends
            value = [value]
        items = value if isinstance(value, list | tuple) else []
        return [str(v) for v in items][:MAX_RECENT]

    def add_recent_project(self, path: str) -> None:
        """Put a project at the top of the recent list (no duplicates, at most MAX_RECENT)."""
        paths = [p for p in self.recent_projects if p != path]
        self._s.setValue("files/recent", [path, *paths][:MAX_RECENT])

    def remove_recent_project(self, path: str) -> None:
        """Forget a project (for example because it no longer exists)."""
        self._s.setValue("files/recent", [p for p in self.recent_projects if p != path])

    @property
    def last_folder(self) -> str:
        """The folder of the last opened/saved file, or the home folder."""
        return str(self._s.value("files/last_folder", str(Path.home())))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)

    @property
    def has_started_before(self) -> bool:
        """False on the very first start (the sample is shown then)."""
        return _as_bool(self._s.value("app/started", False))

    def mark_started(self) -> None:
        """Remember that the app has started once."""
        self._s.setValue("app/started", True)

    # --- preferences ----------------------------------------------------------------
    @property
    def lexicon_dir(self) -> str | None:
        """The user's own lexicon folder, or None for the default."""
        value = self._s.value("prefs/lexicon_dir", "")
        return str(value) or None

    @lexicon_dir.setter
    def lexicon_dir(self, value: str | None) -> None:
        self._s.setValue("prefs/lexicon_dir", value or "")

    @property
    def ratings_file(self) -> str | None:
        """The user's outlet ratings file (CSV of domain, outlet, lean), or None."""
        value = self._s.value("prefs/ratings_file", "")
        return str(value) or None

    @ratings_file.setter
    def ratings_file(self, value: str | None) -> None:
        self._s.setValue("prefs/ratings_file", value or "")

    @property
    def alignment(self) -> AlignmentSettings:
        """Default alignment thresholds for new projects, checked by the settings schema.

        Unknown keys are ignored. Saved values that are damaged, of the wrong type or out of
        range (a unit size of 0 would hang every comparison) give the defaults, and
        :attr:`problem` says so in one sentence.
        """
        raw = self._s.value("prefs/alignment", "")
        try:
            data = json.loads(str(raw)) if raw else {}
            return alignment_from_json(data)
        except (ValueError, RecursionError, SettingsError) as exc:  # json: Value/Recursion
            detail = exc.message if isinstance(exc, SettingsError) else "they are damaged."
            self.problem = f"Your saved alignment settings were reset to the defaults: {detail}"
            return AlignmentSettings()

    @alignment.setter
    def alignment(self, value: AlignmentSettings) -> None:
        self._s.setValue("prefs/alignment", json.dumps(asdict(value)))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in {"1", "true", "yes"}
    return bool(value)
