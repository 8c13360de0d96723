"""Passages side by side: which passages a group shows, in what order, under which labels.

A :class:`PassageGroup` is the one value a side-by-side view of passages is rendered from
(the report's "Headlines side by side" today): a title, a note, one column label per
article and rows of :class:`PassageSpan` cells (None where an outlet does not carry the
passage). Renderers only paint these values: the report adds its evidence highlights of
the kinds the group names and its anchors, the app its own colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult

__all__ = ["WORD_KINDS", "PassageGroup", "PassageMark", "PassageSpan", "headlines_group"]

# Word-level highlight kinds: a whole passage's kind says nothing in a one-passage cell.
WORD_KINDS = ("loaded", "loaded-quoted", "term", "edited")


@dataclass(frozen=True, slots=True)
class PassageMark:
    """A highlighted span inside a passage, as offsets into its article's text."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class PassageSpan:
    """One outlet's passage in a group: where it is, what it marks, and how it is labelled.

    ``label`` says how the outlet carries the passage ("p = 0.87", "edited" …) or is
    empty where that says nothing (the headlines row). ``anchor`` is the offset the cell
    links to in the article's text (None: no link).
    An empty span (``start == end``) is an empty cell.
    """

    article_id: str
    start: int
    end: int
    marks: tuple[PassageMark, ...] = ()
    label: str = ""
    anchor: int | None = None


@dataclass(frozen=True, slots=True)
class PassageGroup:
    """Passages side by side: one column per article, None where an outlet has none.

    ``mark_kinds`` names the kinds of the renderer's own highlights (the report's
    evidence marks) that a cell shows besides its ``marks``; empty shows none of them.
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[PassageSpan | None, ...], ...]
    row_labels: tuple[str, ...] = ()
    note: str = ""
    mark_kinds: tuple[str, ...] = ()


def headlines_group(result: ComparisonResult) -> PassageGroup:
    """Every article's headline in one row, in the result's order, under outlet and lean.

    Args:
        result: The comparison whose headlines are shown.
    """
    names, leans = outlet_labels(result.articles), result.leans
    columns = tuple(
        names[a.id] + (f" ({leans.label(a.id)})" if leans else "") for a in result.articles
    )
    heads = ((a.id, a.headline) for a in result.articles)
    cells = tuple(PassageSpan(aid, h.start, h.end, anchor=h.start) for aid, h in heads)
    return PassageGroup(
        "headlines", "Headlines side by side", columns, (cells,), mark_kinds=WORD_KINDS
    )
