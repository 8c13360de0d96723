"""The Article model: text layout, spans, ids and hashes."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from analysis.model import Article, Span, count_words


def _article(**kw: object) -> Article:
    parts: dict[str, object] = {
        "title": "  Ferry   vote passes ",
        "paragraphs": [
            "The council voted on Monday.  Residents cheered.",
            "",
            "A second vote\nis due.",
        ],
        "outlet": "Gazette",
        "source": "pasted",
    }
    parts.update(kw)
    return Article.from_parts(**parts)  # type: ignore[arg-type]


def test_text_is_headline_then_paragraphs() -> None:
    article = _article()
    assert article.text == (
        "Ferry vote passes\n\n"
        "The council voted on Monday. Residents cheered.\n\n"
        "A second vote is due."
    )
    assert [article.span_text(p) for p in article.paragraphs] == [
        "Ferry vote passes",
        "The council voted on Monday. Residents cheered.",
        "A second vote is due.",
    ]
    assert article.headline == article.paragraphs[0]


def test_sentences_are_spans_inside_paragraphs() -> None:
    article = _article()
    assert [article.span_text(s) for s in article.sentences] == [
        "Ferry vote passes",
        "The council voted on Monday.",
        "Residents cheered.",
        "A second vote is due.",
    ]
    for sentence in article.sentences:
        assert sum(p.contains(sentence) for p in article.paragraphs) == 1


def test_id_and_hash_derive_from_the_text_only() -> None:
    a, b = _article(), _article(outlet="Other", source="b.txt", date="2024-01-01")
    assert a.sha256 == hashlib.sha256(a.text.encode("utf-8")).hexdigest()
    assert a.id == a.sha256[:12] == b.id
    assert _article(title="Another title").id != a.id


def test_word_count_and_outlet_fallback() -> None:
    assert _article().word_count == count_words(_article().text) == 15
    assert count_words("U.S.-led talks, Macron's ‘re-set’ plan") == 7
    assert _article(outlet="   ").outlet == "Unknown outlet"


def test_immutable_and_renamable() -> None:
    article = _article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.outlet = "x"  # type: ignore[misc]
    renamed = article.with_outlet("  New name ")
    assert renamed.outlet == "New name" and renamed.id == article.id


def test_article_without_headline() -> None:
    article = _article(title="")
    assert article.headline == Span(0, 0)
    assert article.text.startswith("The council voted")


def test_span_helpers() -> None:
    span = Span(2, 5)
    assert len(span) == 3 and span.slice("abcdefg") == "cde"
    assert span.overlaps(Span(4, 9)) and not span.overlaps(Span(5, 9))
    assert Span(0, 9).contains(span) and not span.contains(Span(0, 9))
