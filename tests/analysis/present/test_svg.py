"""Charts as data and their SVG: well-formed, numbers in it, hostile text escaped, 20 outlets."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from analysis import compare
from analysis.ingest import load_sample
from analysis.present.charts import MAX_BARS, ChartData, ChartRow, terms_chart
from analysis.present.svg import SvgStyle, chart_svg, number, shade, xml_text

NS = "{http://www.w3.org/2000/svg}"
CATEGORIES = ("verbs distancing", "conflict metaphor", "intensifiers", "a very long category name")


def _chart(outlets: int, categories: tuple[str, ...] = CATEGORIES) -> ChartData:
    rows = tuple(
        ChartRow(f"Outlet number {o}", tuple(float(o * 3 + c) / 2 for c in range(len(categories))))
        for o in range(outlets)
    )
    return ChartData("Terms", categories, rows, "per 1,000 words")


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


@pytest.mark.parametrize("outlets", [2, 20])
def test_svg_is_well_formed_and_prints_every_number(outlets: int) -> None:
    chart = _chart(outlets)
    svg = chart_svg(chart)
    texts = _texts(svg)  # parses: well-formed XML
    assert chart.is_heatmap is (outlets == 20)
    for row in chart.rows:
        assert row.label in texts
        for value in row.values:
            assert number(value) in texts
    cells = [r for r in ET.fromstring(svg).iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    assert len(cells) == outlets * len(CATEGORIES)  # one cell or bar per value, with a tooltip


def test_hostile_outlet_and_category_names_stay_text() -> None:
    evil = 'Evil <script>alert("x")</script> & Co \x00\x07'
    chart = ChartData(
        "<b>title</b>",
        ("cat <i>", "plain"),
        (ChartRow(evil, (1.0, 2.0), colour='red" onload="x'), ChartRow("B", (3.0, 0.0))),
    )
    svg = chart_svg(chart)
    root = ET.fromstring(svg)
    assert not list(root.iter("script")) and not list(root.iter(f"{NS}script"))
    assert "<script>" not in svg and "<b>" not in svg and "onload" not in svg
    assert any("<script>" in t for t in _texts(svg))  # shown as text, without the controls
    assert xml_text("a\x00b<") == "ab&lt;"


def test_twenty_outlets_heatmap_labels_do_not_overlap() -> None:
    chart = _chart(20, tuple(f"category number {i}" for i in range(8)))
    assert chart.is_heatmap and len(chart.rows) * len(chart.categories) > MAX_BARS
    narrow = ET.fromstring(chart_svg(chart, SvgStyle(width=360)))
    cut = [t.text or "" for t in narrow.iter(f"{NS}text") if (t.text or "").startswith("Outlet")]
    assert len(cut) == 20 and all(t.endswith("…") for t in cut)  # labels give way first
    for width in (500, 640, 1000):
        svg = chart_svg(chart, SvgStyle(width=width))
        root = ET.fromstring(svg)
        assert float(root.get("width", "0")) == width
        ys = [float(t.get("y", "0")) for t in root.iter(f"{NS}text") if t.text in
              {r.label for r in chart.rows}]  # fmt: skip
        gaps = [b - a for a, b in itertools.pairwise(ys)]
        assert len(ys) == 20 and min(gaps) >= 18  # one row each, a line apart
        cells = [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
        right = max(float(r.get("x", "0")) + float(r.get("width", "0")) for r in cells)
        assert len(cells) == 160 and right <= width  # every cell inside the drawing
        heads = [t for t in root.iter(f"{NS}text") if (t.text or "").startswith("category")]
        narrow = all("rotate" in (t.get("transform") or "") for t in heads)
        spacing = min(
            float(b.get("x", "0")) - float(a.get("x", "0")) for a, b in itertools.pairwise(heads)
        )
        # headers either fit across their column or are rotated; never on top of each other
        assert narrow or spacing >= 6.6 * len("category number 0")


def test_cells_shade_from_background_with_readable_ink() -> None:
    assert shade(0.0, 10.0) == ("#ffffff", "#1a1a1a")
    fill, ink = shade(10.0, 10.0)
    assert fill == "#2b6cb0" and ink == "#ffffff"
    assert shade(0.0, 10.0, "#202020")[0] == "#202020"
    assert shade(0.0, 10.0, "not a colour")[0] == "#ffffff"


def test_empty_chart_says_so() -> None:
    svg = chart_svg(ChartData("Terms", (), ()))
    assert "Nothing found" in " ".join(_texts(svg))


def test_terms_chart_of_the_sample_matches_the_rates() -> None:
    result = compare(load_sample())
    chart = terms_chart(result, quoted=False)
    assert result.terms is not None
    assert [r.label for r in chart.rows] == [a.outlet for a in result.articles]
    names = [c.name for c in result.terms.categories]
    assert chart.categories == tuple(n.replace("_", " ") for n in names)
    first = result.articles[0].id
    rates = result.terms.rates_of(first)
    for name, value in zip(names, chart.rows[0].values, strict=True):
        found = [c.own for c in rates.categories if c.category == name]
        assert value == (float(found[0]) if found else 0.0)
    only = terms_chart(result, {"emotive"}, quoted=True)
    assert only.categories == ("emotive",) and "quoted" in only.title
    svg = chart_svg(chart)
    assert re.search(r"<svg [^>]*width=\"640\"", svg)
