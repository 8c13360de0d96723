"""Rendering a comparison result to files: HTML, Markdown, JSON, CSV (zip), XLSX, PDF.

All formats render the same :class:`~analysis.reports.content.ReportContent`, so they never
disagree. Formats that need Qt (PDF) cannot live in this Qt-free package: the desktop side
calls :func:`register_renderer` at start-up, and :data:`FORMATS` then lists them too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
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
        _last = (result, build_content(result))
    return _last[1]


def _render_json(result: ComparisonResult, _options: ReportOptions) -> bytes:
    # No indentation: json's C encoder only runs without it (10x faster on big results).
    # Section by section, the same bytes as json.dumps of the whole dict: a 1,000-article
    # result's JSON form is gigabytes of Python objects, its text 400 MB.
    parts: list[bytes] = []
    for key, value in result_json_items(result):
        head = "{" if not parts else ", "
        text = f"{head}{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        parts.append(text.encode("utf-8"))
        del value, text
    parts.append(b"}\n" if parts else b"{}\n")
    return b"".join(parts)


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
    return renderer(result, ReportOptions(paper=paper))


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
