"""Charts of many outlets become heatmaps: one linked, shaded cell per value."""

from __future__ import annotations

import re

from analysis.reports.content import Bar, Chart
from analysis.reports.heatmap import MAX_BARS, heatmap_svg, is_heatmap, shade
from analysis.reports.svg import chart_svg


def _chart(outlets: int, series: int) -> Chart:
    bars = tuple(
        Bar(f"Outlet {o}", tuple(float(o * series + s) for s in range(series)),
            tuple(f"a-x{o}-{s}" for s in range(series)))
        for o in range(outlets)
    )  # fmt: skip
    return Chart(
        "terms", "Loaded terms", tuple(f"cat_{s}" for s in range(series)), bars, "per 1,000"
    )


def test_twenty_outlets_by_eight_categories_is_a_heatmap_and_four_by_two_is_bars() -> None:
    assert is_heatmap(_chart(20, 8))
    assert not is_heatmap(_chart(4, 2))
    assert not is_heatmap(_chart(MAX_BARS, 1))  # one series: bars read fine


def test_every_value_is_one_linked_cell_with_its_number() -> None:
    svg = chart_svg(_chart(20, 8))
    assert 'class="chart heatmap"' in svg
    assert len(re.findall(r"<rect ", svg)) == 160
    assert svg.count('<a href="#a-x') == 160
    assert ">159<" in svg  # the largest value printed in its cell
    assert heatmap_svg(_chart(20, 8)) == svg


def test_shading_grows_with_the_value_and_text_stays_readable() -> None:
    light, ink_light = shade(0.0, 10.0)
    dark, ink_dark = shade(10.0, 10.0)
    assert light == "#ffffff" and ink_light != "#ffffff"
    assert dark == "#2b6cb0" and ink_dark == "#ffffff"
