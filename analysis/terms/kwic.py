"""Keyword in context: every occurrence of a term or phrase across articles, with offsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Article
from analysis.terms.lexicon import Category, LexiconSet, Term
from analysis.terms.matcher import TermMatcher
from analysis.terms.settings import DEFAULT_KWIC_WIDTH

__all__ = ["KwicLine", "kwic"]


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One occurrence with its context (context strings are for display only).

    Attributes:
        article: Article id.
        start: Offset of the match in the article's ``text``.
        end: Offset after the match.
        left: Up to ``width`` characters before the match, whitespace collapsed.
        match: The matched text as written.
        right: Up to ``width`` characters after the match, whitespace collapsed.
    """

    article: str
    start: int
    end: int
    left: str
    match: str
    right: str


def kwic(
    articles: Sequence[Article],
    term_or_phrase: str,
    width: int = DEFAULT_KWIC_WIDTH,
    *,
    inflect: bool = True,
) -> tuple[KwicLine, ...]:
    """Find a term or phrase in every article and return it in context.

    Matching follows the lexicon rules (case-insensitive, inflections, phrases with
    spaces or hyphens), so ``kwic(arts, "slam")`` also lists "slammed".

    Args:
        articles: Articles to search, in the order lines are returned.
        term_or_phrase: A word or phrase; one without letters or digits finds nothing.
        width: Characters of context on each side.
        inflect: Whether inflected forms count.

    Returns:
        Lines in article order, then by offset.
    """
    if not any(ch.isalnum() for ch in term_or_phrase):
        return ()
    term = Term(text=" ".join(term_or_phrase.split()), inflect=inflect)
    cat = Category("kwic", "", False, "", (term,), "", "")
    matcher = TermMatcher.compile(LexiconSet((cat,)))
    lines: list[KwicLine] = []
    for art in articles:
        for start, end, _, _ in matcher.spans(art.text):
            lines.append(
                KwicLine(
                    article=art.id,
                    start=start,
                    end=end,
                    left=" ".join(art.text[max(0, start - width) : start].split()),
                    match=art.text[start:end],
                    right=" ".join(art.text[end : end + width].split()),
                )
            )
    return tuple(lines)
