"""Dedicated report sections: framing, distinctive vocabulary, readability, edited words.

The section JSON is written by hand in the documented shapes (``docs/framing.md``,
``docs/report-schema.md``) with real offsets into the fixture articles.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import Any

from analysis.present.charts import ChartData
from analysis.reports.build import build_content
from analysis.reports.content import PassageCell, ReportContent, Section, SideBySide, Table
from analysis.reports.csvzip import render_csv_zip
from analysis.reports.evidence import anchor_id
from analysis.reports.html import render_html
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import span, typed
from tests.analysis.reports.section_data import real_shapes, rel


def _section(content: ReportContent, key: str) -> Section:
    return next(s for s in content.sections if s.key == key)


def _table(section: Section, key: str) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table) and b.key == key)


def _chart(section: Section, key: str) -> ChartData:
    return next(b for b in section.blocks if isinstance(b, ChartData) and b.key == key)


def test_framing_has_readable_tables_and_charts(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a, b, _c = result.articles
    framing = _section(build_content(typed(real_shapes(result, data))), "framing")
    sources = _table(framing, "framing-sources")
    row_a = sources.rows[0]
    # Outlet, Named, Anonymous, Direct quotes, Indirect quotes, % quoted (the app's columns)
    assert [cell.text for cell in row_a[:5]] == [a.outlet, "0", "1", "1", "0"]
    # The quote count links to the quote itself, the anonymous source to the source.
    assert row_a[3].href == anchor_id(a.id, span(a, "a reckless giveaway")["start"])
    assert row_a[2].href == anchor_id(a.id, span(a, "Opponents")["start"])
    verbs = _chart(framing, "framing-verb-chart")
    assert verbs.categories[:2] == ("neutral", "distancing")
    assert [bar.values[:2] for bar in verbs.rows] == [(1.0, 0.0), (0.0, 1.0)]
    voice = _chart(framing, "framing-voice")
    assert voice.rows[0].values == (90.0, 10.0)
    frames = _chart(framing, "framing-frame-chart")
    assert [bar.label for bar in frames.rows] == ["Economic"]  # frames without hits left out
    assert frames.rows[0].links == (anchor_id(a.id, span(a, "plan")["start"]),)
    headlines = _table(framing, "framing-headlines")
    verdict = headlines.rows[0][headlines.columns.index("Supported")]
    assert verdict.text.startswith("no") and verdict.href == anchor_id(b.id, 0)
    speakers = _table(framing, "framing-speakers")
    assert speakers.rows[0][0].text == "Opponents"


def test_framing_evidence_is_marked_in_the_texts(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a = result.articles[0]
    html = render_html(build_content(typed(real_shapes(result, data))))
    start = span(a, "a reckless giveaway")["start"]
    assert re.search(rf'<mark class="[^"]*\bk-quote\b[^"]*" id="{anchor_id(a.id, start)}"', html)
    assert f'href="#{anchor_id(a.id, start)}"' in html


def test_every_quote_reaches_the_csv(result: ComparisonResult, data: dict[str, Any]) -> None:
    blob = render_csv_zip(build_content(typed(real_shapes(result, data))))
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        raw = archive.read("framing-quotes.csv").decode("utf-8-sig")
        names = set(archive.namelist())
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0][:3] == ["Outlet", "Quote", "Form"]
    assert [r[1] for r in rows[1:]] == [
        "a reckless giveaway",
        "the scheme is a reckless giveaway to developers",
    ]
    assert {"framing-frames.csv", "distinctive-terms.csv", "readability.csv"} <= names


def test_distinctive_words_side_by_side_link_to_first_use(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a, b, _ = result.articles
    vocab = _section(build_content(typed(real_shapes(result, data))), "distinctive_terms")
    grid = _table(vocab, "distinctive")
    assert grid.columns == ("Rank", a.outlet, b.outlet)
    first = grid.rows[0]
    assert (first[1].text, first[2].text) == ("opponents (2.5)", "rammed (2)")
    # Case-insensitive whole-word match: "opponents" is "Opponents" in the text.
    assert first[1].href == anchor_id(a.id, a.text.index("Opponents"))
    assert grid.rows[1][2].text == ""  # b has one distinctive word only


def test_readability_table_chart_and_unavailable_reason(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a, b, _c = result.articles
    section = _section(build_content(typed(real_shapes(result, data))), "readability")
    table = _table(section, "readability")
    assert table.rows[0][5].text == "8.4"  # Flesch-Kincaid grade
    assert [cell.text for cell in table.rows[2][1:3]] == ["n/a", "n/a"]
    assert table.rows[2][-1].text == "not English"
    chart = _chart(section, "readability-chart")
    assert [bar.label for bar in chart.rows] == [a.outlet, b.outlet]  # c has no grade
    assert [bar.values[0] for bar in chart.rows] == [8.4, 6.0]


def _passages(content: ReportContent) -> SideBySide:
    section = _section(content, "alignment")
    return next(b for b in section.blocks if isinstance(b, SideBySide))


def _marked(cell: PassageCell | None, kind: str) -> str:
    """The runs of text carrying ``kind``, joined by "|" (marks of other kinds cut no run)."""
    assert cell is not None
    runs, last = [], False
    for frag in cell.fragments:
        hit = kind in frag.kinds
        if hit and last:
            runs[-1] += frag.text
        elif hit:
            runs.append(frag.text)
        last = hit
    return "|".join(runs)


def test_edited_words_come_from_the_links_changes(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a, b, c = result.articles
    data = dict(data)
    alignment = dict(data["alignment"])
    links = [dict(link) for link in alignment["links"]]
    # a/b differ in "approved"/"rammed through"; the aligner's change is the evidence.
    links[0]["changes"] = [
        {"kind": "replace", "a": rel(a, "approved"), "b": rel(b, "rammed through")}
    ]
    # a/c: the aligner recorded a deletion (empty on c's side): a's words are marked, as in
    # the app, though a diff of a against b alone would never mark them.
    gap = span(c, "Monday")["end"]
    links[1]["changes"] = [
        {"kind": "delete", "a": rel(a, "by seven votes to four"), "b": {"start": gap, "end": gap}}
    ]
    alignment["links"] = links
    data["alignment"] = alignment
    content = build_content(typed(data))
    row = _passages(content).rows[0]
    assert _marked(row[0], "edited") == "approved|by seven votes to four"
    assert _marked(row[1], "edited") == "rammed through"
    assert _marked(row[2], "edited") == ""
    # The same marks reach the article texts (one set of evidence everywhere).
    text_b = content.texts[1]
    edited = "".join(f.text for para in text_b.paragraphs for f in para if "edited" in f.kinds)
    assert edited == "rammed through"


def test_loaded_terms_are_marked_inside_passages(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    row = _passages(build_content(typed(data))).rows[0]
    assert _marked(row[1], "loaded") == "rammed"


def test_zero_counts_link_to_nothing_and_unused_stances_are_not_drawn(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    framing = _section(build_content(typed(real_shapes(result, data))), "framing")
    row_b = _table(framing, "framing-sources").rows[1]
    assert row_b[3].text == "0" and row_b[3].href is None  # b has no direct quote
    assert row_b[4].text == "1" and row_b[4].href is not None
    assert _chart(framing, "framing-verb-chart").categories == ("neutral", "distancing")


def test_chart_tables_name_what_the_bars_stand_for(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    from analysis.reports.markdown import render_markdown

    text = render_markdown(build_content(typed(real_shapes(result, data))))
    frames = text[text.index("### Frame emphasis") :]
    assert "| Frame | Harbour Times |" in frames
    voice = text[text.index("### Own voice vs quoted words") :]
    assert "| Outlet | own voice | quoted |" in voice


def test_shared_passages_framed_differently(result: ComparisonResult, data: dict[str, Any]) -> None:
    a, b, c = result.articles
    framing = _section(build_content(typed(real_shapes(result, data))), "framing")
    # The app's tables: one row per passage, one column per outlet.
    verbs = _table(framing, "framing-passages")
    assert verbs.columns[1:] == (a.outlet, b.outlet, c.outlet)
    assert [[cell.text for cell in r[1:]] for r in verbs.rows] == [["called", "say", ""]]
    assert verbs.rows[0][2].href == anchor_id(b.id, b.text.index("say the scheme"))
    hedges = _table(framing, "framing-passage-hedges")
    assert [[cell.text for cell in r[1:]] for r in hedges.rows] == [["1", "0", ""]]
    sentiment = _table(framing, "framing-passage-sentiment")
    assert [[cell.text for cell in r[1:]] for r in sentiment.rows] == [
        ["-0.50", "0.20", ""],
        ["0.10", "", "0.15"],
    ]


def test_copy_shares_link_to_the_pairs_first_link_of_that_kind(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    a, b, _c = result.articles
    section = _section(build_content(typed(data)), "alignment")
    row = _table(section, "alignment-pairs").rows[0]
    assert [cell.text for cell in row] == [a.outlet, b.outlet, "10.0", "40.0", "10.0", "50.0", "no"]
    pa = span(a, "The city council approved the harbour plan on Monday by seven votes to four.")
    pb = span(b, "The city council rammed through the harbour plan")
    assert row[3].href == anchor_id(a.id, pa["start"])  # the edited a–b link, a's side
    assert row[5].href == anchor_id(b.id, pb["start"])
    assert row[2].href is None  # no verbatim link between them: nothing to point at


_RENDER = """
import hashlib, sys
from analysis.reports.build import build_content
from analysis.reports.csvzip import render_csv_zip
from analysis.reports.html import render_html
from analysis.reports.markdown import render_markdown
from tests.analysis.reports.conftest import full_data, make_result, typed
from tests.analysis.reports.section_data import real_shapes, rel
result = make_result()
content = build_content(typed(real_shapes(result, full_data(result))))
blob = render_html(content).encode() + render_markdown(content).encode() + render_csv_zip(content)
sys.stdout.write(hashlib.sha256(blob).hexdigest())
"""


def test_sections_render_the_same_bytes_under_any_hash_seed() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _RENDER], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert len(done.stdout) == 64, done.stdout
        digests.add(done.stdout)
    assert len(digests) == 1
