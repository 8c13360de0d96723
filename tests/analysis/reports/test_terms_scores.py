"""The terms section's learned-model part: scores with intervals, never a false ranking,
and each outlet's most loaded sentences with the driving words marked, voices apart."""

from __future__ import annotations

from typing import Any

from analysis.reports.build import build_content
from analysis.reports.content import ReportContent, Section, SideBySide, Table
from analysis.reports.html import render_html
from analysis.reports.markdown import render_markdown
from analysis.result import ComparisonResult
from analysis.terms.scores import standings, summary
from tests.analysis.reports.conftest import span, typed


def _top(art: Any, sentence: str, words: list[str], quoted: bool, p: float) -> dict[str, Any]:
    s = span(art, sentence)
    marks = [span(art, w) for w in words]
    return {
        **s,
        "probability": p,
        "in_quote": quoted,
        "words": [[m["start"], m["end"]] for m in marks],
    }


def _with_scores(result: ComparisonResult, data: dict[str, Any]) -> dict[str, Any]:
    a, b, c = result.articles
    data["terms"]["loaded"] = {
        a.id: {"score": 0, "interval": [0, 1], "rate": 0.0, "sentences": 4, "top": [
            _top(a, 'Opponents called it "a reckless giveaway" and promised to keep fighting.',
                 ["reckless giveaway"], True, 0.61)]},
        b.id: {"score": 3, "interval": [2, 5], "rate": 60.0, "sentences": 4, "top": [
            _top(b, "Critics say the scheme is a reckless giveaway to developers.",
                 ["reckless giveaway"], False, 0.83)]},
        c.id: {"score": 1, "interval": [0, 3], "rate": 20.0, "sentences": 3, "top": []},
    }  # fmt: skip
    return data


def _section(content: ReportContent) -> Section:
    return next(s for s in content.sections if s.key == "terms")


def test_scores_table_says_which_outlets_are_not_distinguishable(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    terms = _section(build_content(typed(_with_scores(result, data))))
    table = next(b for b in terms.blocks if isinstance(b, Table) and b.key == "loaded-scores")
    rows = {r[0].text: r for r in table.rows}
    assert [r[0].text for r in table.rows] == [a.outlet for a in result.articles]  # not ranked
    a, b, c = (a.outlet for a in result.articles)
    assert rows[b][1].value == 3 and rows[b][2].text == "2–5"
    assert rows[a][5].text == f"below {b}; not distinguishable from {c}"
    assert rows[c][5].text == f"not distinguishable from {a}, {b}"
    assert "1 of 3 pairs" in table.note


def test_most_loaded_sentences_mark_the_words_and_keep_voices_apart(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    terms = _section(build_content(typed(_with_scores(result, data))))
    views = {b.key: b for b in terms.blocks if isinstance(b, SideBySide)}
    own, quoted = views["loaded-sentences"], views["loaded-sentences-quoted"]
    b_cell = own.rows[0][1]
    assert b_cell is not None and b_cell.label == "p = 0.83"
    marked = [f.text for f in b_cell.fragments if "loaded" in f.kinds]
    assert marked == ["reckless giveaway"]
    a_cell = quoted.rows[0][0]
    assert a_cell is not None
    assert [f.text for f in a_cell.fragments if f.kinds] == ["reckless giveaway"]
    assert own.rows[0][0] is not None and own.rows[0][0].fragments == ()  # none of its own
    html = render_html(build_content(typed(_with_scores(result, data))))
    assert "Most loaded sentences: quoted speech" in html
    md = render_markdown(build_content(typed(_with_scores(result, data))))
    assert "**reckless giveaway**" in md and "Loaded-language score by outlet" in md


def test_standings_and_summary() -> None:
    names = {"x": "X", "y": "Y", "z": "Z"}
    same = {"x": (1.0, 4.0), "y": (3.0, 6.0), "z": (0.0, 9.0)}
    assert set(standings(same, names).values()) == {
        "not distinguishable from Y, Z",
        "not distinguishable from X, Z",
        "not distinguishable from X, Y",
    }
    assert "not distinguishable" in summary(same, names)
    apart = {"x": (0.0, 1.0), "y": (2.0, 3.0)}
    assert standings(apart, names) == {"x": "below Y", "y": "above X"}
    assert summary(apart, names).startswith("Every pair")
    assert summary({"x": (0.0, 1.0)}, names) == ""
