"""Outlet leans from the user's ratings file, carried by the result into every report."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import jsonschema
import pytest

from analysis import Article
from analysis.errors import ProjectError
from analysis.jsonio import result_from_json, result_to_json
from analysis.leans import NOT_RATED, leans_from_json, outlet_leans, with_leans
from analysis.pipeline import compare
from analysis.ratings import parse_ratings
from analysis.reports import render_report
from tests.conftest import REPO

RATINGS = "domain,outlet,lean\nleft.example,,left\n,Middle Post,centre\n"


def art(outlet: str, body: str, url: str | None = None) -> Article:
    return Article.from_parts(
        title=f"{outlet} on the vote",
        paragraphs=[body],
        outlet=outlet,
        source=f"{outlet}.txt",
        url=url,
    )


@pytest.fixture
def articles() -> tuple[Article, ...]:
    return (
        art(
            "Left Daily",
            "The council voted on Monday. Residents cheered.",
            "https://www.left.example/a",
        ),
        art("Middle Post", "Councillors approved the ferry plan on Monday after a debate."),
        art("Unrated Times", "A ferry plan passed; critics called the vote rushed."),
    )


def test_each_outlet_gets_its_lean_by_domain_or_name(articles: tuple[Article, ...]) -> None:
    leans = outlet_leans(articles, parse_ratings(RATINGS, name="mine.csv"))
    assert leans.source == "mine.csv"
    assert [leans.lean_of(a.id) for a in articles] == ["left", "center", None]
    assert leans.label(articles[2].id) == NOT_RATED
    assert leans.rated == 2
    assert "mine.csv" in leans.note() and "2 of 3" in leans.note()


def test_compare_records_leans_and_json_round_trips(articles: tuple[Article, ...]) -> None:
    result = compare(articles, ratings=parse_ratings(RATINGS, name="mine.csv"))
    assert result.leans is not None and result.leans.lean_of(articles[1].id) == "center"
    data = json.loads(json.dumps(result_to_json(result)))
    jsonschema.validate(data, json.loads((REPO / "docs" / "report-schema.json").read_text("utf-8")))
    back = result_from_json(data)
    assert back.leans == result.leans
    assert compare(articles).leans is None
    assert "ratings" not in result_to_json(with_leans(result, None))


def test_damaged_leans_in_a_saved_result_are_refused(articles: tuple[Article, ...]) -> None:
    ids = [a.id for a in articles]
    with pytest.raises(ProjectError, match="not an outlet lean"):
        leans_from_json({"source": "x.csv", "leans": {ids[0]: "sideways"}}, ids)
    with pytest.raises(ProjectError, match="malformed"):
        leans_from_json(["left"], ids)


def test_reports_show_the_lean_beside_each_outlet_and_the_file(
    articles: tuple[Article, ...],
) -> None:
    result = compare(articles, ratings=parse_ratings(RATINGS, name="mine.csv"))
    md = render_report(result, "md").decode()
    assert "| Outlet | Lean | Headline |" in md
    assert "| Left Daily | left |" in md and "| Unrated Times | not rated |" in md
    assert "Left Daily (left)" in md  # headlines side by side: the column heading
    assert "Leans from your ratings file mine.csv" in md
    assert "| outlet ratings file | mine.csv |" in md  # provenance
    html = render_report(result, "html").decode()
    assert '<th scope="col">Lean</th>' in html and "mine.csv" in html
    with zipfile.ZipFile(BytesIO(render_report(result, "csv"))) as zipped:
        table = zipped.read("articles.csv").decode("utf-8-sig")
    assert table.splitlines()[0].startswith("Outlet,Lean,Headline")


def test_without_ratings_the_reports_have_no_lean_column(articles: tuple[Article, ...]) -> None:
    md = render_report(compare(articles), "md").decode()
    assert "| Outlet | Headline |" in md and "Lean" not in md
