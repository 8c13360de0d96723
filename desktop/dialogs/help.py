"""Help ▸ User Guide (F1): the guide shipped in ``resources/help``, rendered offline.

The Markdown is turned into HTML with markdown-it-py (raw HTML in it is not passed through)
and shown in a :class:`QTextBrowser`: links inside the guide jump to their section, web
links open in the browser.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from analysis.resources import resource

__all__ = ["GUIDE", "HelpWindow", "guide_html", "show_help"]

GUIDE = ("help", "user-guide.md")


def guide_html() -> str:
    """The user guide as HTML, with an anchor in every heading for the contents links."""
    from markdown_it import MarkdownIt

    source = resource(*GUIDE).read_text(encoding="utf-8")
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(source)
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[i + 1].content
            token.attrSet("id", _slug(title))
    body = md.renderer.render(tokens, md.options, {})
    # Qt's rich text jumps to <a name>, not to id attributes
    body = re.sub(r'<(h[1-6]) id="([^"]+)">', r'<\1><a name="\2"></a>', body)
    style = (
        "body { font-size: 11pt; } h1, h2 { margin-top: 18px; }"
        " table { border-collapse: collapse; } td, th { padding: 3px 10px; }"
        " code { font-family: monospace; }"
    )
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>"


def _slug(title: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" if c in " -" else "" for c in title)
    return "-".join(part for part in keep.split("-") if part)


class HelpWindow(QDialog):
    """A non-modal window holding the user guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle("Slant User Guide")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(760, 820)

    def show_section(self, anchor: str) -> None:
        """Scroll to a heading of the guide (its slug, e.g. ``undo-and-redo``)."""
        self.browser.scrollToAnchor(anchor)


def show_help(parent: QWidget) -> HelpWindow:
    """Show the guide (one window per parent, raised when already open)."""
    window = parent.findChild(HelpWindow, "help_window")
    if window is None:
        window = HelpWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
