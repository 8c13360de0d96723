"""Matplotlib charts embedded in Qt, with matplotlib imported only when a chart is built.

Start-up must not pay for matplotlib, so this module imports it inside
:class:`BarChart`'s constructor; views create their chart the first time they are shown.
Colours of the figure follow the widget's palette so charts stay readable in dark mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

__all__ = ["BarChart", "Series"]


@dataclass(frozen=True, slots=True)
class Series:
    """One set of bars: a label for the legend, a ``#rrggbb`` colour, one value per group."""

    label: str
    colour: str
    values: tuple[float, ...]


class BarChart(QWidget):
    """Grouped vertical bars (one group per category, one bar per series)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        # fixed margins: constrained layout doubles the drawing time
        self.figure = Figure(figsize=(5, 3))
        self.figure.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.3)
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setParent(self)
        self.canvas.setAccessibleName("Bar chart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._last: tuple[Any, ...] | None = None

    def plot(
        self, groups: Sequence[str], series: Sequence[Series], ylabel: str, title: str
    ) -> None:
        """Draw the bars (an empty chart with a note when there is nothing to show).

        Args:
            groups: Names along the x axis.
            series: Bars of each group, left to right.
            ylabel: Label of the y axis.
            title: Title above the chart.
        """
        self._last = (tuple(groups), tuple(series), ylabel, title)
        fg, bg = self._colours()
        self.figure.clear()
        self.figure.set_facecolor(bg)
        ax = self.figure.add_subplot()
        ax.set_facecolor(bg)
        if not groups or not series or not any(v for s in series for v in s.values):
            ax.text(0.5, 0.5, "Nothing found in this selection", ha="center", va="center", color=fg)
            ax.set_axis_off()
        else:
            self._bars(ax, groups, series)
            ax.set_ylabel(ylabel, color=fg)
            ax.tick_params(colors=fg)
            for spine in ax.spines.values():
                spine.set_color(fg)
            ax.legend(fontsize="small", frameon=False, labelcolor=fg)
        ax.set_title(title, color=fg, fontsize="medium")
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    @staticmethod
    def _bars(ax: Any, groups: Sequence[str], series: Sequence[Series]) -> None:
        width = 0.8 / len(series)
        for k, s in enumerate(series):
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(groups))]
            ax.bar(xs, s.values, width=width, color=s.colour, label=s.label)
        ax.set_xticks(range(len(groups)), groups, rotation=30, ha="right", fontsize="small")
        ax.margins(x=0.01)
        ax.set_ylim(bottom=0)

    def _colours(self) -> tuple[str, str]:
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText).name()
        bg = pal.color(QPalette.ColorRole.Window).name()
        return fg, bg

    def changeEvent(self, event: Any) -> None:
        """Redraw in the new colours when the palette changes."""
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._last is not None:
            self.plot(*self._last)
