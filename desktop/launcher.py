"""The ``slant`` console entry point: the GUI without arguments or with ``open``; else the CLI.

Anything else goes to the command-line parser, so a mistyped command or option is a usage
error (exit 2) on standard error, never a window opened on the mistaken text.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the command line or the desktop app; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    _register_report_formats()
    if args and args[0] != "open":
        from analysis.cli import main as cli_main

        return cli_main(args)
    if args:
        from analysis.cli import parse_open

        try:
            sources = parse_open(args[1:])  # --help and bad options end here (exit 0 or 2)
        except SystemExit as done:
            return int(done.code or 0)
    else:
        sources = []
    try:
        from desktop.app import run
    except ImportError as exc:  # e.g. Qt's system libraries are missing on a server
        sys.stderr.write(
            f"slant: the desktop app cannot start ({exc}); "
            "the command line still works, see 'slant --help'.\n"
        )
        return 1
    return int(run(sources))


def _register_report_formats() -> None:
    """Lend the Qt-based PDF renderer to the Qt-free reports package (CLI and Export menu).

    Qt is imported only when a PDF is actually rendered, so the CLI starts fast.
    """
    from analysis.reports import ReportOptions, register_renderer
    from analysis.result import ComparisonResult

    def pdf(result: ComparisonResult, options: ReportOptions) -> bytes:
        from desktop.pdf_report import render_pdf

        return render_pdf(result, options)

    register_renderer("pdf", pdf)


if __name__ == "__main__":
    raise SystemExit(main())
