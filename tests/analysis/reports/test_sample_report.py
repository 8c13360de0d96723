"""The report of the real sample comparison: every dedicated section is laid out.

Each section reads its part of the typed result; this test runs the real pipeline so that a
section whose values are never laid out shows up here.
"""

from __future__ import annotations

import pytest

from analysis.ingest import load_sample
from analysis.pipeline import compare
from analysis.reports.build import build_content
from analysis.reports.content import Chart, ReportContent, SideBySide, Table


@pytest.fixture(scope="module")
def content() -> ReportContent:
    articles = load_sample()
    if len(articles) < 2:
        pytest.skip("the built-in sample has fewer than two articles in this checkout")
    return build_content(compare(articles))


@pytest.mark.slow  # runs the whole comparison pipeline on the sample (a few seconds)
def test_every_section_has_its_dedicated_layout(content: ReportContent) -> None:
    keys = {
        s.key: {b.key for b in s.blocks if isinstance(b, Table | Chart | SideBySide)}
        for s in content.sections
    }
    assert {"omissions", "passages", "links"} <= keys["alignment"]
    assert {"terms-chart", "term-counts"} <= keys["terms"]
    assert {
        "framing-sources",
        "framing-voice",
        "framing-verb-chart",
        "framing-verbs",
        "framing-hedges",
        "framing-headlines",
        "framing-frame-chart",
        "framing-frames",
        "framing-speakers",
        "framing-passages",
        "framing-quotes",
    } <= keys["framing"]
    assert {"distinctive", "distinctive-terms"} <= keys["distinctive_terms"]
    assert {"readability-chart", "readability"} <= keys["readability"]


@pytest.mark.slow
def test_edited_words_and_loaded_terms_show_in_passages_and_texts(content: ReportContent) -> None:
    section = next(s for s in content.sections if s.key == "alignment")
    view = next(b for b in section.blocks if isinstance(b, SideBySide))
    kinds = {
        k for row in view.rows for cell in row if cell for f in cell.fragments for k in f.kinds
    }
    assert {"edited", "loaded"} <= kinds
    text_kinds = {k for v in content.texts for p in v.paragraphs for f in p for k in f.kinds}
    assert {"edited", "loaded", "quote"} <= text_kinds
