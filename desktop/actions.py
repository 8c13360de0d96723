"""The main window's actions and menus, with a keyboard shortcut for every main action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

__all__ = ["Actions", "build_actions"]

_Slot = Callable[[], object]
_Key = QKeySequence.StandardKey | str | None


@dataclass(slots=True)
class Actions:
    """Every action of the main window, by role."""

    new: QAction
    open_files: QAction
    open_url: QAction
    open_project: QAction
    save: QAction
    save_as: QAction
    ratings: QAction
    clear_ratings: QAction
    quit: QAction
    paste: QAction
    remove: QAction
    move_up: QAction
    move_down: QAction
    settings: QAction
    rerun: QAction
    cancel: QAction
    about: QAction
    recent_menu: QMenu
    export_menu: QMenu
    view_menu: QMenu


def _action(window: QMainWindow, text: str, key: _Key, slot: _Slot, tip: str) -> QAction:
    action = QAction(text, window)
    if isinstance(key, QKeySequence.StandardKey):
        action.setShortcuts(key)
    elif key:
        action.setShortcut(QKeySequence(key))
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({action.shortcut().toString()})" if key else tip)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build_actions(window: QMainWindow, slots: dict[str, _Slot]) -> Actions:
    """Create the actions, wire them to ``slots`` (by action name) and fill the menu bar."""
    sk = QKeySequence.StandardKey
    a: dict[str, tuple[str, _Key, str]] = {
        "new": ("&New Project", sk.New, "Start an empty project"),
        "open_files": ("&Open Articles…", sk.Open, "Add article files (text, HTML, Word, PDF)"),
        "open_url": ("Open &URLs…", "Ctrl+L", "Add articles from web addresses"),
        "open_project": ("Open &Project…", "Ctrl+Shift+O", "Open a saved .slant project"),
        "save": ("&Save Project", sk.Save, "Save the project"),
        "save_as": ("Save Project &As…", "Ctrl+Shift+S", "Save the project under a new name"),
        "ratings": (
            "Outlet &Ratings…",
            None,
            "Show each outlet's lean from your own ratings file (CSV of domain, outlet, lean)",
        ),
        "clear_ratings": ("C&lear Outlet Ratings", None, "Stop showing outlet leans"),
        "quit": ("&Quit", sk.Quit, "Quit Slant"),
        "paste": ("&Paste as Article…", "Ctrl+Shift+V", "Add an article from pasted text"),
        "remove": ("&Remove Article", sk.Delete, "Remove the selected articles"),
        "move_up": ("Move &Up", "Ctrl+Up", "Move the selected article up"),
        "move_down": ("Move &Down", "Ctrl+Down", "Move the selected article down"),
        "settings": ("Se&ttings…", "Ctrl+,", "Alignment thresholds and lexicons"),
        "rerun": ("&Re-run Analysis", "F5", "Analyse the articles again"),
        "cancel": ("&Cancel Analysis", "Esc", "Stop the running analysis"),
        "about": ("&About Slant", None, "Version and licences"),
    }
    made = {name: _action(window, t, k, slots[name], tip) for name, (t, k, tip) in a.items()}
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for name in ("new", "open_files", "open_url", "open_project"):
        file_menu.addAction(made[name])
    recent = file_menu.addMenu("Recent P&rojects")
    file_menu.addSeparator()
    for name in ("save", "save_as"):
        file_menu.addAction(made[name])
    export = file_menu.addMenu("&Export")
    file_menu.addSeparator()
    file_menu.addAction(made["ratings"])
    file_menu.addAction(made["clear_ratings"])
    file_menu.addSeparator()
    file_menu.addAction(made["quit"])
    edit = bar.addMenu("&Edit")
    for name in ("paste", "remove", "move_up", "move_down"):
        edit.addAction(made[name])
    edit.addSeparator()
    edit.addAction(made["settings"])
    view = bar.addMenu("&View")
    analysis = bar.addMenu("&Analysis")
    analysis.addAction(made["rerun"])
    analysis.addAction(made["cancel"])
    bar.addMenu("&Help").addAction(made["about"])
    return Actions(**made, recent_menu=recent, export_menu=export, view_menu=view)
