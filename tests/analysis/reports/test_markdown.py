from __future__ import annotations

from dataclasses import replace
from typing import Any

from markdown_it import MarkdownIt

from analysis.reports.build import build_content
from analysis.reports.markdown import render_markdown
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import typed


def test_summary_holds_tables_and_provenance(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    md = render_markdown(build_content(typed(data)))
    assert md.startswith("# Slant comparison")
    for heading in (
        "## Articles and headlines",
        "### Omission matrix",
        "## Loaded terms",
        "## Readability",
        "## Provenance",
    ):
        assert heading in md
    for art in result.articles:
        assert art.sha256 in md
    assert "**Regime**" in md  # the loaded term, emphasised in the headline row


def test_tables_render_as_tables(result: ComparisonResult, data: dict[str, Any]) -> None:
    md = render_markdown(build_content(typed(data)))
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) >= 8


def test_hostile_text_cannot_break_out(result: ComparisonResult, data: dict[str, Any]) -> None:
    evil = replace(result.articles[0], outlet="x | <script>alert(1)</script>", title="<img src=x>")
    changed = replace(result, articles=(evil, *result.articles[1:]))
    md = render_markdown(build_content(replace(typed(data), articles=changed.articles)))
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in html and "<img" not in html
    assert "x \\| \\<script\\>" in md


def test_long_tables_are_cut_with_a_pointer_to_the_full_data() -> None:
    from analysis.model import Article
    from analysis.reports.content import Cell, ReportContent, Section, Table

    rows = tuple((Cell(f"term{i:03d}"), Cell.number(i)) for i in range(250))
    table = Table("terms", "Terms", ("Term", "Count"), rows)
    art = Article.from_parts(title="T", paragraphs=["Body."], outlet="O", source="s")
    provenance = Table("provenance", "Provenance", ("Item", "Value"), ())
    section = Section("terms", "Loaded terms", "", (table,))
    md = render_markdown(ReportContent("Title", "now", "Slant", (art,), (section,), (), provenance))
    assert "| term099 | 99 |" in md and "term100" not in md
    assert "… and 150 more rows — see the CSV or JSON report." in md


def test_highlights_render_as_emphasis_in_a_markdown_viewer() -> None:
    from analysis.model import Article
    from analysis.reports.content import (
        Fragment,
        PassageCell,
        ReportContent,
        Section,
        SideBySide,
        Table,
    )

    art = Article.from_parts(title="T", paragraphs=["Body."], outlet="O", source="s")
    # Two edited runs with different kinds side by side, one ending in a space: the
    # markers must hug the words, or CommonMark shows literal asterisks.
    cell = PassageCell(
        art.id,
        (
            Fragment("Police "),
            Fragment("were ", ("edited",)),
            Fragment("injured", ("edited", "term")),
            Fragment(" by "),
            Fragment("thugs", ("edited", "loaded")),
            Fragment("."),
        ),
    )
    view = SideBySide("passages", "Passages side by side", ("O",), ((cell,),))
    provenance = Table("provenance", "Provenance", ("Item", "Value"), ())
    section = Section("alignment", "Aligned passages", "", (view,))
    content = ReportContent("Title", "now", "Slant", (art,), (section,), (), provenance)
    html = MarkdownIt("commonmark").enable("table").render(render_markdown(content))
    assert "Police <em>were injured</em> by <strong>thugs</strong>." in html
