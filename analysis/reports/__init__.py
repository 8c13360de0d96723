"""Rendering a comparison result to files: JSON, Markdown, and (as they land) HTML, PDF, CSV."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from analysis.errors import ReportError
from analysis.jsonio import result_to_json
from analysis.result import ComparisonResult

__all__ = ["FORMATS", "atomic_write_bytes", "render_report", "write_report"]

FORMATS = ("json", "md")


def render_report(result: ComparisonResult, fmt: str) -> bytes:
    """Render a result in one of :data:`FORMATS`.

    Raises:
        ReportError: For an unknown format.
    """
    if fmt == "json":
        text = json.dumps(result_to_json(result), ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")
    if fmt == "md":
        return _markdown_summary(result).encode("utf-8")
    raise ReportError(f"Unknown report format '{fmt}'.", code="report.format")


def write_report(result: ComparisonResult, fmt: str, path: Path | None) -> None:
    """Render and write a report atomically, or to stdout when ``path`` is None."""
    data = render_report(result, fmt)
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Raises:
        ReportError: When the folder is missing or not writable.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError(f"cannot write {path} ({exc.strerror}).", code="report.write") from exc


def _markdown_summary(result: ComparisonResult) -> str:
    lines = ["# Slant comparison", "", "| Outlet | Headline | Date | Words |", "|---|---|---|---|"]
    for art in result.articles:
        lines.append(f"| {art.outlet} | {art.title} | {art.date or ''} | {art.word_count} |")
    return "\n".join(lines) + "\n"
