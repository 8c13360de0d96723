"""Sources merged across outlets: one row per source, whatever each outlet calls it."""

from __future__ import annotations

import pytest

from analysis.model import Article
from analysis.pipeline import compare
from analysis.present.sources import anonymous_key, source_groups
from analysis.reports.build import build_content
from analysis.reports.content import Table
from analysis.result import ComparisonResult

STATE = "a senior U.S. State Department official"


def _art(outlet: str, title: str, *paragraphs: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="t.txt")


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(
        [
            _art(
                "Alpha",
                "Talks to resume in Geneva",
                f"Talks on the ceasefire will resume in Geneva next week, {STATE} said on Monday.",
                "The official said both sides had agreed to the agenda.",
                "Mira Halden, the foreign minister, said the talks were a good sign.",
            ),
            _art(
                "Beta",
                "Ceasefire talks set for Geneva",
                "A State Department official said the ceasefire talks would restart in Geneva.",
                "Halden told reporters she was hopeful.",
            ),
            _art(
                "Gamma",
                "Geneva talks back on",
                "US officials said on Monday that talks on a ceasefire would take place in Geneva.",
                "According to a US official, the agenda is settled.",
                "Witnesses said the border was quiet.",
            ),
        ]
    )


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("A senior U.S. State Department official", ("official", {"us", "state", "department"})),
        ("senior US State Department officials", ("official", {"us", "state", "department"})),
        ("US officials", ("official", {"us"})),
        ("The official", ("official", set())),
        ("several witnesses", ("witness", set())),
        ("Sources close to the security services", ("source", set())),
        ("people familiar with the matter", ("person", set())),
    ],
)
def test_wordings_normalise_to_head_and_qualifiers(phrase: str, key: tuple[str, set[str]]) -> None:
    assert anonymous_key(phrase) == (key[0], frozenset(key[1]))


def test_six_wordings_of_one_official_are_one_source(result: ComparisonResult) -> None:
    groups = source_groups(result)
    officials = [g for g in groups if g.anonymous and "official" in g.name.lower()]
    assert len(officials) == 1
    group = officials[0]
    assert group.name == STATE  # the fullest wording, shortest of its kind
    assert set(group.variants) == {
        STATE,
        "The official",
        "A State Department official",
        "US officials",
        "a US official",
    }
    assert len(group.by_article) == 3 and group.total == 5
    halden = next(g for g in groups if g.key == "named:halden")
    assert halden.name == "Mira Halden" and len(halden.by_article) == 2


def test_a_wording_two_fuller_ones_could_take_stays_apart() -> None:
    from analysis.present.sources import _merge

    bare = ("official", frozenset())
    a = ("official", frozenset({"state", "department"}))
    b = ("official", frozenset({"karvenian"}))
    merged = _merge({bare, a, b})
    assert merged[bare] == bare and merged[a] == a and merged[b] == b


def test_report_lists_the_merged_source_once_with_its_wordings(result: ComparisonResult) -> None:
    content = build_content(result)
    framing = next(s for s in content.sections if s.key == "framing")
    table = next(b for b in framing.blocks if isinstance(b, Table) and b.key == "framing-speakers")
    rows = [r for r in table.rows if "official" in r[0].text.lower()]
    assert len(rows) == 1
    assert rows[0][2].value == 3 and rows[0][3].value == 5
    assert "US officials" in rows[0][5].text and "The official" in rows[0][5].text
