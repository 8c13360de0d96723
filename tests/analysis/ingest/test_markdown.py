"""Markdown articles with front matter, comments and markup."""

from __future__ import annotations

from pathlib import Path

from analysis.ingest import load_source
from analysis.ingest.markdown import parse_markdown, split_front_matter

DOC = """---
outlet: Harbour Gazette
date: 2025-06-01
url: "https://harbourgazette.example/news/ferry"
author: Jane Example
notice: FICTIONAL test article
---
<!-- a note for editors
that spans lines -->

# Night ferries *finally* approved

The **harbour authority** approved [night ferries](https://x.example) on Friday.
It took `three` years.

## Islanders react

- "About time," said one nurse.
- Others were unsure.

> A quote block stays text.

![a photo](pic.jpg)
"""


def test_front_matter_comments_and_markup() -> None:
    article = parse_markdown(DOC, source="a.md")
    assert article.outlet == "Harbour Gazette"
    assert (article.date, article.author) == ("2025-06-01", "Jane Example")
    assert article.url == "https://harbourgazette.example/news/ferry"
    assert article.title == "Night ferries finally approved"
    paragraphs = [article.span_text(p) for p in article.paragraphs]
    assert paragraphs == [
        "Night ferries finally approved",
        "The harbour authority approved night ferries on Friday. It took three years.",
        "Islanders react",
        '"About time," said one nurse.',
        "Others were unsure.",
        "A quote block stays text.",
    ]
    assert "FICTIONAL" not in article.text and "editors" not in article.text


def test_front_matter_title_wins_and_headings_stay() -> None:
    doc = "---\ntitle: 'Given title'\n---\n# Heading\n\nBody text here."
    article = parse_markdown(doc, source="a.md")
    assert article.title == "Given title"
    assert article.text == "Given title\n\nHeading\n\nBody text here."


def test_no_front_matter_and_user_outlet(tmp_path: Path) -> None:
    path = tmp_path / "gazette.md"
    path.write_text("Intro line without heading.\n\nSecond paragraph.", encoding="utf-8")
    article = load_source(str(path), outlet="Gazette")
    assert article.outlet == "Gazette"
    assert article.title == ""
    assert len(article.paragraphs) == 2


def test_split_front_matter_only_at_the_very_start() -> None:
    meta, rest = split_front_matter("Text\n---\nkey: v\n---\n")
    assert meta == {} and rest.startswith("Text")
    meta, rest = split_front_matter("---\nKey: v\nbroken line\n---\nBody")
    assert meta == {"key": "v"} and rest == "Body"
