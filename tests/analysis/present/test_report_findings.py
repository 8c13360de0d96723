"""Key findings open every report format, with evidence links that resolve."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from analysis.ingest import load_sample
from analysis.pipeline import compare
from analysis.present import key_findings
from analysis.reports import render_report
from analysis.reports.build import build_content
from analysis.reports.content import FindingList
from analysis.reports.printable import render_print_html
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def sample() -> ComparisonResult:
    return compare(load_sample())


def test_findings_are_the_first_section_with_every_sentence(sample: ComparisonResult) -> None:
    content = build_content(sample)
    first = content.sections[0]
    assert first.key == "findings"
    block = first.blocks[0]
    assert isinstance(block, FindingList)
    assert [i.text for i in block.items] == [f.text for f in key_findings(sample)]


def test_html_opens_with_findings_and_their_links_land_in_the_texts(
    sample: ComparisonResult,
) -> None:
    html = render_report(sample, "html").decode()
    sections = re.findall(r'<section id="s-([\w-]+)"', html)
    assert sections[0] == "findings"
    findings = html[html.index('<ol class="findings">') : html.index("</ol>")]
    hrefs = re.findall(r'href="#([^"]+)"', findings)
    assert len(hrefs) >= 10
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert set(hrefs) <= ids
    assert html.index("Key findings") < html.index("Articles and headlines")


def test_markdown_opens_with_a_numbered_findings_list(sample: ComparisonResult) -> None:
    md = render_report(sample, "md").decode()
    heads = re.findall(r"^## (.+)$", md, re.MULTILINE)
    assert heads[0] == "Key findings"
    first = key_findings(sample)[0]
    assert "1. The 4 articles have" in md and "(evidence:" in md
    assert first.text.split(";")[0] in md


def test_csv_has_a_findings_table_first(sample: ComparisonResult) -> None:
    data = render_report(sample, "csv")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[0] == "findings.csv"
        rows = list(csv.reader(io.StringIO(archive.read(names[0]).decode("utf-8-sig"))))
    assert rows[0] == ["#", "Kind", "Finding", "Evidence"]
    assert len(rows) - 1 == len(key_findings(sample))
    assert all(re.search(r"\[\d+, \d+\)", r[3]) for r in rows[1:])


def test_print_html_puts_findings_before_the_article_table(sample: ComparisonResult) -> None:
    html = render_print_html(build_content(sample))
    assert html.index("<h2>Key findings</h2>") < html.index("<h2>Articles and headlines</h2>")
    assert html.count("<li") >= 5
