"""Report charts: the app's SVG renderer, each bar or cell a link to its evidence."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from analysis.present.charts import MAX_BARS, ChartData, ChartRow
from analysis.present.svg import SvgStyle, chart_svg, shade
from analysis.reports.content import ReportContent, Section, Table
from analysis.reports.html import render_html

NS = "{http://www.w3.org/2000/svg}"


def _chart(outlets: int, series: int) -> ChartData:
    rows = tuple(
        ChartRow(f"Outlet {o}", tuple(float(o * series + s) for s in range(series)),
                 links=tuple(f"a-x{o}-{s}" for s in range(series)))
        for o in range(outlets)
    )  # fmt: skip
    categories = tuple(f"cat_{s}" for s in range(series))
    return ChartData("Loaded terms", categories, rows, "per 1,000", key="terms", by_row=True)


def _html(chart: ChartData) -> str:
    section = Section("terms", "Terms", "", (chart,))
    provenance = Table("provenance", "Provenance", ("Key", "Value"), ())
    return render_html(ReportContent("T", "now", "slant", (), (section,), (), provenance))


def test_twenty_outlets_by_eight_categories_is_a_heatmap_and_four_by_two_is_bars() -> None:
    assert _chart(20, 8).is_heatmap
    assert not _chart(4, 2).is_heatmap
    assert not _chart(MAX_BARS + 1, 1).is_heatmap  # one series: bars read fine


def test_every_value_is_one_linked_cell_with_its_number() -> None:
    html = _html(_chart(20, 8))
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert 'class="chart heatmap"' in svg
    root = ET.fromstring(svg)
    links = list(root.iter(f"{NS}a"))
    assert len(links) == 160
    assert {a.get("href") for a in links} == {f"#a-x{o}-{s}" for o in range(20) for s in range(8)}
    assert all(a.find(f"{NS}rect") is not None for a in links)  # the cell itself is the link
    assert ">159<" in svg  # the largest value printed in its cell
    assert "<h3>Loaded terms</h3>" in html and ">Loaded terms</text>" not in svg  # titled once


def test_few_outlets_are_bars_grouped_by_outlet_each_bar_linked() -> None:
    svg = chart_svg(_chart(3, 2), SvgStyle(heading=False))
    root = ET.fromstring(svg)
    assert 'class="chart"' in svg
    links = [a.get("href") for a in root.iter(f"{NS}a")]
    assert links == [f"#a-x{o}-{s}" for o in range(3) for s in range(2)]
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert texts[:2] == ["cat_0", "cat_1"]  # the legend names the categories
    outlets = [t for t in texts if t and t.startswith("Outlet")]
    assert outlets == ["Outlet 0", "Outlet 1", "Outlet 2"]  # one group per outlet


def test_hostile_link_targets_and_labels_stay_inside_their_attribute() -> None:
    evil = '"><script>alert(1)</script>'
    chart = ChartData("t", ("a", "b"), (ChartRow(evil, (1.0, 2.0), links=(evil, None)),))
    svg = chart_svg(chart)
    root = ET.fromstring(svg)  # well-formed
    assert "<script>" not in svg
    assert [a.get("href") for a in root.iter(f"{NS}a")] == ["#" + evil]
    assert re.search(r"<script", svg) is None


def test_shading_grows_with_the_value_and_text_stays_readable() -> None:
    light, ink_light = shade(0.0, 10.0)
    dark, ink_dark = shade(10.0, 10.0)
    assert light == "#ffffff" and ink_light != "#ffffff"
    assert dark == "#2b6cb0" and ink_dark == "#ffffff"
