"""Projects: new, open, save, save as, the unsaved-changes prompt and recent projects."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from analysis.errors import ProjectError
from analysis.session import PROJECT_SUFFIX, Project, load_project, save_project
from analysis.settings import CompareSettings
from desktop.controllers.load import describe_error
from desktop.models.sources import SourcesModel
from desktop.settings import AppSettings
from desktop.tasks import Task

__all__ = ["FILTER", "ProjectController"]

FILTER = f"Slant projects (*{PROJECT_SUFFIX});;Slant JSON results (*.json)"


class ProjectController(QObject):
    """Owns the current project's path, settings and unsaved-changes flag."""

    title_changed = Signal(str)
    settings_changed = Signal()
    recent_changed = Signal()
    message = Signal(str)
    #: Emitted when opening a project has finished: True if it replaced the current one.
    opened = Signal(bool)

    def __init__(
        self,
        model: SourcesModel,
        prefs: AppSettings,
        window: QWidget,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(window)
        self._model = model
        self._prefs = prefs
        self._window = window
        self._pool = pool or QThreadPool.globalInstance()
        self._opening: Task | None = None
        self.path: Path | None = None
        self.dirty = False
        self.settings = CompareSettings(alignment=prefs.alignment)
        self.settings = self._with_lexicon_dir(self.settings)
        model.edited.connect(self.mark_dirty)

    # --- state ----------------------------------------------------------------------
    def title(self) -> str:
        """Window title: project name with an asterisk when there are unsaved changes."""
        name = self.path.name if self.path else "Untitled"
        return f"{'*' if self.dirty else ''}{name} — Slant"

    def mark_dirty(self) -> None:
        """Note an unsaved change."""
        if not self.dirty:
            self.dirty = True
            self.title_changed.emit(self.title())

    def mark_clean(self) -> None:
        """Note that everything is saved (or is the untouched sample)."""
        self.dirty = False
        self.title_changed.emit(self.title())

    def set_settings(self, settings: CompareSettings) -> None:
        """Change the comparison settings (re-runs the analysis)."""
        if settings != self.settings:
            self.settings = settings
            self._prefs.alignment = settings.alignment
            self._prefs.lexicon_dir = settings.terms.user_lexicon_dir
            self.mark_dirty()
            self.settings_changed.emit()

    def to_project(self) -> Project:
        """The project as it would be saved now."""
        return Project.from_articles(self._model.articles(), self.settings, self._model.colours())

    # --- actions --------------------------------------------------------------------
    def new(self) -> bool:
        """Start an empty project (after the unsaved-changes prompt)."""
        if not self.maybe_save():
            return False
        self._model.clear()
        self.path = None
        self.mark_clean()
        return True

    def open(self, path: Path | None = None) -> bool:
        """Start opening a project file off the GUI thread; :attr:`opened` tells the outcome.

        A bad file leaves the current project untouched and is named in one sentence.
        Returns False when nothing was started (dialog or prompt cancelled, or another
        project is still opening).
        """
        if self._opening is not None:
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self._window, "Open Project", self._prefs.last_folder, FILTER
            )
            if not name:
                return False
            path = Path(name)
        if not self.maybe_save():
            return False
        task = Task(partial(_read_project, path))
        self._opening = task
        task.signals.succeeded.connect(partial(self._on_opened, path))
        task.signals.failed.connect(partial(self._on_open_failed, path))
        self.message.emit(f"Opening {path.name}…")
        self._pool.start(task)
        return True

    def _on_opened(self, path: Path, project: object) -> None:
        self._opening = None
        assert isinstance(project, Project)
        self._model.clear()
        for entry in project.entries:
            self._model.add_article(entry.article, entry.colour)
        self.settings = project.settings
        if path.suffix == PROJECT_SUFFIX:
            self.path = path
            self._remember(path)
            self.mark_clean()
        else:  # an exported JSON result: its articles become a new, unsaved project
            self.path = None
            self.mark_dirty()
        self.message.emit(f"Opened {path.name}.")
        self.settings_changed.emit()
        self.opened.emit(True)

    def _on_open_failed(self, path: Path, exc: object) -> None:
        self._opening = None
        if isinstance(exc, ProjectError) and exc.code == "project.unreadable":
            self._prefs.remove_recent_project(str(path))
            self.recent_changed.emit()
        text = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        self.message.emit(f"Could not open {path.name}.")
        QMessageBox.warning(self._window, "Cannot open the project", text)
        self.opened.emit(False)

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        start = str(Path(self._prefs.last_folder) / (self.path.name if self.path else "untitled"))
        name, _ = QFileDialog.getSaveFileName(self._window, "Save Project As", start, FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return self._write(path)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; return False if the user cancelled."""
        if not self.dirty:
            return True
        button = QMessageBox.question(
            self._window,
            "Unsaved changes",
            "The project has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if button == QMessageBox.StandardButton.Save:
            return self.save()
        return button == QMessageBox.StandardButton.Discard

    def _write(self, path: Path) -> bool:
        try:
            save_project(self.to_project(), path)
        except ProjectError as exc:
            QMessageBox.warning(self._window, "Cannot save the project", str(exc))
            return False
        self.path = path
        self._remember(path)
        self.mark_clean()
        self.message.emit(f"Saved {path.name}.")
        return True

    def _remember(self, path: Path) -> None:
        self._prefs.add_recent_project(str(path))
        self._prefs.last_folder = str(path.parent)
        self.recent_changed.emit()

    def _with_lexicon_dir(self, settings: CompareSettings) -> CompareSettings:
        from dataclasses import replace

        folder = self._prefs.lexicon_dir
        return replace(settings, terms=replace(settings.terms, user_lexicon_dir=folder))


def _read_project(path: Path, **_: object) -> Project:
    # progress/is_cancelled are accepted and ignored: reading is one bounded file read
    return load_project(path)
