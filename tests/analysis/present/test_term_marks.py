"""Loaded-term marks: the words the side-by-side view underlines, decided without Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analysis.model import Article
from analysis.pipeline import compare
from analysis.present.term_marks import TermMark, term_marks
from analysis.result import ComparisonResult


def _art(outlet: str, title: str, *paragraphs: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="t.txt")


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(
        [
            _art(
                "Alpha",
                "Mob storms the council",
                "The mob stormed the council hall, police said on Monday.",
                '"These thugs are criminals," the mayor said.',
            ),
            _art(
                "Beta",
                "Protesters enter the council",
                "Protesters entered the council hall on Monday, police said.",
            ),
        ]
    )


def _words(result: ComparisonResult, aid: str, marks: tuple[TermMark, ...]) -> list[str]:
    return [result.article(aid).text[m.start : m.end].lower() for m in marks]


def test_only_loaded_categories_are_marked_with_their_voice(result: ComparisonResult) -> None:
    a, b = result.articles
    marks = term_marks(result)
    shown = _words(result, a.id, marks[a.id])
    assert "mob" in shown and "thugs" in shown
    assert "said" not in shown  # a neutral attribution verb is no loaded term
    assert b.id not in marks  # "protesters", "entered", "said": nothing loaded
    assert {m.in_quote for m in marks[a.id] if "thug" in m.term} == {True}
    assert {m.in_quote for m in marks[a.id] if m.term == "mob"} == {False}
    assert result.terms is not None
    loaded = {c.name for c in result.terms.categories if c.loaded}
    assert {m.category for m in marks[a.id]} <= loaded
    assert [m.start for m in marks[a.id]] == sorted(m.start for m in marks[a.id])


def test_without_categories_every_hit_is_kept(result: ComparisonResult) -> None:
    assert result.terms is not None
    bare = replace(result, terms=replace(result.terms, categories=()))
    a = result.articles[0]
    assert "said" in _words(result, a.id, term_marks(bare)[a.id])
    assert sum(len(m) for m in term_marks(bare).values()) == len(result.terms.hits)


def test_no_terms_no_marks(result: ComparisonResult) -> None:
    assert dict(term_marks(replace(result, terms=None))) == {}
