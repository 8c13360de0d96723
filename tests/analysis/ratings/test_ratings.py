"""Loading a user's outlet ratings and matching articles to them (fictional outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import Article
from analysis.ratings import RatingsError, load_ratings, parse_ratings, side_of

GOOD = """domain,outlet,lean
www.leftpaper.example,Left Paper,left
middle.example,,centre
,Right Courier,lean right
righttimes.example,Right Times,+2
"""


def art(outlet: str, url: str | None = None) -> Article:
    return Article.from_parts(
        title="A headline", paragraphs=["A body."], outlet=outlet, source="a.txt", url=url
    )


def test_rows_parse_with_spellings_and_header() -> None:
    ratings = parse_ratings(GOOD)
    assert [(r.domain, r.outlet, r.lean) for r in ratings.entries] == [
        ("leftpaper.example", "Left Paper", "left"),
        ("middle.example", None, "center"),
        (None, "Right Courier", "lean right"),
        ("righttimes.example", "Right Times", "right"),
    ]
    assert ratings.problems == ()
    assert [r.side for r in ratings.entries] == ["left", "center", "right", "right"]
    assert side_of("lean left") == "left"


def test_match_by_domain_subdomain_and_name() -> None:
    ratings = parse_ratings(GOOD)
    assert ratings.lean_of(art("Whoever", "https://news.leftpaper.example/a/1")) == "left"
    assert ratings.lean_of(art("Whoever", "http://WWW.middle.example/x")) == "center"
    assert ratings.lean_of(art("right  courier")) == "lean right"
    assert ratings.lean_of(art("Unknown Daily", "https://unknown.example/")) is None
    # A domain that merely ends with a rated one's letters is not a sub-domain.
    assert ratings.lean_of(art("X", "https://notleftpaper.example/")) is None


def test_bad_rows_are_skipped_with_one_sentence_each() -> None:
    text = GOOD + "bad domain!,Odd,left\nx.example,X,sideways\n,,left\nonly,two\n"
    text += "middle.example,Again,right\n"
    ratings = parse_ratings(text, name="mine.csv")
    assert len(ratings.entries) == 4
    assert len(ratings.problems) == 5
    for problem in ratings.problems:
        assert problem.startswith("mine.csv line ")
        assert problem.endswith("; row skipped.")
        assert "\n" not in problem
    assert "'sideways' is not a lean" in ratings.problems[1]
    assert "already rated on line 3" in ratings.problems[4]


def test_unusable_files_raise_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RatingsError, match="no usable row") as info:
        parse_ratings("domain,outlet,lean\nx.example,X,upward\n", name="r.csv")
    assert info.value.code == "ratings.empty"
    with pytest.raises(RatingsError, match="cannot read the ratings file"):
        load_ratings(tmp_path / "missing.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(RatingsError, match="not UTF-8"):
        load_ratings(binary)
    good = tmp_path / "good.csv"
    good.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert len(load_ratings(good).entries) == 4
