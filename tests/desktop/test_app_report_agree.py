"""One result, rendered in the app's models and in the reports: labels and numbers agree."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.leans import with_leans
from analysis.model import Article
from analysis.present import (
    align_tables,
    framing_more,
    framing_tables,
    matrix_tables,
    quote_tables,
    terms_hits,
    vocab_tables,
)
from analysis.present.articles import articles_table
from analysis.present.matrix import MatrixTable, matrix_table
from analysis.present.tables import Table as PresentTable
from analysis.present.terms_tables import loaded_score_table
from analysis.ratings import parse_ratings
from analysis.reports import render_report
from analysis.reports.build import build_content
from analysis.reports.content import FindingList, Table
from analysis.reports.escape import html_text, md_text
from analysis.reports.evidence import anchor_id
from desktop.models.findings import EVIDENCE_ROLE, FindingsModel
from desktop.models.framing import FramingTableModel
from desktop.models.matrix import OmissionMatrixModel
from desktop.models.sources import EVIDENCE_ROLE as SOURCES_EVIDENCE
from desktop.models.sources import Column, SourcesModel
from desktop.models.terms import TermTableModel
from desktop.models.terms_loaded import LoadedScoreModel


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_findings_agree_in_app_and_every_report(result: ComparisonResult) -> None:
    model = FindingsModel()
    model.set_result(result)
    app = [model.data(model.index(r)) for r in range(model.rowCount())]
    block = build_content(result).sections[0].blocks[0]
    assert isinstance(block, FindingList)
    assert app == [item.text for item in block.items]
    for row, item in enumerate(block.items):
        evidence = model.data(model.index(row), EVIDENCE_ROLE)
        assert [(e[0], e[1], e[2], e[3]) for e in evidence][: len(item.links)] == [
            (link.label, link.article, link.start, link.end) for link in item.links
        ]
    html = render_report(result, "html").decode()
    md = render_report(result, "md").decode()
    for number, text in enumerate(app, 1):
        assert f"<li>{html_text(text)} " in html
        assert f"{number}. {md_text(text)}" in md


def test_who_is_quoted_agrees_in_app_and_report(result: ComparisonResult) -> None:
    app = framing_tables.sources_table(result)
    outlets = app.headers[2:]
    app_rows = {
        (r[0].text, r[1].text): {o: int(c.text or 0) for o, c in zip(outlets, r[2:], strict=True)}
        for r in app.rows
    }
    framing = next(s for s in build_content(result).sections if s.key == "framing")
    table = next(b for b in framing.blocks if isinstance(b, Table) and b.key == "framing-speakers")
    report_rows = {}
    for row in table.rows:
        per = dict(
            (m.group(1), int(m.group(2))) for m in re.finditer(r"(.+?) (\d+)(?:, |$)", row[4].text)
        )
        report_rows[(row[0].text, row[1].text)] = {o: per.get(o, 0) for o in outlets}
        assert row[3].value == sum(per.values())
    assert app_rows == report_rows
    assert tuple(outlets) == tuple(a.outlet for a in result.articles)


def test_verb_stances_read_the_same_in_app_and_report(result: ComparisonResult) -> None:
    from analysis.present.labels import STANCES, stance_label

    verbs = _report_table(result, "framing", "framing-verbs")
    assert [r[0].text for r in verbs.rows] == list(framing_tables.STANCE_LABELS.values())
    assert set(framing_tables.STANCE_LABELS.values()) == {stance_label(s) for s in STANCES}
    assert "other" not in framing_tables.STANCE_LABELS.values()


def _report_table(result: ComparisonResult, section: str, key: str) -> Table:
    found = next(s for s in build_content(result).sections if s.key == section)
    return next(b for b in found.blocks if isinstance(b, Table) and b.key == key)


def _shown(model: QAbstractItemModel) -> list[list[str]]:
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _headers(model: QAbstractItemModel) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    return [str(model.headerData(c, horizontal)) for c in range(model.columnCount())]


def test_term_counts_agree_in_app_model_and_report(result: ComparisonResult) -> None:
    model = TermTableModel()
    model.set_result(result)
    outlets = model.outlets
    assert outlets == tuple(a.outlet for a in result.articles)  # the report's labels
    app: dict[tuple[str, str, str], tuple[int, int]] = {}
    for r in range(model.rowCount()):
        term, category = model.term_at(r)
        for i, outlet in enumerate(outlets):
            own = model.data(model.index(r, 3 + 2 * i))
            quoted = model.data(model.index(r, 4 + 2 * i))
            if own != "0" or quoted != "0":
                key = (term.lower(), category, outlet)
                before = app.get(key, (0, 0))
                app[key] = (before[0] + int(own), before[1] + int(quoted))
    terms = _report_table(result, "terms", "terms")
    assert terms.rows and not terms.note  # every term is listed: the comparison is whole
    report = {
        (r[0].text, r[1].text, r[2].text): (int(r[3].text), int(r[4].text)) for r in terms.rows
    }
    assert report == {k: v for k, v in app.items() if k in report}
    assert set(report) <= set(app)


def test_term_counts_by_category_and_every_hit_agree_with_the_app(
    result: ComparisonResult,
) -> None:
    model = TermTableModel()
    model.set_result(result)
    app: dict[tuple[str, str], list[int]] = {}
    for r in range(model.rowCount()):
        category = model.data(model.index(r, 1))  # the app's label ("verbs neutral")
        for i, outlet in enumerate(model.outlets):
            counts = app.setdefault((outlet, category), [0, 0])
            counts[0] += int(model.data(model.index(r, 3 + 2 * i)))
            counts[1] += int(model.data(model.index(r, 4 + 2 * i)))
    table = _report_table(result, "terms", "term-counts")
    assert table.columns == terms_hits.category_counts_table(result, ()).headers
    report = {
        (r[0].text, terms_hits.category_label(r[1].text)): [r[3].value, r[4].value]
        for r in table.rows
    }
    assert report == {k: v for k, v in app.items() if any(v)}
    every = _report_table(result, "terms", "term-hits")
    assert len(every.rows) == sum(own + quoted for own, quoted in app.values())
    hits = terms_hits.shown_hits(result)
    for row, hit in zip(every.rows, hits, strict=True):
        assert row[1].text == hit.text and row[0].href == anchor_id(hit.article, hit.start)


def test_loaded_scores_agree_in_app_model_and_report(result: ComparisonResult) -> None:
    model = LoadedScoreModel()
    model.set_result(result)
    table = _report_table(result, "terms", "loaded-scores")
    app = [(row[0], row[1], row[2], row[4]) for row in _shown(model)]
    report = [(r[0].text, r[1].text, r[2].text, r[5].text) for r in table.rows]
    assert app == report and len(app) == len(result.articles)
    assert model.summary and table.note.startswith(model.summary)
    present = loaded_score_table(result)  # the report renders the present table
    assert table.columns == present.headers and table.note == present.note
    _links_are_the_apps_evidence(present, table)
    assert any(r[1].href for r in table.rows)  # a score links to its first flagged word


def test_omission_matrix_agrees_in_app_model_and_report(result: ComparisonResult) -> None:
    from analysis.omission import CellKind
    from desktop.models.matrix import EVIDENCE_ROLE as MATRIX_EVIDENCE
    from desktop.models.matrix import KIND_ROLE

    model = OmissionMatrixModel()
    model.set_result(result)
    table = _report_table(result, "alignment", "omission-matrix")
    assert _headers(model) == list(table.columns)
    # The same rows in the same order, each cell the app's words (less its symbol) ...
    app = [[row[0]] + [cell.split(" ", 1)[1] for cell in row[1:]] for row in _shown(model)]
    assert app == [[c.text for c in row] for row in table.rows] and app
    # ... and each report link the app's evidence; "not found" links nowhere in print.
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            article, start, _ = model.data(model.index(r, c), MATRIX_EVIDENCE)
            missing = model.data(model.index(r, c), KIND_ROLE) is CellKind.MISSING
            assert cell.href == (None if missing else anchor_id(article, start))
    assert any(c.text == "not found" for row in table.rows for c in row)


@pytest.mark.parametrize(
    ("key", "build"),
    [
        ("coverage", lambda r, m: align_tables.coverage_table(r, m.rows)),
        ("omissions", lambda r, m: matrix_tables.pair_table(m)),
        ("alignment-pairs", lambda r, m: align_tables.pairs_table(r)),
        ("links", lambda r, m: align_tables.links_table(r)),
    ],
)
def test_alignment_tables_are_the_present_tables(
    result: ComparisonResult,
    key: str,
    build: Callable[[ComparisonResult, MatrixTable], PresentTable],
) -> None:
    """The report's alignment tables render the present values: texts, figures, links."""
    table = build(result, matrix_table(result))
    report = _report_table(result, "alignment", key)
    assert list(report.columns) == list(table.headers)
    assert [[c.text for c in row] for row in report.rows] == [
        [c.text for c in row] for row in table.rows
    ]
    assert report.note == table.note and report.rows
    _links_are_the_apps_evidence(table, report)
    assert any(c.href for row in report.rows for c in row)


