"""The report of the real sample comparison: every dedicated section is laid out.

Each section reads its part of the typed result; this test runs the real pipeline so that a
section whose values are never laid out shows up here.
"""

from __future__ import annotations

import pytest

from analysis.ingest import load_sample
from analysis.pipeline import compare
from analysis.present.charts import ChartData
from analysis.reports.build import build_content
from analysis.reports.content import ReportContent, SideBySide, Table


@pytest.fixture(scope="module")
def content() -> ReportContent:
    articles = load_sample()
    if len(articles) < 2:
        pytest.skip("the built-in sample has fewer than two articles in this checkout")
    return build_content(compare(articles))


@pytest.mark.slow  # runs the whole comparison pipeline on the sample (a few seconds)
def test_every_section_has_its_dedicated_layout(content: ReportContent) -> None:
    keys = {
        s.key: {b.key for b in s.blocks if isinstance(b, Table | ChartData | SideBySide)}
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


@pytest.mark.slow
def test_the_sample_report_says_first_that_the_sample_is_fictional(
    content: ReportContent,
) -> None:
    from dataclasses import replace

    from analysis.present.labels import SAMPLE_BANNER
    from analysis.reports.evidence import EvidenceIndex
    from analysis.reports.findings_section import findings_section
    from analysis.reports.generic import ReportContext

    first = content.sections[0]
    assert first.key == "findings" and first.intro.startswith(SAMPLE_BANNER)
    # The same articles under another source are no sample: no banner.
    result = compare(tuple(replace(a, source="own.txt") for a in load_sample()))
    ctx = ReportContext(
        {a.id: a.outlet for a in result.articles}, EvidenceIndex.for_articles(result.articles)
    )
    assert SAMPLE_BANNER not in findings_section(result, ctx).intro
