"""Loaded-term marks: which words a passage view underlines, and how they are described.

The side-by-side view underlines the terms of the categories that mark slanted wording
(``Category.loaded``); neutral markers (hedges, neutral attribution verbs) stay plain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from analysis.result import ComparisonResult

__all__ = ["TermMark", "term_marks"]


@dataclass(frozen=True, slots=True)
class TermMark:
    """A loaded term to underline: span, term, category and whether it is quoted.

    Attributes:
        start: First character, an offset into the article's text.
        end: One past the last character.
        term: The lexicon term's key ("slam" for "slammed").
        category: Name of the term's category.
        in_quote: Whether the term lies inside a quotation.
    """

    start: int
    end: int
    term: str
    category: str
    in_quote: bool


def term_marks(result: ComparisonResult) -> Mapping[str, tuple[TermMark, ...]]:
    """The loaded-term hits of a result by article id, in the report's (text) order.

    Only hits of categories marked ``loaded`` are kept; a report that lists no categories
    keeps every hit. Articles without a hit have no entry.
    """
    report = result.terms
    if report is None:
        return MappingProxyType({})
    loaded = {c.name for c in report.categories if c.loaded} if report.categories else None
    marks: dict[str, list[TermMark]] = {}
    for hit in report.hits:
        if loaded is not None and hit.category not in loaded:
            continue
        mark = TermMark(hit.start, hit.end, hit.term, hit.category, hit.in_quote)
        marks.setdefault(hit.article, []).append(mark)
    return MappingProxyType({a: tuple(m) for a, m in marks.items()})