@pytest.mark.parametrize(
    ("build", "section", "key"),
    [
        (framing_tables.hedges_table, "framing", "framing-hedges"),
        (framing_more.readability_table, "readability", "readability"),
        (framing_more.headlines_table, "framing", "framing-headlines"),
        (framing_tables.verb_profile_table, "framing", "framing-verbs"),
        (framing_tables.verb_words_table, "framing", "framing-verb-words"),
        (framing_more.frames_table, "framing", "framing-frames"),
        (framing_tables.source_summary_table, "framing", "framing-sources"),
        (framing_more.sentiment_table, "framing", "framing-sentiment"),
        (framing_tables.verb_changes_table, "framing", "framing-passages"),
        (framing_tables.hedges_per_passage, "framing", "framing-passage-hedges"),
        (framing_tables.sentiment_per_passage, "framing", "framing-passage-sentiment"),
    ],
)
def test_shared_present_tables_agree_in_app_model_and_report(
    result: ComparisonResult,
    build: Callable[[ComparisonResult], PresentTable],
    section: str,
    key: str,
) -> None:
    table = build(result)
    model = FramingTableModel()
    model.set_table(table)
    report = _report_table(result, section, key)
    assert _headers(model) == list(report.columns)
    assert _shown(model) == [[c.text for c in row] for row in report.rows]
    assert report.rows
    for app_row, report_row in zip(table.rows, report.rows, strict=True):
        for app_cell, cell in zip(app_row, report_row, strict=True):
            if cell.value is not None:  # the same figure behind the text
                assert cell.value == pytest.approx(app_cell.sort, abs=1e-6)  # kept to 6 places
            if cell.href is not None:  # a report link is the app's evidence
                assert app_cell.evidence is not None
                assert cell.href == anchor_id(app_cell.evidence[0], app_cell.evidence[1])
    if key != "framing-sentiment":  # sentiment is of the whole text: no one span
        assert any(c.href for row in report.rows for c in row[1:])  # figures link to the text


