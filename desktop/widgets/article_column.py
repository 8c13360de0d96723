"""One article in the side-by-side view: a header (outlet, headline) over its text.

The text is the article's ``text`` verbatim in a read-only :class:`QTextBrowser`, so core
offsets address it directly (converted to UTF-16 positions when the text has characters
outside the Basic Multilingual Plane). Lasting marks (passage tints, changed words, term
underlines) are merged into the document's character formats once; the transient
selection of a clicked passage uses ExtraSelections, which never touch the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Article
from analysis.present.passages import Passage, PassageKind
from analysis.present.term_marks import TermMark
from desktop.colours import category_colour, cluster_background, cluster_hue, readable_tint

__all__ = ["ArticleColumn", "TermMark"]


_KIND_TEXT = {
    PassageKind.VERBATIM: "verbatim copy",
    PassageKind.EDITED: "edited copy",
    PassageKind.PARAPHRASE: "paraphrase",
    PassageKind.PARTIAL: "shares a fact",
    PassageKind.UNIQUE: "only in this article",
}
_CONTEXT_PROPERTY = QTextCharFormat.Property.UserProperty + 1
_COPIES = frozenset((PassageKind.VERBATIM, PassageKind.EDITED))  # tinted stronger
_FACT_HUE = "#17becf"  # the omission matrix's "shares a fact" hue


class ArticleColumn(QFrame):
    """Header plus text of one article; reports clicks as character offsets."""

    clicked = Signal(str, int)  # article id, offset into Article.text

    def __init__(
        self,
        article: Article,
        colour: str,
        passages: Sequence[Passage],
        terms: Sequence[TermMark],
        parent: QWidget | None = None,
        *,
        lean: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.article = article
        self.lean = lean  # from the user's ratings file, shown beside the outlet
        self._passages = tuple(passages)
        self._terms = tuple(sorted(terms, key=lambda t: t.start))
        self._term_starts = [t.start for t in self._terms]
        self._utf16 = _utf16_map(article.text)
        self._headline_style = ""
        self.setObjectName(f"column-{article.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.band = QFrame(self)
        self.band.setFixedHeight(6)
        self.outlet_label = QLabel(self)
        self.headline_label = QLabel(self)
        self.headline_label.setWordWrap(True)
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.headline_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.headline_label.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.headline_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline_label.setFont(font)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAcceptDrops(False)
        self.browser.setAccessibleName(f"Text of {article.outlet}")
        self.browser.viewport().installEventFilter(self)
        self.browser.viewport().setMouseTracking(True)
        self.headline_label.installEventFilter(self)
        # keyboard users move the caret with the arrow keys and press Enter to compare
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.browser.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(4)
        for widget in (self.band, self.outlet_label, self.headline_label):
            layout.addWidget(widget)
        layout.addWidget(self.browser, 1)
        self.set_colour(colour)
        self._fill()

    # --- public ---------------------------------------------------------------------
    def set_colour(self, colour: str) -> None:
        """Show the outlet's colour in the header band."""
        self.band.setStyleSheet(f"background-color: {colour}; border: none;")
        art = self.article
        meta = " · ".join(x for x in (self.lean, art.date, f"{art.word_count} words") if x)
        self.outlet_label.setText(f"<b>{_escape(art.outlet)}</b>  <small>{_escape(meta)}</small>")

    def set_headline_height(self, height: int) -> None:
        """Give every headline the same height so the headlines form one row."""
        self.headline_label.setFixedHeight(height)

    def headline_height_for(self, width: int) -> int:
        """Height the headline needs at ``width`` pixels."""
        return self.headline_label.heightForWidth(width)

    def highlight(
        self,
        spans: Sequence[tuple[int, int]],
        scroll_to: tuple[int, int] | None,
        *,
        context: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Select ``spans`` (offsets into the text) and scroll ``scroll_to`` into view.

        ``context`` spans get a paler selection under the others: a sentence that shares
        a fact is tinted whole while the words carrying the fact are selected.
        """
        palette = self.browser.palette()
        fmt = QTextCharFormat()
        fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        pale = QTextCharFormat()
        pale.setBackground(readable_tint(palette.color(QPalette.ColorRole.Highlight), palette, 0.3))
        pale.setProperty(_CONTEXT_PROPERTY, True)
        selections = []
        for chosen, form in ((context, pale), (spans, fmt)):
            for start, end in chosen:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = self._cursor(start, end)
                sel.format = form
                selections.append(sel)
        self.browser.setExtraSelections(selections)
        headline = self.article.headline
        in_headline = any(s < headline.end and headline.start < e for s, e in (*spans, *context))
        self.headline_label.setStyleSheet(
            f"background: {fmt.background().color().name()};"
            f" color: {fmt.foreground().color().name()};"
            if in_headline
            else self._headline_style
        )
        if scroll_to is not None and scroll_to[0] >= headline.end:
            self._scroll_to(scroll_to[0])

    def selected_spans(self) -> list[tuple[int, int]]:
        """The spans currently selected (UTF-16 positions mapped back to offsets)."""
        return self._read_back(context=False)

    def context_spans(self) -> list[tuple[int, int]]:
        """The spans currently tinted pale around the selection (sentences sharing a fact)."""
        return self._read_back(context=True)

    def _read_back(self, *, context: bool) -> list[tuple[int, int]]:
        back = {v: k for k, v in enumerate(self._utf16)} if self._utf16 else None
        spans = []
        for sel in self.browser.extraSelections():
            if bool(sel.format.property(_CONTEXT_PROPERTY)) is not context:
                continue
            cur = sel.cursor
            s, e = cur.selectionStart(), cur.selectionEnd()
            spans.append((back[s], back[e]) if back else (s, e))
        return spans

    def offset_at(self, pos: QPoint) -> int:
        """The character offset under a viewport position."""
        return self._offset(self.browser.cursorForPosition(pos).position())

    def point_of(self, offset: int) -> QPoint:
        """A viewport point inside the character at ``offset`` (for tests and tooltips)."""
        cursor = self._cursor(offset, offset)
        rect = self.browser.cursorRect(cursor)
        return QPoint(rect.x() + 3, rect.center().y())

    # --- drawing --------------------------------------------------------------------
    def _fill(self) -> None:
        self.browser.setPlainText(self.article.text)
        palette = self.browser.palette()
        for passage in self._passages:
            self._paint_passage(passage, palette)
        for mark in self._terms:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(category_colour(mark.category, palette))
            fmt.setFontUnderline(True)
            self._cursor(mark.start, mark.end).mergeCharFormat(fmt)
        self.headline_label.setText(self.article.title or "(no headline)")
        self._headline_style = self._tint_headline(palette)
        self.headline_label.setStyleSheet(self._headline_style)
        self._hide_headline_block()
        # park the caret at the top, or the browser scrolls to wherever it was left
        self.browser.setTextCursor(
            self._cursor(self.article.headline.end, self.article.headline.end)
        )

    def _paint_passage(self, passage: Passage, palette: QPalette) -> None:
        fmt = QTextCharFormat()
        if passage.kind is PassageKind.UNIQUE:
            # a dotted underline: visible in both modes, and leaves the background free
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.PlaceholderText))
        else:
            cluster = passage.cluster or 0
            strength = 0.38 if passage.kind in _COPIES else 0.18
            fmt.setBackground(cluster_background(cluster, palette, strength))
            if passage.kind is PassageKind.PARAPHRASE:
                fmt.setFontItalic(True)
        if passage.kind is not PassageKind.PARTIAL or passage.cluster is not None:
            self._cursor(passage.start, passage.end).mergeCharFormat(fmt)
        if passage.facts:
            # the words of a fact another outlet shares: dashed, in the "shares a fact" hue
            fact = QTextCharFormat()
            fact.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fact.setUnderlineColor(QColor(_FACT_HUE))
            for start, end in passage.facts:
                self._cursor(start, end).mergeCharFormat(fact)
        if passage.kind is PassageKind.EDITED or passage.kind is PassageKind.PARAPHRASE:
            changed = QTextCharFormat()
            changed.setFontWeight(QFont.Weight.Bold)
            changed.setBackground(readable_tint(cluster_hue(passage.cluster or 0), palette, 0.75))
            for start, end in passage.changes:
                self._cursor(start, end).mergeCharFormat(changed)

    def _tint_headline(self, palette: QPalette) -> str:
        """Tint the header's headline like its passage when other outlets share it."""
        head = self.article.headline
        passage = next(
            (p for p in self._passages if p.start < head.end and head.start < p.end), None
        )
        if passage is None or passage.cluster is None:
            return ""
        strength = 0.38 if passage.kind in _COPIES else 0.18
        return f"background: {cluster_background(passage.cluster, palette, strength).name()};"

    def _hide_headline_block(self) -> None:
        """The headline is shown in the header row, so hide it (and the blank line) here."""
        if not self.article.title:
            return
        doc = self.browser.document()
        block = doc.firstBlock()
        for _ in range(2):  # the headline paragraph and the empty line after it
            if not block.isValid():
                break
            block.setVisible(False)
            doc.markContentsDirty(block.position(), block.length())
            block = block.next()

    def _scroll_to(self, offset: int) -> None:
        rect = self.browser.cursorRect(self._cursor(offset, offset))
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.browser.viewport().height() // 4)

    # --- events ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.headline_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.clicked.emit(self.article.id, self.article.headline.start)
            return True
        if watched is self.browser and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.clicked.emit(
                    self.article.id, self._offset(self.browser.textCursor().position())
                )
                return True
            return False
        if watched is not self.browser.viewport():
            return False
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if (
                event.button() == Qt.MouseButton.LeftButton
                and not self.browser.textCursor().hasSelection()
            ):
                self.clicked.emit(self.article.id, self.offset_at(event.position().toPoint()))
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(self.offset_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.browser)
            else:
                QToolTip.hideText()
            return True
        return False

    def _tooltip(self, offset: int) -> str:
        lines = []
        i = bisect.bisect_right(self._term_starts, offset) - 1
        while i >= 0 and self._terms[i].start > offset - 80:
            mark = self._terms[i]
            if mark.start <= offset < mark.end:
                voice = "quoted" if mark.in_quote else "own voice"
                lines.append(f"“{mark.term}” — {mark.category.replace('_', ' ')}, {voice}")
                break
            i -= 1
        passage = next((p for p in self._passages if p.start <= offset < p.end), None)
        if passage is not None:
            lines.append(f"Passage: {_KIND_TEXT[passage.kind]} (click to compare)")
        return "\n".join(lines)

    # --- offsets --------------------------------------------------------------------
    def _pos(self, offset: int) -> int:
        if not self._utf16:
            return offset
        return self._utf16[max(0, min(offset, len(self._utf16) - 1))]

    def _offset(self, position: int) -> int:
        if not self._utf16:
            return position
        return max(0, bisect.bisect_right(self._utf16, position) - 1)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.browser.document())
        limit = self.browser.document().characterCount() - 1
        cursor.setPosition(min(self._pos(start), limit))
        cursor.setPosition(min(self._pos(end), limit), QTextCursor.MoveMode.KeepAnchor)
        return cursor


def _utf16_map(text: str) -> list[int]:
    """Offsets -> UTF-16 positions, or [] when they coincide (no astral characters)."""
    if all(ord(c) <= 0xFFFF for c in text):
        return []
    positions, pos = [], 0
    for c in text:
        positions.append(pos)
        pos += 2 if ord(c) > 0xFFFF else 1
    positions.append(pos)
    return positions


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
