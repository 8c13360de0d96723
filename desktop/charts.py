"""Bar charts drawn by matplotlib on a worker thread and shown as an image.

Drawing a chart costs a few hundred milliseconds, far over the GUI's 100 ms budget, so
the GUI thread never runs matplotlib: :class:`BarChart` hands a :class:`ChartSpec` to a
one-thread pool, where :func:`render_bar_chart` draws it with a plain Agg ``Figure`` (no
pyplot, no Qt backend) and returns the pixels; the widget shows them in a label. Only the
latest request is shown (a superseded render is dropped). Requests wait ``_SETTLE_MS`` and
coalesce: a new result fills the other views in those moments, and a render running beside
them would slow them down (it holds the GIL); a resize re-renders once it settles.
Matplotlib is imported on that thread the first time a chart is drawn, never at start-up.
Colours follow the widget's palette so charts stay readable in dark mode.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from analysis.reports.heatmap import MAX_BARS  # the reports' threshold: one decision
from desktop.tasks import Task

__all__ = ["BarChart", "ChartImage", "ChartSpec", "Series", "draw_figure", "render_bar_chart"]

# matplotlib's font cache and text layout are not meant for concurrent use
_MATPLOTLIB = threading.Lock()
_SETTLE_MS = 250


@dataclass(frozen=True, slots=True)
class Series:
    """One set of bars: a label for the legend, a ``#rrggbb`` colour, one value per group."""

    label: str
    colour: str
    values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """Everything a render needs (plain values, safe to hand to another thread)."""

    groups: tuple[str, ...]
    series: tuple[Series, ...]
    ylabel: str
    title: str
    width: int = 500  # device pixels
    height: int = 300
    dpi: float = 100.0
    fg: str = "#000000"
    bg: str = "#ffffff"


@dataclass(frozen=True, slots=True)
class ChartImage:
    """Pixels of a rendered chart: RGBA rows, ``width`` by ``height``."""

    rgba: bytes
    width: int
    height: int


def render_bar_chart(spec: ChartSpec) -> ChartImage:
    """Draw grouped bars (one group per category, one bar per series) into pixels.

    Safe on any thread: it builds its own Agg figure. An empty selection draws a note.

    Args:
        spec: Data, labels, size in device pixels and colours.

    Returns:
        The image.
    """
    with _MATPLOTLIB:
        figure = draw_figure(spec)
        canvas = figure.canvas
        width, height = canvas.get_width_height(physical=True)
        return ChartImage(bytes(canvas.buffer_rgba()), width, height)


