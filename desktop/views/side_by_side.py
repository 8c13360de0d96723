"""Side by side: one column per article, passages coloured by cluster, click to compare.

Clicking a passage highlights it and its counterparts in every column, scrolls each column
to its member, and names the outlets that omit it. Other views reach the same behaviour
through :meth:`SideBySideView.show_evidence`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from analysis.present.passages import Partner, Passage, PassageKind, PassageMap, rank_of
from analysis.present.term_marks import term_marks
from analysis.result import ComparisonResult
from desktop.colours import outlet_colour
from desktop.widgets.article_column import ArticleColumn

__all__ = ["MAX_VISIBLE", "MIN_COLUMN_WIDTH", "SideBySideView"]

MAX_VISIBLE = 6
MIN_COLUMN_WIDTH = 250

_LEGEND = (
    "Tint = same passage in several outlets (one colour per passage) · "
    "<b>bold</b> = changed words · <i>italic, pale</i> = paraphrase · "
    "dashed = words of a fact another outlet shares · "
    "dotted = only in this outlet · underline = loaded term (hover for details) · "
    "click a passage to compare"
)
_LABELS = {
    PassageKind.VERBATIM: "verbatim",
    PassageKind.EDITED: "edited",
    PassageKind.PARAPHRASE: "paraphrase",
    PassageKind.PARTIAL: "shares a fact",
    PassageKind.UNIQUE: "only here",
}


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
        if passage is not None and passage.kind is not PassageKind.UNIQUE:
            self._select(passage)
            return
        self._highlight({article_id: [(start, end)]})
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
        """Highlight a passage, its cluster, and the sentences elsewhere sharing a fact of it.

        A "shares a fact" sentence is tinted whole and its shared words are selected, so
        the reader sees which part of the two sentences is the same fact.
        """
        members = self._map.counterparts(passage)
        strong: dict[str, list[tuple[int, int]]] = {}
        context: dict[str, list[tuple[int, int]]] = {}
        for p in members:
            if p.kind is PassageKind.PARTIAL and p.facts:
                context.setdefault(p.article_id, []).append((p.start, p.end))
                strong.setdefault(p.article_id, []).extend(p.facts)
            else:
                strong.setdefault(p.article_id, []).append((p.start, p.end))
        held = {p.article_id for p in members}
        partners = self._partners_of(members)
        for q in partners:
            if q.article_id in held:
                continue
            context.setdefault(q.article_id, []).append((q.start, q.end))
            spans = q.shared if q.kind is PassageKind.PARTIAL else ((q.start, q.end),)
            strong.setdefault(q.article_id, []).extend(spans)
        self._highlight(strong, context)
        self.info.setText(self._describe(passage, members, partners))

    def _partners_of(self, members: tuple[Passage, ...]) -> list[Partner]:
        """Sentences elsewhere sharing a fact of ``members``, with their clusters' copies.

        A partner in a cluster stands for that cluster: its copies in other outlets carry
        the same fact (tinted whole, since only the partner's link locates the words).
        """
        held = {p.article_id for p in members}
        partners = [q for p in members for q in self._map.partners(p)]
        seen = held | {q.article_id for q in partners}
        for q in list(partners):
            passage = self._map.overlapping(q.article_id, q.start, q.end)
            if passage is None or passage.cluster is None:
                continue
            for r in self._map.counterparts(passage):
                if r.article_id not in seen:
                    seen.add(r.article_id)
                    kind = PassageKind.PARTIAL
                    partners.append(Partner(r.article_id, r.start, r.end, kind, (), ()))
        return partners

    def _highlight(
        self,
        spans: dict[str, list[tuple[int, int]]],
        context: dict[str, list[tuple[int, int]]] | None = None,
    ) -> None:
        for column in self.columns:
            strong = sorted(set(spans.get(column.article.id, ())))
            around = sorted(set((context or {}).get(column.article.id, ())))
            first = min(strong[:1] + around[:1], default=None)
            column.highlight(strong, first, context=around)
        chosen = tuple((aid, s, e) for aid, found in spans.items() for s, e in sorted(set(found)))
        self.selection_changed.emit(chosen)

    def _describe(
        self, passage: Passage, members: tuple[Passage, ...], partners: list[Partner]
    ) -> str:
        if passage.kind is PassageKind.UNIQUE:
            return self._describe_span(passage.article_id, passage)
        carriers: dict[str, PassageKind] = {p.article_id: p.kind for p in members}
        for q in partners:
            known = carriers.get(q.article_id)
            if known is None or rank_of(q.kind) < rank_of(known):
                carriers[q.article_id] = q.kind
        ids = [a.id for a in self._result.articles] if self._result else []
        carried = ", ".join(
            f"{escape(self._outlet(a))} ({_LABELS[carriers[a]]})" for a in ids if a in carriers
        )
        absent = [escape(self._outlet(a)) for a in ids if a not in carriers]
        tail = f" <b>Not found in:</b> {', '.join(absent)}." if absent else " Every outlet has it."
        return f"<b>Carried by:</b> {carried}.{tail}"

    def _describe_span(self, article_id: str, passage: Passage | None) -> str:
        outlet = escape(self._outlet(article_id))
        if passage is not None and passage.kind is PassageKind.UNIQUE:
            return f"Only <b>{outlet}</b> reports this passage: no other outlet asserts its facts."
        return f"Shown in {outlet}."

    # --- building -------------------------------------------------------------------
    def _rebuild(self) -> None:
        for column in self.columns:
            self._row.removeWidget(column)
            column.deleteLater()
        self.columns = []
        if self._result is None:
            self._show_empty()
            return
        terms = term_marks(self._result)
        leans = self._result.leans
        for article in self._result.articles:
            column = ArticleColumn(
                article,
                self._colour_of(article.id),
                self._map.by_article.get(article.id, ()),
                terms.get(article.id, ()),
                self._strip,
                lean=None if leans is None else leans.label(article.id),
            )
            column.clicked.connect(self.select_at)
            self._row.addWidget(column)
            self.columns.append(column)
        self.info.setText("Click a passage to see it in every outlet.")
        self._fit_columns()

    def _show_empty(self) -> None:
        self.info.setText("Add at least two articles to compare them side by side.")

    def resizeEvent(self, event: QResizeEvent) -> None:
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
