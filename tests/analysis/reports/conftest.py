"""Report fixtures: three small articles (one Cyrillic, one with CJK) and section JSON
built from real offsets in their texts, in the documented shapes of docs/report-schema.md.

Reports read the typed result: :func:`typed` opens the JSON as a saved result is opened."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.jsonio import result_from_json, result_to_json
from analysis.model import Article
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


def make_articles() -> tuple[Article, ...]:
    a = Article.from_parts(
        title="Council approves harbour plan after stormy debate",
        paragraphs=[
            "The city council approved the harbour plan on Monday by seven votes to four.",
            'Opponents called it "a reckless giveaway" and promised to keep fighting.',
            "The plan adds two piers and a ferry terminal.",
        ],
        outlet="Harbour Times",
        source="harbour.txt",
        date="2024-05-06",
        url="https://example.org/harbour",
    )
    b = Article.from_parts(
        title="Regime rams through harbour giveaway",
        paragraphs=[
            "The city council rammed through the harbour plan on Monday by seven votes to four.",
            "Critics say the scheme is a reckless giveaway to developers.",
            "Жители протестовали у мэрии.",
        ],
        outlet="Голос Гавани",
        source="golos.html",
        date="2024-05-06",
        url="javascript:alert(1)",
    )
    c = Article.from_parts(
        title="港口计划获批 Harbour plan approved",
        paragraphs=[
            "The city council approved the harbour plan on Monday.",
            "市议会周一批准了港口计划。",
        ],
        outlet="港口新闻 Port News",
        source="port.txt",
    )
    return (a, b, c)


def span(article: Article, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return {"article": article.id, "start": start, "end": start + len(needle)}


def _hit(art: Article, needle: str, term: str, category: str, quoted: bool) -> dict[str, Any]:
    return {**span(art, needle), "term": term, "category": category, "in_quote": quoted}


def sections(arts: tuple[Article, ...]) -> dict[str, Any]:
    a, b, c = arts
    pa = span(a, "The city council approved the harbour plan on Monday by seven votes to four.")
    pb = span(
        b, "The city council rammed through the harbour plan on Monday by seven votes to four."
    )
    pc = span(c, "The city council approved the harbour plan on Monday.")
    qa = span(a, 'Opponents called it "a reckless giveaway" and promised to keep fighting.')
    qb = span(b, "Critics say the scheme is a reckless giveaway to developers.")
    alignment = {
        "links": [
            {"a": pa, "b": pb, "kind": "edited", "score": 91.5},
            {"a": pa, "b": pc, "kind": "edited", "score": 84.0},
            {"a": qa, "b": qb, "kind": "paraphrase", "score": 66.0},
        ],
        "clusters": [
            {"id": 0, "members": [pa, pb, pc], "omitted": []},
            {"id": 1, "members": [qa, qb], "omitted": [c.id]},
        ],
        "coverage": {
            a.id: {"shared_fraction": 0.55, "unique": [span(a, "The plan adds two piers")]},
            b.id: {"shared_fraction": 0.6, "unique": []},
            c.id: {"shared_fraction": 0.4, "unique": []},
        },
        "pairs": [
            {"a": a.id, "b": b.id, "a_verbatim": 0.1, "a_edited": 0.4, "b_verbatim": 0.1,
             "b_edited": 0.5, "likely_common_source": False},
        ],
    }  # fmt: skip
    terms = {
        "categories": {"labels": {"loaded": True}, "hedges": {"loaded": False}},
        "hits": [
            _hit(a, "reckless giveaway", "reckless", "labels", True),
            _hit(b, "Regime", "regime", "labels", False),
            _hit(b, "rammed", "ram", "labels", False),
            _hit(b, "reckless giveaway", "reckless", "labels", False),
            _hit(b, "say", "say", "hedges", False),
        ],
        "lexicon_files": [{"source": "labels.toml", "sha256": "ab" * 32, "builtin": False}],
    }  # fmt: skip
    return {"alignment": alignment, "terms": terms}


def make_result(created: str = "2024-05-07T10:00:00+00:00") -> ComparisonResult:
    return ComparisonResult(articles=make_articles(), settings=CompareSettings(), created=created)


def full_data(result: ComparisonResult) -> dict[str, Any]:
    from tests.analysis.reports.section_data import real_shapes

    data = result_to_json(result)
    data.update(sections(result.articles))
    return real_shapes(result, data)


def typed(data: dict[str, Any]) -> ComparisonResult:
    """The typed result of a JSON form, as a saved result is opened (what reports read)."""
    return result_from_json(data)


@pytest.fixture
def result() -> ComparisonResult:
    return make_result()


@pytest.fixture
def data(result: ComparisonResult) -> dict[str, Any]:
    return full_data(result)