def draw_figure(spec: ChartSpec) -> Any:
    """Build and draw the matplotlib ``Figure`` of ``spec`` on an Agg canvas.

    Callers on other threads than the GUI's hold the module lock (see
    :func:`render_bar_chart`).

    Args:
        spec: Data, labels, size in device pixels and colours.

    Returns:
        The drawn figure (``figure.canvas`` holds the pixels).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    size = (max(spec.width, 50) / spec.dpi, max(spec.height, 50) / spec.dpi)
    # constrained layout fits rotated tick labels and the legend inside the figure
    figure = Figure(figsize=size, dpi=spec.dpi, facecolor=spec.bg, layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.set_facecolor(spec.bg)
    if not spec.groups or not any(v for s in spec.series for v in s.values):
        note = ax.text(0.5, 0.5, "Nothing found in this selection", ha="center", va="center")
        note.set_color(spec.fg)
        ax.set_axis_off()
    elif len(spec.series) >= 2 and len(spec.series) * len(spec.groups) > MAX_BARS:
        _heatmap(ax, spec)  # 20 outlets × 8 categories would be 160 bars under the legend
    else:
        _bars(ax, spec)
    ax.set_title(spec.title, color=spec.fg, fontsize="medium")
    figure.canvas.draw()
    return figure


def _heatmap(ax: Any, spec: ChartSpec) -> None:
    """One row per series (outlet), one column per group, shaded as in the reports."""
    values = [list(s.values) for s in spec.series]
    peak = max((v for row in values for v in row), default=0.0) or 1.0
    ax.imshow(values, cmap="Blues", vmin=0.0, vmax=peak, aspect="auto")
    small = "x-small" if len(spec.series) > 12 else "small"
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            ink = "white" if value / peak > 0.55 else "black"
            ax.text(c, r, f"{value:.0f}", ha="center", va="center", color=ink, fontsize=small)
    ax.set_xticks(range(len(spec.groups)), spec.groups, rotation=30, ha="right")
    ax.set_yticks(range(len(spec.series)), [s.label for s in spec.series])
    ax.tick_params(colors=spec.fg, labelsize=small)
    ax.set_xlabel(f"{spec.ylabel}; darker is more", color=spec.fg, fontsize="small")


def _bars(ax: Any, spec: ChartSpec) -> None:
    width = 0.8 / len(spec.series)
    for k, s in enumerate(spec.series):
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(spec.groups))]
        ax.bar(xs, s.values, width=width, color=s.colour, label=s.label)
    ax.set_xticks(range(len(spec.groups)), spec.groups, rotation=30, ha="right")
    ax.tick_params(colors=spec.fg, labelsize="small")
    ax.margins(x=0.01)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(spec.ylabel, color=spec.fg)
    for spine in ax.spines.values():
        spine.set_color(spec.fg)
    ax.legend(fontsize="small", frameon=False, labelcolor=spec.fg)


def _render_job(
    serial: int, ratio: float, spec: ChartSpec, **_: object
) -> tuple[int, float, ChartImage | str]:
    try:
        return serial, ratio, render_bar_chart(spec)
    except Exception as exc:  # shown in place of the chart; the app goes on
        return serial, ratio, str(exc) or type(exc).__name__


class BarChart(QWidget):
    """Shows a bar chart rendered off the GUI thread; ``rendered`` fires when it is shown."""

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel(self)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(200, 150)
        self.image.setAccessibleName("Bar chart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._spec: ChartSpec | None = None
        self._serial = 0
        self._tasks: dict[int, Task] = {}
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(_SETTLE_MS)
        self._later.timeout.connect(self._render)

    @property
    def spec(self) -> ChartSpec | None:
        """What the chart shows (or will show once rendered)."""
        return self._spec

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
        self._spec = ChartSpec(tuple(groups), tuple(series), ylabel, title)
        self._later.start()

    @property
    def pending(self) -> bool:
        """Whether a newer chart than the one shown is waiting or being drawn."""
        return self._later.isActive() or self._serial in self._tasks

    def _render(self) -> None:
        if self._spec is None:
            return
        if self.image.pixmap().isNull():
            self.image.setText("Drawing the chart…")  # the first draw also imports matplotlib
        ratio = self.devicePixelRatioF()
        pal = self.palette()
        spec = replace(
            self._spec,
            width=int(self.image.width() * ratio),
            height=int(self.image.height() * ratio),
            dpi=self.logicalDpiX() * ratio,
            fg=pal.color(QPalette.ColorRole.WindowText).name(),
            bg=pal.color(QPalette.ColorRole.Window).name(),
        )
        self._serial += 1
        serial = self._serial
        task = Task(partial(_render_job, serial, ratio, spec))
        # a bound method: Qt drops the delivery if this widget is gone by then
        task.signals.succeeded.connect(self._on_rendered)
        self._tasks[serial] = task
        self._pool.start(task)

    def _on_rendered(self, done: tuple[int, float, ChartImage | str]) -> None:
        serial, ratio, image = done
        self._tasks.pop(serial, None)
        if serial != self._serial or self._later.isActive():
            return  # a newer request is on its way
        if isinstance(image, str):
            self.image.setText(f"The chart could not be drawn: {image}")
            return
        qimage = QImage(image.rgba, image.width, image.height, QImage.Format.Format_RGBA8888)
        pixmap = QPixmap.fromImage(qimage.copy())
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)
        self.rendered.emit()

    def resizeEvent(self, event: Any) -> None:
        """Re-render at the new size once resizing settles."""
        super().resizeEvent(event)
        if self._spec is not None:
            self._later.start()

    def changeEvent(self, event: Any) -> None:
        """Redraw in the new colours when the palette changes."""
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._spec is not None:
            self._later.start()
