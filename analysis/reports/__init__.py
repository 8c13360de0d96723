"""Rendering a comparison result to files: HTML, Markdown, JSON, CSV (zip), XLSX, PDF.

All formats render the same :class:`~analysis.reports.content.ReportContent`, so they never
disagree. Formats that need Qt (PDF) cannot live in this Qt-free package: the desktop side
calls :func:`register_renderer` at start-up, and :data:`FORMATS` then lists them too.
"""

from __future__ import annotations

import gc
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.atomic import atomic_write
from analysis.errors import ReportError
from analysis.jsonio import result_json_items
from analysis.result import ComparisonResult
from analysis.terminal import display_path

if TYPE_CHECKING:
    from analysis.reports.content import ReportContent

__all__ = [
    "FORMATS",
    "PAPER_SIZES",
    "Renderer",
    "ReportOptions",
    "atomic_write_bytes",
    "formats",
    "paused_gc",
    "register_renderer",
    "render_report",
    "report_content",
    "write_report",
]

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Options some formats use: ``paper`` is the PDF page size (``a4`` or ``letter``)."""

    paper: str = "a4"


Renderer = Callable[[ComparisonResult, ReportOptions], bytes]

_BUILTIN = ("html", "pdf", "md", "json", "csv", "xlsx")  # display order; pdf only when registered
_registered: dict[str, Renderer] = {}


# The last result's report content: exporting one result in several formats (the Export
# menu, the benchmark) lays it out once. Keyed by identity.
_last: tuple[ComparisonResult, ReportContent] | None = None


def report_content(result: ComparisonResult) -> ReportContent:
    """Return the format-neutral content of a result's report (cached for the last result)."""
    global _last
    from analysis.reports.build import build_content

    if _last is None or _last[0] is not result:
        _last = None  # let the previous result's content go before building the next
        _last = (result, build_content(result))
    return _last[1]


def _render_json(result: ComparisonResult, _options: ReportOptions) -> bytes:
    # No indentation: json's C encoder only runs without it (10x faster on big results).
    # Section by section and, inside a section, a slice of a list at a time: the same bytes
    # as json.dumps of the whole dict, while a 1,000-article result's text (400 MB) is
    # never held twice (as text and as bytes) nor joined from parts.
    out = io.BytesIO()
    head = "{"
    for key, value in result_json_items(result):
        out.write(f"{head}{json.dumps(key)}: ".encode())
        for chunk in json_chunks(value):
            out.write(chunk.encode("utf-8"))
        head = ", "
        del value
    out.write(b"}\n" if head == ", " else b"{}\n")
    return out.getvalue()


_SLICE = 64  # list items encoded together by the C encoder


def json_chunks(value: object, depth: int = 3) -> Iterator[str]:
    """Yield pieces of ``json.dumps(value, ensure_ascii=False)`` that join to exactly it.

    Dictionaries with string keys and lists are opened ``depth`` levels deep; a list's
    items are encoded :data:`_SLICE` at a time (json separates items with ``", "`` and
    keys from values with ``": "``, as here).
    """
    if depth and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield f"{', ' if i else ''}{json.dumps(key, ensure_ascii=False)}: "
            yield from json_chunks(item, depth - 1)
        yield "}"
    elif depth and isinstance(value, list | tuple) and value:
        yield "["
        for start in range(0, len(value), _SLICE):
            part = json.dumps(list(value[start : start + _SLICE]), ensure_ascii=False)
            yield (", " if start else "") + part[1:-1]
        yield "]"
    else:
        yield json.dumps(value, ensure_ascii=False)


def _render_html(result: ComparisonResult, _options: ReportOptions) -> bytes:
    from analysis.reports.html import render_html

    return render_html(report_content(result)).encode("utf-8")


def _render_md(result: ComparisonResult, _options: ReportOptions) -> bytes:
    from analysis.reports.markdown import render_markdown

    return render_markdown(report_content(result)).encode("utf-8")


def _render_csv(result: ComparisonResult, _options: ReportOptions) -> bytes:
    from analysis.reports.csvzip import render_csv_zip

    return render_csv_zip(report_content(result))


def _render_xlsx(result: ComparisonResult, _options: ReportOptions) -> bytes:
    from analysis.reports.xlsx import render_xlsx

    return render_xlsx(report_content(result))


_RENDERERS: dict[str, Renderer] = {
    "html": _render_html,
    "md": _render_md,
    "json": _render_json,
    "csv": _render_csv,
    "xlsx": _render_xlsx,
}


def formats() -> tuple[str, ...]:
    """Return the formats that work now (built-in ones plus registered ones)."""
    known = {**_RENDERERS, **_registered}
    ordered = [f for f in _BUILTIN if f in known]
    return (*ordered, *sorted(f for f in known if f not in _BUILTIN))


FORMATS = formats()


def register_renderer(fmt: str, renderer: Renderer) -> None:
    """Add (or replace) the renderer of a format, e.g. ``"pdf"`` from the desktop side.

    Updates :data:`FORMATS`; read it as ``analysis.reports.FORMATS`` after registering.
    """
    global FORMATS
    _registered[fmt] = renderer
    FORMATS = formats()


def render_report(result: ComparisonResult, fmt: str, *, paper: str = "a4") -> bytes:
    """Render a result in one of :data:`FORMATS`.

    Args:
        result: The comparison.
        fmt: ``html``, ``md``, ``json``, ``csv`` (a zip of CSV files), ``xlsx`` (one sheet
            per table) or a registered one.
        paper: Page size of paged formats (``a4`` or ``letter``).

    Raises:
        ReportError: For an unknown format or paper size, or when rendering fails.
    """
    renderer = _registered.get(fmt) or _RENDERERS.get(fmt)
    if renderer is None:
        hint = " (PDF is made by the desktop part of Slant)" if fmt == "pdf" else ""
        raise ReportError(f"Unknown report format '{fmt}'{hint}.", code="report.format")
    if paper not in PAPER_SIZES:
        raise ReportError(f"Unknown paper size '{paper}'; use a4 or letter.", code="report.paper")
    with paused_gc():
        return renderer(result, ReportOptions(paper=paper))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off Python's cycle collector while a report is built and rendered.

    A report is millions of small frozen values without reference cycles; each full
    collection walks them all, for nothing (at 1,000 articles that was 8 of 21 s of the
    content build). Reference counting still frees everything as usual; the collector is
    switched back on (if it was on) when the block ends.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def write_report(
    result: ComparisonResult, fmt: str, path: Path | None, *, paper: str = "a4"
) -> None:
    """Render and write a report atomically, or to stdout when ``path`` is None."""
    data = render_report(result, fmt, paper=paper)
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with :func:`analysis.atomic.atomic_write`.

    A regular file is replaced atomically, a symbolic link is written through, a FIFO or
    device (``-o /dev/stdout``) is written into.

    Raises:
        ReportError: When the folder is missing or not writable, or the path is a folder.
    """
    try:
        atomic_write(path, data)
    except OSError as exc:
        reason = exc.strerror or "input/output error"
        raise ReportError(
            f"cannot write {display_path(path)} ({reason}).", code="report.write"
        ) from exc
