"""One result, rendered in the app's models and in the reports: labels and numbers agree."""

from __future__ import annotations

import re

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.reports import render_report
from analysis.reports.build import build_content
from analysis.reports.content import FindingList, Table
from analysis.reports.escape import html_text, md_text
from desktop.models.findings import EVIDENCE_ROLE, FindingsModel
from desktop.views import framing_tables


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

    framing = next(s for s in build_content(result).sections if s.key == "framing")
    verbs = next(b for b in framing.blocks if isinstance(b, Table) and b.key == "framing-verbs")
    report = {(r[0].text, r[1].text): r[2].text for r in verbs.rows}
    app: dict[tuple[str, str], str] = {}
    assert result.framing is not None
    for profile in result.framing.verbs:
        for use in profile.uses:
            app[(profile.outlet, use.verb.lower())] = framing_tables._STANCES[use.stance]
    assert report == app
    assert set(framing_tables._STANCES.values()) == {stance_label(s) for s in STANCES}
    assert "other" not in framing_tables._STANCES.values()
