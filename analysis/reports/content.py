"""The format-neutral content of a report: what every renderer (HTML, Markdown, CSV, PDF) shows.

:func:`analysis.reports.build.build_content` turns a :class:`ComparisonResult` into one
:class:`ReportContent`; renderers only lay it out. Keeping the content in plain frozen values
means the formats cannot disagree about a number, and each number carries the anchor of its
evidence in the article text.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.model import Article
from analysis.present.charts import ChartData

__all__ = [
    "Block",
    "Cell",
    "EvidenceLink",
    "FindingItem",
    "FindingList",
    "Fragment",
    "PassageCell",
    "ReportContent",
    "Section",
    "SideBySide",
    "Table",
    "TextView",
]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    Attributes:
        text: The text shown.
        value: The number behind the text (CSV writes it as a number), or None for text.
        href: Anchor id of the evidence in the article text (``a-<article>-<start>``), or None.
    """

    text: str
    value: int | float | None = None
    href: str | None = None

    @classmethod
    def number(cls, value: int | float, href: str | None = None, *, digits: int = 2) -> Cell:
        """Return a numeric cell, shown with at most ``digits`` decimals.

        A zero links to nothing: there is no evidence of an absence to point at.
        """
        if isinstance(value, bool):
            return cls("yes" if value else "no")
        if value == 0:
            href = None
        if isinstance(value, int):
            return cls(str(value), value, href)
        shown = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
        return cls(shown or "0", round(value, 6), href)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: ``key`` names its CSV file; every row has one cell per column.

    ``detail`` tables (every occurrence, every link) are folded away in HTML and left out
    of Markdown and PDF summaries; CSV and JSON always hold them.
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    detail: bool = False


@dataclass(frozen=True, slots=True)
class Fragment:
    """A run of article text with the highlight kinds that cover all of it.

    Attributes:
        text: The characters (plain text; renderers escape it).
        kinds: Highlight kinds, e.g. ``("loaded",)``, ``("edited",)``; empty for plain text.
        anchor: Element id for evidence links that point at this position, or None.
        label: A short explanation (term category, link kind) shown as a tooltip.
    """

    text: str
    kinds: tuple[str, ...] = ()
    anchor: str | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class PassageCell:
    """One outlet's passage in a side-by-side row; ``href`` points at it in the article text.

    ``label`` says how the outlet carries the passage ("edited", "shares a fact" …), or is
    empty where that says nothing (the headlines row).
    """

    article_id: str
    fragments: tuple[Fragment, ...]
    href: str | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class SideBySide:
    """Passages side by side: one column per article; None marks an omission."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[PassageCell | None, ...], ...]
    row_labels: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """A link to a span of an article's text: ``href`` is its anchor id in the report."""

    label: str
    href: str
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FindingItem:
    """One key finding: its sentence and links to its evidence."""

    kind: str
    text: str
    links: tuple[EvidenceLink, ...]


@dataclass(frozen=True, slots=True)
class FindingList:
    """Numbered key findings (HTML, Markdown and PDF show a list; CSV a table)."""

    key: str
    title: str
    items: tuple[FindingItem, ...]
    note: str = ""

    def as_table(self) -> Table:
        """The findings as a table (for CSV): number, kind, sentence, evidence spans."""
        rows = tuple(
            (
                Cell.number(i),
                Cell(item.kind),
                Cell(item.text),
                Cell("; ".join(f"{e.label}: {e.article} [{e.start}, {e.end})" for e in item.links)),
            )
            for i, item in enumerate(self.items, 1)
        )
        return Table(self.key, self.title, ("#", "Kind", "Finding", "Evidence"), rows, self.note)


#: A part of a section; charts are the presentation layer's own value, links and all.
Block = Table | ChartData | SideBySide | FindingList


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the report made of tables, charts and side-by-side views."""

    key: str
    title: str
    intro: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class TextView:
    """One article's full text as paragraphs of highlighted fragments (the evidence targets)."""

    article: Article
    paragraphs: tuple[tuple[Fragment, ...], ...]


@dataclass(frozen=True, slots=True)
class ReportContent:
    """Everything a report shows, in order: overview, sections, article texts, provenance."""

    title: str
    created: str
    generator: str
    articles: tuple[Article, ...]
    sections: tuple[Section, ...]
    texts: tuple[TextView, ...]
    provenance: Table
    legend: tuple[tuple[str, str], ...] = ()