def _links_are_the_apps_evidence(app: PresentTable, report: Table) -> None:
    """Every report link points at the app cell's evidence; every figure is the app's."""
    for app_row, report_row in zip(app.rows, report.rows, strict=True):
        for app_cell, cell in zip(app_row, report_row, strict=True):
            if cell.value is not None:
                assert cell.value == pytest.approx(app_cell.sort, abs=1e-6)
            if app_cell.evidence is not None and cell.value != 0:
                assert cell.href == anchor_id(app_cell.evidence[0], app_cell.evidence[1])
            else:
                assert cell.href is None


def test_disagreement_tables_agree_in_app_view_and_report(qtbot, result: ComparisonResult) -> None:
    from analysis.present.disagree_tables import fact_groups
    from desktop.views.disagreements import DisagreementsView

    view = DisagreementsView()
    qtbot.addWidget(view)
    view.set_result(result)
    model = view.facts.model
    kind = _headers(model).index("Kind")
    app_rows = [row[:kind] + row[kind + 1 :] for row in _shown(model)]
    report_rows: list[list[str]] = []
    keys = []
    for group in fact_groups(result):
        report = _report_table(result, "disagreements", group.key)
        assert list(report.columns) == _headers(model)[:kind] + _headers(model)[kind + 1 :]
        assert report.title == group.title
        report_rows += [[c.text for c in row] for row in report.rows]
        _links_are_the_apps_evidence(group.table, report)
        keys.append(group.key)
    assert keys[0] == "contradictions"  # the sample's planted one, first in app and report
    assert app_rows == report_rows  # same rows, same words, same order: contradictions first
    assert any("(4 officer)" in text for text in app_rows[0])


