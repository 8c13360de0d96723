"""Result views and the registry the main window builds its tabs from.

The contract every view keeps:

* A view is a :class:`~PySide6.QtWidgets.QWidget` built by a factory
  ``factory(parent: QWidget | None) -> QWidget``.
* ``set_result(result: ComparisonResult | None) -> None`` shows a result; None clears the
  view (fewer than two articles, or a failed run). Views never run analysis and never hold
  data beyond the frozen result they were given (item models adapt it, see
  :mod:`desktop.models`).
* ``evidence_requested = Signal(str, int, int)``: the view asks the app to show the
  evidence for something the user clicked (article id, start, end: character offsets into
  that article's ``text``). The main window routes it to the side-by-side view, which
  scrolls every column to the passage and its counterparts and highlights them.
* Optionally ``set_colours(colours: dict[str, str])`` to follow the user's outlet colours
  (article id -> ``#rrggbb``).

To add a view, append a :class:`ViewSpec` to :data:`VIEW_FACTORIES` in story order. Views
whose module is not importable (for example because it has not been written yet) are
skipped by :func:`available_views`, so the window never shows a placeholder tab.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, cast

from PySide6.QtWidgets import QWidget

from analysis.result import ComparisonResult

__all__ = ["VIEW_FACTORIES", "ResultView", "ViewSpec", "available_views"]

log = logging.getLogger(__name__)


class ResultView(Protocol):
    """What the main window relies on (besides being a QWidget)."""

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show ``result``, or clear the view when it is None."""


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """One tab: its title, shortcut key and where its widget class lives.

    Attributes:
        key: Stable id (also the tab's objectName), e.g. ``"side_by_side"``.
        title: Tab title shown to users.
        module: Module holding the view, imported lazily.
        attribute: Name of the QWidget subclass (or factory) in that module.
    """

    key: str
    title: str
    module: str
    attribute: str

    def load(self) -> Callable[[QWidget | None], QWidget] | None:
        """Import and return the factory, or None when the module is not there."""
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as exc:
            if exc.name != self.module:
                raise  # a real bug inside the view module must not be hidden
            return None
        factory = getattr(module, self.attribute, None)
        return cast(Callable[[QWidget | None], QWidget], factory) if callable(factory) else None


VIEW_FACTORIES: list[ViewSpec] = [
    ViewSpec("overview", "Overview", "desktop.views.overview", "OverviewView"),
    ViewSpec("side_by_side", "Side by side", "desktop.views.side_by_side", "SideBySideView"),
    ViewSpec("reference", "By outlet", "desktop.views.reference", "ReferenceOutletView"),
    ViewSpec("matrix", "Omission matrix", "desktop.views.matrix", "MatrixView"),
    ViewSpec("terms", "Terms", "desktop.views.terms", "TermsView"),
    ViewSpec("framing", "Framing", "desktop.views.framing", "FramingView"),
    ViewSpec("disagreements", "Disagreements", "desktop.views.disagreements", "DisagreementsView"),
]


def available_views() -> list[tuple[ViewSpec, Callable[[QWidget | None], QWidget]]]:
    """Return the registered views whose modules exist, in tab order."""
    found = []
    for spec in VIEW_FACTORIES:
        factory = spec.load()
        if factory is not None:
            found.append((spec, factory))
        else:
            log.debug("view %s not available", spec.key)
    return found
