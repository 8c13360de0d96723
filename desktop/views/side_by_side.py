"""Side by side: one column per article, passages coloured by cluster, click to compare.

Clicking a passage highlights it and its counterparts in every column, scrolls each column
to its member, and names the outlets that omit it. Other views reach the same behaviour
through :meth:`SideBySideView.show_evidence`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from analysis.result import ComparisonResult
from desktop.colours import outlet_colour
from desktop.views.passages import Passage, PassageKind, PassageMap
from desktop.widgets.article_column import ArticleColumn, TermMark

__all__ = ["MAX_VISIBLE", "MIN_COLUMN_WIDTH", "SideBySideView"]

MAX_VISIBLE = 6
MIN_COLUMN_WIDTH = 250

_LEGEND = (
    "Tint = same passage in several outlets (one colour per passage) · "
    "<b>bold</b> = changed words · <i>italic, pale</i> = paraphrase · "
    "dotted = only in this outlet · underline = loaded term (hover for details) · "
    "click a passage to compare"
)


class SideBySideView(QWidget):
    """The articles next to each other; implements the view contract of :mod:`desktop.views`."""

    evidence_requested = Signal(str, int, int)
    #: Emitted after a selection: the (article id, start, end) spans now highlighted.
    selection_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_by_side")
        self._result: ComparisonResult | None = None
        self._map = PassageMap.empty()
        self._colours: dict[str, str] = {}
        self.columns: list[ArticleColumn] = []
        self.legend = QLabel(_LEGEND, self)
        self.legend.setWordWrap(True)
        self.info = QLabel("", self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setAccessibleName("Selected passage")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setAccessibleName("Articles side by side")
        self._strip = QWidget()
        self._row = QHBoxLayout(self._strip)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self.scroll_area.setWidget(self._strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.legend)
        layout.addWidget(self.info)
        layout.addWidget(self.scroll_area, 1)
        self._show_empty()

    # --- the view contract ----------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Show a result (one column per article), or clear the view."""
        self._result = result
        self._map = PassageMap.from_result(result)
        self._rebuild()

    def set_colours(self, colours: dict[str, str]) -> None:
        """Follow the user's outlet colours (article id -> ``#rrggbb``)."""
        self._colours = dict(colours)
        for column in self.columns:
            column.set_colour(self._colour_of(column.article.id))

    # --- selection ------------------------------------------------------------------
    def show_evidence(self, article_id: str, start: int, end: int) -> None:
        """Highlight ``[start, end)`` of an article and the counterparts of its passage."""
        passage = self._map.overlapping(article_id, start, end)
        if passage is not None and passage.cluster is not None:
            self._select(passage)
            return
        self._highlight({article_id: (start, end)})
        self.info.setText(self._describe_span(article_id, passage))

    def select_at(self, article_id: str, offset: int) -> None:
        """Select the passage at ``offset`` of an article (what a click does)."""
        passage = self._map.at(article_id, offset)
        if passage is None:
            self._highlight({})
            self.info.setText("No passage of this article is shared with another outlet here.")
            return
        self._select(passage)

    def passage_map(self) -> PassageMap:
        """The passages currently shown."""
        return self._map

    def _select(self, passage: Passage) -> None:
        members = self._map.counterparts(passage)
        self._highlight({p.article_id: (p.start, p.end) for p in members})
        self.info.setText(self._describe(passage, members))

    def _highlight(self, spans: dict[str, tuple[int, int]]) -> None:
        for column in self.columns:
            span = spans.get(column.article.id)
            column.highlight([span] if span else [], span)
        chosen = tuple((aid, s, e) for aid, (s, e) in spans.items())
        self.selection_changed.emit(chosen)

    def _describe(self, passage: Passage, members: tuple[Passage, ...]) -> str:
        if passage.cluster is None:
            return self._describe_span(passage.article_id, passage)
        carried = ", ".join(
            f"{self._outlet(p.article_id)} ({p.kind.value})"
            for p in sorted(members, key=self._order)
        )
        omitting = [self._outlet(a) for a in self._map.omitted_by.get(passage.cluster, ())]
        tail = f" <b>Omitted by:</b> {', '.join(omitting)}." if omitting else " No outlet omits it."
        return f"<b>Carried by:</b> {carried}.{tail}"

    def _describe_span(self, article_id: str, passage: Passage | None) -> str:
        if passage is not None and passage.kind is PassageKind.UNIQUE:
            return f"Only <b>{self._outlet(article_id)}</b> reports this passage."
        return f"Shown in {self._outlet(article_id)}."

    # --- building -------------------------------------------------------------------
    def _rebuild(self) -> None:
        for column in self.columns:
            self._row.removeWidget(column)
            column.deleteLater()
        self.columns = []
        if self._result is None:
            self._show_empty()
            return
        terms = _term_marks(self._result)
        for article in self._result.articles:
            column = ArticleColumn(
                article,
                self._colour_of(article.id),
                self._map.by_article.get(article.id, ()),
                terms.get(article.id, ()),
                self._strip,
            )
            column.clicked.connect(self.select_at)
            self._row.addWidget(column)
            self.columns.append(column)
        self.info.setText("Click a passage to see it in every outlet.")
        self._fit_columns()

    def _show_empty(self) -> None:
        self.info.setText("Add at least two articles to compare them side by side.")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        if not self.columns:
            return
        width = self.scroll_area.viewport().width()
        visible = max(1, min(len(self.columns), MAX_VISIBLE))
        spacing = self._row.spacing()
        column_width = max(MIN_COLUMN_WIDTH, (width - spacing * (visible - 1)) // visible)
        inner = column_width - 12
        headline = max(c.headline_height_for(inner) for c in self.columns)
        for column in self.columns:
            column.setFixedWidth(column_width)
            column.set_headline_height(headline)

    def _colour_of(self, article_id: str) -> str:
        if article_id in self._colours:
            return self._colours[article_id]
        ids = [a.id for a in self._result.articles] if self._result else []
        return outlet_colour(ids.index(article_id) if article_id in ids else 0)

    def _outlet(self, article_id: str) -> str:
        try:
            return self._result.article(article_id).outlet if self._result else article_id
        except KeyError:
            return article_id

    def _order(self, passage: Passage) -> int:
        ids = [a.id for a in self._result.articles] if self._result else []
        return ids.index(passage.article_id) if passage.article_id in ids else len(ids)


def _term_marks(result: ComparisonResult) -> dict[str, list[TermMark]]:
    """Loaded-term hits of the result by article (only categories marked ``loaded``)."""
    report = result.terms
    if report is None:
        return {}
    loaded = _loaded_categories(report)
    marks: dict[str, list[TermMark]] = {}
    for hit in getattr(report, "hits", ()):
        if loaded is not None and hit.category not in loaded:
            continue
        mark = TermMark(hit.start, hit.end, hit.term, hit.category, bool(hit.in_quote))
        marks.setdefault(str(hit.article), []).append(mark)
    return marks


def _loaded_categories(report: Any) -> set[str] | None:
    categories = getattr(report, "categories", None)
    if not categories:
        return None
    items = categories.values() if isinstance(categories, dict) else categories
    return {c.name for c in items if getattr(c, "loaded", True)}