def test_disagreement_passages_agree_in_app_and_report(result: ComparisonResult) -> None:
    from analysis.present.disagree_tables import fact_groups, fact_heading, fact_passages
    from analysis.reports.content import SideBySide

    contra = next(g for g in fact_groups(result) if g.key == "contradictions")
    section = next(s for s in build_content(result).sections if s.key == "disagreements")
    side = next(b for b in section.blocks if b.key == "contradictions-side")
    assert isinstance(side, SideBySide)
    assert list(side.row_labels) == [fact_heading(d) for d in contra.items]
    for item, row in zip(contra.items, side.rows, strict=True):
        app = {p.article: p for p in fact_passages(result, item)}
        shown = {c.article_id: c for c in row if c is not None}
        assert set(shown) == set(app)
        for aid, cell in shown.items():
            assert "".join(f.text for f in cell.fragments) == app[aid].text
            assert cell.label == app[aid].label
            assert cell.href == anchor_id(aid, app[aid].start)
            differs = [f.text for f in cell.fragments if "differs" in f.kinds]
            assert differs == [app[aid].text[s:e] for s, e, _ in app[aid].marks]


def test_naming_table_agrees_in_app_view_and_report(qtbot, result: ComparisonResult) -> None:
    from analysis.present.disagree_tables import naming_table
    from desktop.views.disagreements import DisagreementsView

    view = DisagreementsView()
    qtbot.addWidget(view)
    view.set_result(result)
    report = _report_table(result, "naming", "naming")
    assert _headers(view.names.model) == list(report.columns)
    assert _shown(view.names.model) == [[c.text for c in row] for row in report.rows]
    assert report.rows and "×" in report.rows[0][1].text
    _links_are_the_apps_evidence(naming_table(result), report)


_RATINGS = parse_ratings("domain,outlet,lean\n,The Daily Blaze,lean right\n", name="mine.csv")


def _with_lead_only(result: ComparisonResult) -> ComparisonResult:
    """The sample plus a text that opens with its dateline-led lead (no headline)."""
    last = result.articles[-1]
    body = [last.span_text(p) for p in last.paragraphs[1:]]
    lead = Article.from_parts(
        title="",
        paragraphs=["NORTHPORT — " + body[0], *body[1:]],
        outlet="Dateline Daily",
        source="dateline.txt",
    )
    return with_leans(compare((*result.articles, lead)), _RATINGS)


