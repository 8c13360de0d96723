"""Reports treat "shares a fact" links like the others: carried, labelled, located."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from analysis.jsonio import result_to_json
from analysis.reports.build import build_content
from analysis.reports.content import ReportContent, Section, SideBySide, Table
from analysis.reports.csvzip import render_csv_zip
from analysis.reports.html import render_html
from analysis.reports.markdown import render_markdown
from analysis.reports.printable import render_print_html
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import typed
from tests.partial_fixture import LEDGER_FUEL, VOICE_FUEL, make_partial_result


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return make_partial_result()


@pytest.fixture(scope="module")
def content(result: ComparisonResult) -> ReportContent:
    return build_content(result)


def _section(content: ReportContent) -> Section:
    return next(s for s in content.sections if s.key == "alignment")


def _table(content: ReportContent, key: str) -> Table:
    return next(b for b in _section(content).blocks if isinstance(b, Table) and b.key == key)


def test_omission_matrix_cell_shares_a_fact_not_not_found(content: ReportContent) -> None:
    table = _table(content, "omission-matrix")
    assert table.title == "Omission matrix"
    assert table.columns == (
        "Passage",
        "Northgate <b>Ledger</b>",
        "Harbour Voice",
        "Coastline Daily",
    )
    lead = next(
        r
        for r in table.rows
        if r[0].text.startswith("Tarn Ferries said on Tuesday that it will stop")
    )
    assert [c.text for c in lead[1:]] == ["edited · lead", "shares a fact · lead", "edited · lead"]
    assert lead[2].href is not None and lead[2].href.startswith("a-")
    # a row of a shared fact is named by the fact's words (one sentence may share several)
    fuel = next(r for r in table.rows if r[0].text == LEDGER_FUEL)
    assert [c.text for c in fuel[1:]] == [
        "shares a fact · lead",
        "shares a fact · lead",
        "not found",
    ]


def test_pair_counts_never_count_a_shared_fact_as_missing(
    content: ReportContent, result: ComparisonResult
) -> None:
    table = _table(content, "omissions")
    ledger = next(r for r in table.rows if r[0].text == "Northgate <b>Ledger</b>")
    # the Ledger's headline and its petition sentence; not its two facts the Voice shares
    assert ledger[2].value == 2
    assert ledger[3].value == 3  # the Coastline has neither fact of the fuel sentence either


def test_side_by_side_labels_the_kind_and_marks_the_fact(content: ReportContent) -> None:
    view = next(b for b in _section(content).blocks if isinstance(b, SideBySide))
    fuel = next(
        r for r in view.rows if r[0] and LEDGER_FUEL in "".join(f.text for f in r[0].fragments)
    )
    assert fuel[0] is not None and fuel[1] is not None and fuel[2] is None
    assert fuel[1].label == "shares a fact"
    facts = ["".join(f.text for f in c.fragments if "fact" in f.kinds) for c in fuel[:2] if c]
    assert facts == [LEDGER_FUEL, VOICE_FUEL]
    # the shared fact's words are marked in the article texts too
    voice_text = content.texts[1]
    marked = {f.text for p in voice_text.paragraphs for f in p if "fact" in f.kinds}
    assert VOICE_FUEL in marked


def test_links_and_coverage_name_the_kind(content: ReportContent) -> None:
    links = _table(content, "links")
    partial = [r for r in links.rows if r[4].text == "shares a fact"]
    assert len(partial) == 2
    assert {(r[6].text, r[7].text) for r in partial} >= {(LEDGER_FUEL, VOICE_FUEL)}
    coverage = _table(content, "coverage")
    assert coverage.columns[-1] == "shares a fact %"
    voice = next(r for r in coverage.rows if r[0].text == "Harbour Voice")
    assert voice[-1].value is not None and voice[-1].value > 0
    assert voice[2].value == voice[3].value == 0  # none of the Voice is copy


def test_every_format_carries_the_label_and_keeps_names_as_text(
    content: ReportContent, result: ComparisonResult
) -> None:
    html = render_html(content)
    assert "shares a fact · lead" in html and 'class="kind">shares a fact<' in html
    assert "Northgate &lt;b&gt;Ledger&lt;/b&gt;" in html and "<b>Ledger</b>" not in html
    assert "[shares a fact]" in render_markdown(content)
    assert "[shares a fact]" in render_print_html(content)
    with zipfile.ZipFile(io.BytesIO(render_csv_zip(content))) as archive:
        raw = archive.read("omission-matrix.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert any("shares a fact · lead" in row for row in rows)
    data = json.loads(json.dumps(result_to_json(result)))
    # Shared-fact links travel in "shared_facts", so that "links" keeps the three kinds
    # ../shared/tools/check-result.py knows.
    assert [k["kind"] for k in data["alignment"]["shared_facts"]] == ["partial", "partial"]
    assert "partial" not in [k["kind"] for k in data["alignment"]["links"]]


def test_a_copied_sentence_marks_the_fact_it_shares_with_a_third_outlet(
    content: ReportContent,
) -> None:
    """The Ledger's lead is edited copy for the Coastline and shares a fact with the Voice."""
    view = next(b for b in _section(content).blocks if isinstance(b, SideBySide))
    lead = next(r for r in view.rows if r[0] and r[0].label == "edited")
    assert lead[0] is not None
    facts = [f.text for f in lead[0].fragments if "fact" in f.kinds]
    assert facts == ["stop its winter crossings", "1 December"]


def test_a_shared_fact_marks_its_words_not_the_rest_as_edited(result: ComparisonResult) -> None:
    """A partial link's word changes (everything but the fact) are not "edited" wording."""
    data = result_to_json(result)
    voice = result.articles[1]
    fuel = dict(data["alignment"]["shared_facts"][1])
    at = voice.text.index("The company pointed")
    fuel["changes"] = [
        {"kind": "replace", "a": {"start": 0, "end": 3}, "b": {"start": at, "end": at + 11}}
    ]
    data["alignment"] = {
        **data["alignment"],
        "shared_facts": [data["alignment"]["shared_facts"][0], fuel],
    }
    content = build_content(typed(data))
    view = next(b for b in _section(content).blocks if isinstance(b, SideBySide))
    row = next(
        r for r in view.rows if r[1] and VOICE_FUEL in "".join(f.text for f in r[1].fragments)
    )
    assert row[1] is not None
    assert not [f.text for f in row[1].fragments if "edited" in f.kinds]
    assert [f.text for f in row[1].fragments if "fact" in f.kinds] == [VOICE_FUEL]
