"""Charts in the app: the core's SVG (:mod:`analysis.present.svg`) shown with QtSvg.

The chart is drawn once, as SVG, by the Qt-free core, for the reports and the app alike;
this widget only asks for it at its own width, in the palette's colours (so it reads in
dark mode), and shows it. Building the markup and parsing it take a few milliseconds even
for 20 outlets × 8 categories, so it runs on the GUI thread; a resize redraws once it
settles. Taller charts scroll vertically, never sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from analysis.present.charts import ChartData
from analysis.present.svg import SvgStyle, chart_svg

__all__ = ["SvgChart"]

_SETTLE_MS = 120
_MIN_WIDTH = 320


class SvgChart(QWidget):
    """Shows a :class:`ChartData` as SVG; ``rendered`` fires each time it is redrawn."""

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svg_widget = QSvgWidget()
        self.svg_widget.setAccessibleName("Chart")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.svg_widget)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setMinimumSize(200, 150)
        self._data: ChartData | None = None
        self._markup = ""
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(_SETTLE_MS)
        self._later.timeout.connect(self.redraw)

    @property
    def data(self) -> ChartData | None:
        """What the chart shows."""
        return self._data

    @property
    def markup(self) -> str:
        """The SVG shown last (empty before the first draw)."""
        return self._markup

    @property
    def pending(self) -> bool:
        """Whether a redraw at a new size or in new colours is waiting."""
        return self._later.isActive()

    def show_chart(self, data: ChartData) -> None:
        """Draw ``data`` now, at the widget's width."""
        self._data = data
        self.redraw()

    def redraw(self) -> None:
        """Draw the current data again (new width or colours)."""
        if self._data is None:
            return
        pal = self.palette()
        # room for a vertical scroll bar, so a tall chart never needs a horizontal one
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        width = max(self.scroll_area.width() - bar - 2, _MIN_WIDTH)
        style = SvgStyle(
            width=width,
            fg=pal.color(QPalette.ColorRole.WindowText).name(),
            bg=pal.color(QPalette.ColorRole.Window).name(),
        )
        self._markup = chart_svg(self._data, style)
        self.svg_widget.load(QByteArray(self._markup.encode("utf-8")))
        size = self.svg_widget.renderer().defaultSize()
        self.svg_widget.setFixedSize(size)
        self.rendered.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Redraw at the new width once resizing settles."""
        super().resizeEvent(event)
        if self._data is not None:
            self._later.start()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the palette changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            self._later.start()
