"""The app's chart widget: the core's SVG at the widget's width, in the palette's colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtGui import QColor, QPalette

from analysis.present.charts import ChartData, ChartRow
from desktop.charts import SvgChart


def _chart(outlets: int) -> ChartData:
    rows = tuple(
        ChartRow(f"Outlet {o}", tuple(float(o + c) for c in range(8))) for o in range(outlets)
    )
    return ChartData("Terms", tuple(f"category {c}" for c in range(8)), rows, "per 1,000 words")


def test_chart_shows_the_svg_at_its_width_without_sideways_scrolling(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = SvgChart()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    with qtbot.waitSignal(chart.rendered, timeout=5_000):
        chart.show_chart(_chart(20))
    root = ET.fromstring(chart.markup)
    assert int(root.get("width", "0")) <= 500
    assert chart.svg_widget.renderer().isValid()
    assert chart.svg_widget.width() <= chart.scroll_area.viewport().width()
    assert chart.svg_widget.height() > 300  # 20 rows: taller than the widget, it scrolls down
    assert not chart.scroll_area.horizontalScrollBar().isVisible()
    chart.resize(800, 300)
    qtbot.waitUntil(lambda: int(ET.fromstring(chart.markup).get("width", "0")) > 500)
    assert not chart.pending


def test_chart_follows_the_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = SvgChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    chart.show_chart(_chart(2))
    pal = chart.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    chart.setPalette(pal)
    qtbot.waitUntil(lambda: 'fill="#eeeeee"' in chart.markup)
    assert 'fill="#202020"' in chart.markup
