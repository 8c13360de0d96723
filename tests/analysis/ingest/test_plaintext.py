"""Plain-text articles: header line, title line, paragraphs, teaser blurbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_pasted, load_source
from analysis.ingest.plaintext import parse_plaintext

BODY = "The council voted on Monday. Residents cheered.\n\nA second vote is due in May."


def test_header_line_gives_date_url_and_outlet() -> None:
    text = f"  date 2024-02-29 https://www.reuters.com/world/x\n\nCouncil backs plan\n\n{BODY}\n"
    article = parse_plaintext(text, source="a.txt")
    assert (article.date, article.url) == ("2024-02-29", "https://www.reuters.com/world/x")
    assert article.outlet == "Reuters"
    assert article.title == "Council backs plan"
    assert len(article.paragraphs) == 3
    assert article.span_text(article.paragraphs[0]) == "Council backs plan"


def test_without_header_the_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "harbour-gazette.txt"
    path.write_text(f"\n\nCouncil backs plan\n{BODY}\n", encoding="utf-8")
    article = load_source(str(path))
    assert article.title == "Council backs plan"
    assert article.date is None and article.url is None
    assert article.outlet == "harbour-gazette"
    assert article.source == str(path)
    assert article.text.startswith("Council backs plan\n\nThe council voted on Monday.")


def test_invalid_header_date_is_dropped() -> None:
    article = parse_plaintext(f"date 2024-02-30 https://x.example/a\nTitle\n\n{BODY}", source="s")
    assert article.date is None
    assert article.url == "https://x.example/a"


def test_hard_wrapped_lines_join_but_long_lines_are_paragraphs() -> None:
    wrapped = "Title\n\nThe council voted\non Monday to back\nthe plan."
    assert (
        parse_plaintext(wrapped, source="s").text
        == "Title\n\nThe council voted on Monday to back the plan."
    )
    long = "x " * 60
    article = parse_plaintext(f"Title\n\n{long}\n{long}\n{long}", source="s")
    assert len(article.paragraphs) == 4


def test_windows_line_endings() -> None:
    article = parse_plaintext("Title\r\n\r\nOne.\r\n\r\nTwo.\r\n", source="s")
    assert article.text == "Title\n\nOne.\n\nTwo."


def test_outlet_teaser_blurb_is_dropped() -> None:
    text = (
        "Title\n\nLast month, the three capitals announced a pact, with the US promising... "
        "05.10.2021, Sputnik International\n\nThe real first paragraph."
    )
    article = parse_plaintext(text, source="s")
    assert article.text == "Title\n\nThe real first paragraph."


def test_pasted_text_with_outlet_and_title() -> None:
    article = load_pasted(BODY, outlet="Harbour Gazette", title="Council backs plan")
    assert article.source == "pasted"
    assert article.outlet == "Harbour Gazette"
    assert article.title == "Council backs plan"
    assert len(article.paragraphs) == 3


def test_single_pasted_line_is_body_not_headline() -> None:
    article = load_pasted("The council voted on Monday.")
    assert article.title == ""
    assert article.text == "The council voted on Monday."
    assert len(article.sentences) == 1


@pytest.mark.parametrize("text", ["", "  \n\n\t ", "date 2024-01-01 https://x.example/\n\n"])
def test_nothing_to_load(text: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_pasted(text)
    assert exc.value.code in ("load.empty", "load.no_text")


def test_user_outlet_overrides_the_url_table() -> None:
    text = f"date 2024-02-01 https://apnews.com/x\nTitle\n\n{BODY}"
    assert parse_plaintext(text, source="s", outlet="Mine").outlet == "Mine"
