"""PDF reports: the report's print HTML laid out by QTextDocument and written by QPdfWriter.

Why Qt: it ships with Slant already, embeds (subsets of) the TrueType/OpenType fonts it
uses, falls back per character to any installed font that has the glyph (so Cyrillic and
CJK are drawn where the system has fonts), draws table bars as vector rectangles, and
numbers the pages. It runs without a display under the ``offscreen`` platform, which is
how ``slant compare … -o report.pdf`` uses it.
"""

from __future__ import annotations

import os
import sys
import uuid

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUuid
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from analysis import __version__
from analysis.reports import ReportOptions, register_renderer, report_content
from analysis.reports.content import ReportContent
from analysis.reports.printable import print_landscape, render_print_html
from analysis.result import ComparisonResult

__all__ = ["PAGE_SIZES", "content_pdf", "register_pdf", "render_pdf"]

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_RESOLUTION = 300  # dpi of the layout grid; text and bars stay vector at any zoom
_MARGIN_MM = 15.0


def render_pdf(result: ComparisonResult, options: ReportOptions | None = None) -> bytes:
    """Return the report as PDF bytes.

    Args:
        result: The comparison.
        options: ``paper`` is ``a4`` or ``letter`` (default A4).
    """
    paper = (options or ReportOptions()).paper
    return content_pdf(report_content(result), paper)


def content_pdf(content: ReportContent, paper: str = "a4") -> bytes:
    """Return already built report content as PDF bytes on ``a4`` or ``letter`` paper."""
    _ensure_app()
    doc = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.0)
    doc.setDefaultFont(font)
    doc.setHtml(render_print_html(content))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, content.title)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(content.title)
    writer.setCreator(f"Slant {__version__}")
    # Same content, same id: keeps the bytes reproducible apart from the timestamps.
    writer.setDocumentId(
        QUuid(str(uuid.uuid5(uuid.NAMESPACE_URL, content.title + content.created)))
    )
    writer.setResolution(_RESOLUTION)
    layout = QPageLayout(
        QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)),
        # One orientation per document (QTextDocument paginates it whole): landscape when
        # a table would not fit portrait, e.g. the omission matrix of many outlets.
        QPageLayout.Orientation.Landscape
        if print_landscape(content)
        else QPageLayout.Orientation.Portrait,
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    _print(doc, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def _print(doc: QTextDocument, writer: QPdfWriter) -> None:
    """Lay the document out on the writer's pages at its resolution; number each page.

    ``QTextDocument.print_`` lays an unpaginated document out for the screen and scales
    it, which loses the tables' percentage column widths; laying it out for the writer
    itself keeps them (and the evidence links, which the PDF engine adds while drawing).
    """
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = writer.resolution() // 4  # a quarter inch at the foot for the page number
    height = rect.height() - footer
    layout = doc.documentLayout()
    layout.setPaintDevice(writer)
    doc.setPageSize(QSizeF(rect.width(), height))
    painter = QPainter(writer)
    try:
        for page in range(doc.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * height, rect.width(), height)
            painter.setClipRect(context.clip)  # table borders would run on into the foot
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(doc.defaultFont())
            foot = QRectF(0, height, rect.width(), footer)
            painter.drawText(
                foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, str(page + 1)
            )
    finally:
        painter.end()


def register_pdf() -> None:
    """Make ``pdf`` one of :data:`analysis.reports.FORMATS` (CLI and Export menu)."""
    register_renderer("pdf", render_pdf)


def _ensure_app() -> None:
    """QTextDocument needs a QGuiApplication; make an offscreen one when there is none."""
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Kept on the module so it lives as long as the process.
    global _APP
    _APP = QGuiApplication(sys.argv[:1])


_APP: QGuiApplication | None = None
