"""The seed article from ../shared: header line, glued sentences, outlet blurb, subheading."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest import load_source

pytestmark = pytest.mark.shared

TITLE = (
    "Blinken Tells Macron US Supports European Defence Initiatives in First Talks Since "
    "Submarine Crisis"
)


def test_seed_metadata(seed_path: Path) -> None:
    article = load_source(str(seed_path))
    assert article.outlet == "Sputnik"
    assert article.date == "2021-10-05"
    assert article.title == TITLE
    assert article.url is not None and article.url.startswith("https://sputniknews.com/2021")


def test_seed_sentences(seed_path: Path) -> None:
    article = load_source(str(seed_path))
    sentences = [article.span_text(s) for s in article.sentences]
    assert 19 <= len(sentences) <= 26
    for start in (
        "The 40-minute closed-door meeting",
        "\"Something doesn't add up",
        "Last week, Macron announced",
        "A senior US State Department official",  # glued: "Australia.A senior"
        "Blinken's visit to Paris",  # glued after a closing quote: 'area."Blinken'
        "Despite assurances",  # after the glued subheading
    ):
        assert sum(s.startswith(start) for s in sentences) == 1, start
    assert "Sub Snub Saps Confidence" in sentences
    assert all(s[-1] in '.!?"' for s in sentences[1:] if s != "Sub Snub Saps Confidence")


def test_seed_outlet_blurb_is_not_article_text(seed_path: Path) -> None:
    article = load_source(str(seed_path))
    assert "Sputnik International" not in article.text
    assert article.span_text(article.paragraphs[1]).startswith("US Secretary of State")
