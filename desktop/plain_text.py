"""Article-derived text is shown as plain text, never as markup, everywhere in the app.

Outlet names come from a web page's ``og:site_name``, titles and quotes from the page
itself: rendered as rich text they could draw 40 pt red letters or load local image files.
Labels that show such text use ``Qt.TextFormat.PlainText`` or :func:`escape_html`. Tool
tips are the other way in: Qt guesses whether a tool tip is rich text, for widgets and for
every item model's ``ToolTipRole`` alike, so :class:`PlainToolTips` (installed once on the
application) shows every tool tip as the literal text it is.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip, QWidget

__all__ = ["PlainToolTips", "escape_html", "install_plain_tool_tips", "plain_tool_tip"]


def escape_html(text: str) -> str:
    """``text`` escaped for a label that must stay rich text (bold outlet names …)."""
    return escape(text, quote=True)


def plain_tool_tip(text: str) -> str:
    """Tool-tip markup that Qt shows as exactly ``text`` ("<qt>" forces rich text on)."""
    body = escape(text, quote=False).replace("\n", "<br>")
    return f"<qt style='white-space:pre-wrap'>{body}</qt>"


class PlainToolTips(QObject):
    """Application event filter: every tool tip is shown as plain text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Replace Qt's own tool-tip display with an escaped one."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        if not isinstance(watched, QWidget):
            return False
        text = self._tip_of(watched, event)
        if not text:
            return False  # nothing to show: Qt's default handling (hides a stale tip)
        QToolTip.showText(event.globalPos(), plain_tool_tip(text), watched)
        return True

    @staticmethod
    def _tip_of(widget: QWidget, event: QHelpEvent) -> str:
        view = widget.parent()
        if isinstance(view, QAbstractItemView) and widget is view.viewport():
            index = view.indexAt(event.pos())
            value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            return str(value) if value else ""
        return widget.toolTip()


def install_plain_tool_tips() -> None:
    """Install :class:`PlainToolTips` on the running application (once)."""
    app = QApplication.instance()
    if app is None or app.property("slant_plain_tool_tips"):
        return
    tips = PlainToolTips(app)
    app.installEventFilter(tips)
    app.setProperty("slant_plain_tool_tips", True)
