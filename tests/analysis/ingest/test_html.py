"""Saved web pages: the article alone, with its metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_source
from analysis.ingest.html import looks_like_html, parse_html
from tests.analysis.ingest.server import FIXTURES

PAGE = FIXTURES / "saved_page.html"


def test_saved_page_extracts_only_the_article() -> None:
    article = load_source(str(PAGE))
    assert article.title == "Harbour authority approves night ferries after months of delay"
    assert article.outlet == "The Coastline Courier"
    assert article.date == "2025-05-17"
    assert article.author == "Marta Olsen"
    assert article.url == "https://coastlinecourier.example/news/2025/05/17/night-ferries"
    body = [article.span_text(p) for p in article.paragraphs[1:]]
    assert len(body) == 5
    assert body[0].startswith("The harbour authority on Friday approved a night ferry service")
    assert body[-1].endswith("before the boats enter service.")
    for junk in (
        "cookies", "Subscribe", "Win a cruise", "Advertisement", "Related stories",
        "Ferry fares to rise", "seagull77", "Quieter engines please", "All rights reserved",
        "tracking",
    ):  # fmt: skip
        assert junk not in article.text


def test_site_name_that_is_a_domain_goes_through_the_table() -> None:
    page = PAGE.read_text("utf-8").replace(
        'content="The Coastline Courier"', 'content="www.reuters.com"'
    )
    assert parse_html(page, source="p.html").outlet == "Reuters"


@pytest.mark.parametrize(
    ("site", "outlet"),
    [("www.example-gazette.test", "example-gazette.test"), ("127.0.0.1:8080", "127.0.0.1")],
)
def test_site_name_that_is_an_unknown_domain_is_shown_bare(site: str, outlet: str) -> None:
    page = PAGE.read_text("utf-8").replace('content="The Coastline Courier"', f'content="{site}"')
    assert parse_html(page, source="p.html").outlet == outlet


def test_page_without_site_name_uses_the_canonical_domain() -> None:
    page = PAGE.read_text("utf-8").replace(
        '<meta property="og:site_name" content="The Coastline Courier">', ""
    )
    page = page.replace(" | The Coastline Courier", "").replace("The Coastline Courier", "")
    article = parse_html(page, source="p.html")
    assert article.outlet == "coastlinecourier.example"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_pages_without_article_text(page: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        load_source(str(path))
    assert exc.value.code == "load.no_text"


def test_meta_charset_windows_1252_page(tmp_path: Path) -> None:
    text = "The mayor’s “bold” plan will cost €5m, said José Müller, a café owner. " * 3
    page = (
        '<html><head><meta charset="windows-1252"><title>Plan</title></head>'
        f"<body><article><h1>Plan</h1><p>{text}</p></article></body></html>"
    )
    path = tmp_path / "w.htm"
    path.write_bytes(page.encode("cp1252"))
    assert text.strip() in load_source(str(path)).text


def test_looks_like_html() -> None:
    assert looks_like_html("  <!DOCTYPE html><html>")
    assert looks_like_html("<!-- saved --><html lang='en'>")
    assert not looks_like_html("Title\n\nA <b>bold</b> claim.")