def test_articles_overview_agrees_in_app_sources_and_report(result: ComparisonResult) -> None:
    compared = _with_lead_only(result)
    model = SourcesModel()
    for article in compared.articles:
        model.add_article(article)
    assert compared.leans is not None
    model.set_ratings(_RATINGS)
    report = _report_table(compared, "overview", "articles")
    assert report.columns == articles_table(compared.articles, compared.leans).headers
    shared = [c for c in Column if c.name.title() in report.columns]
    assert {c.name for c in shared} == {"OUTLET", "LEAN", "HEADLINE", "DATE", "WORDS", "SOURCE"}
    for column in shared:  # the app's Lean header also names the ratings file
        assert _headers(model)[column].startswith(column.name.title())
    for row, line in enumerate(report.rows):
        cells = dict(zip(report.columns, line, strict=True))
        for column in shared:
            assert model.index(row, column).data() == cells[column.name.title()].text
        assert cells["Words"].value == compared.articles[row].word_count
        for column in (Column.OUTLET, Column.WORDS):
            article, start, _ = model.index(row, column).data(SOURCES_EVIDENCE)
            assert cells[column.name.title()].href == anchor_id(article, start)
    # Every outlet links to its text, the one without a headline to its lead paragraph.
    lead = compared.articles[-1]
    assert not lead.title
    assert report.rows[-1][0].href == anchor_id(lead.id, lead.paragraphs[0].start)
    html = render_report(compared, "html").decode()
    for line in report.rows:
        assert f'<td><a href="#{line[0].href}">{html_text(line[0].text)}</a></td>' in html
        assert f'id="{line[0].href}"' in html


def test_distinctive_words_read_the_same_in_the_app_and_the_report(
    result: ComparisonResult,
) -> None:
    table = vocab_tables.vocabulary_table(result)  # the app's "Distinctive words" tab
    model = FramingTableModel()
    model.set_table(table)
    report = _report_table(result, "distinctive_terms", "distinctive")
    assert _headers(model) == list(report.columns)
    assert 0 < len(report.rows) <= vocab_tables.TOP
    assert _shown(model)[: len(report.rows)] == [[c.text for c in row] for row in report.rows]
    _links_are_the_apps_evidence(
        PresentTable(table.headers, table.rows[: len(report.rows)]), report
    )
    every = _report_table(result, "distinctive_terms", "distinctive-terms")
    shown = {(r[0].text, r[1].text): r[1].href for r in every.rows}
    for row in table.rows:
        for outlet, cell in zip(table.headers[1:], row[1:], strict=True):
            if cell.text:  # the same word, linked to the same first use
                assert cell.evidence is not None
                assert shown[(outlet, str(cell.sort))] == anchor_id(*cell.evidence[:2])


def test_who_is_quoted_and_every_quote_are_the_present_tables(result: ComparisonResult) -> None:
    for build, key in (
        (quote_tables.who_is_quoted_table, "framing-speakers"),
        (quote_tables.quotes_table, "framing-quotes"),
    ):
        table = build(result)
        report = _report_table(result, "framing", key)
        assert report.columns == table.headers and report.note == table.note
        assert [[c.text for c in r] for r in report.rows] == [
            [c.text for c in r] for r in table.rows
        ]
        _links_are_the_apps_evidence(table, report)
    # The app's per-outlet columns hold the same sources as the report's rows.
    app = framing_tables.sources_table(result)
    assert {r[0].text for r in app.rows} == {
        r[0].text for r in quote_tables.who_is_quoted_table(result).rows
    }


def test_loaded_sentences_agree_in_app_panel_and_present_groups(
    qtbot, result: ComparisonResult
) -> None:
    from analysis.present.loaded_sentences import loaded_sentence_groups
    from desktop.views.terms_loaded import LoadedPanel

    assert result.terms is not None
    quoted = frozenset((h.article, h.start, h.end) for h in result.terms.hits if h.in_quote)
    groups = loaded_sentence_groups(result.terms, result, quoted)
    assert groups  # the sample has scored sentences
    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(result)
    shown = panel.sentences.toPlainText()
    texts = {a.id: a.text for a in result.articles}
    for group in groups:
        for row in group.rows:
            for cell in row:
                if cell is None or cell.start == cell.end:
                    continue
                line = f"{cell.label}  {texts[cell.article_id][cell.start : cell.end]}"
                assert line in shown, line
