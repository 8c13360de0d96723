"""``slant batch SOURCES... -o DIR``: the command-line side of a batch run.

Sources are files, folders (their article files, sorted), URLs or ``-``. Each source that
fails prints ``slant: SOURCE: reason`` and is listed in the index; each failed event prints
``slant: event-N (...): reason``. Exit 0 when every event went through, 1 when some event
failed or nothing loaded, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analysis.errors import SlantError
from analysis.model import Article

__all__ = ["add_batch_parser", "run_batch_command"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json"}


def add_batch_parser(sub: Any, timeout_type: Callable[[str], float], timeout_help: str) -> None:
    """Add the ``batch`` subcommand to the CLI's subparsers."""
    bat = sub.add_parser("batch", help="group many articles into events and compare each")
    bat.add_argument("sources", nargs="+", help="files, folders, URLs, or - for standard input")
    bat.add_argument("-o", "--output", required=True, help="folder for the reports and index")
    bat.add_argument("--format", default="html", help="report format: html, pdf, md, json, csv")
    bat.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF page size")
    bat.add_argument("--ratings", help="CSV of domain, outlet, lean (your own outlet ratings)")
    bat.add_argument(
        "--date-window",
        type=_days,
        default=7,
        metavar="DAYS",
        help="longest span of dates in one event (default 7; 'none' ignores dates)",
    )
    bat.add_argument(
        "--dask", metavar="ADDRESS", help="compare events on Dask: 'local' or a scheduler address"
    )
    bat.add_argument("--timeout", type=timeout_type, default=20.0, help=timeout_help)


def _days(value: str) -> int | None:
    if value.strip().lower() == "none":
        return None
    try:
        days = int(value)
    except ValueError:
        days = -1
    if not 0 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of days from 0 to 36500")
    return days


def run_batch_command(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    """Run ``slant batch``; ``say`` prints one ``slant: …`` line on stderr."""
    from analysis.batch.run import BatchOptions, run_batch
    from analysis.events import GroupingSettings
    from analysis.reports import formats

    fmt = {"markdown": "md", "htm": "html", "zip": "csv"}.get(args.format.lower(), args.format)
    fmt = fmt.lower()
    if fmt not in formats():
        say(f"unknown format '{args.format}'; choose one of {', '.join(formats())}.")
        return EXIT_USAGE
    ratings = _ratings(args.ratings, say) if args.ratings else None
    articles, skipped = _load(args.sources, args.timeout, say)
    if not articles:
        say("no article loaded; nothing to group.")
        return EXIT_FAILED
    failures: list[str] = []

    def problem(message: str) -> None:
        failures.append(message)
        say(message)

    options = BatchOptions(
        fmt=fmt,
        paper=args.paper,
        grouping=GroupingSettings(date_window_days=args.date_window),
        dask=args.dask,
    )
    printer = _Progress() if sys.stderr.isatty() else None
    try:
        result = run_batch(
            articles,
            Path(args.output),
            options,
            ratings=ratings,
            skipped_sources=skipped,
            on_problem=problem,
            progress=printer,
        )
    finally:
        if printer is not None:
            printer.finish()
    compared = sum(1 for o in result.outcomes if o.report)
    print(
        f"{len(result.grouping.events)} events ({compared} compared, {len(failures)} failed) "
        f"from {len(articles)} articles; index at {Path(args.output) / 'index.html'}"
    )
    return EXIT_FAILED if failures else EXIT_OK


def _ratings(path: str, say: Callable[[str], None]) -> Any:
    from analysis.ratings import load_ratings

    ratings = load_ratings(path)  # a RatingsError here stops the run: the user asked for them
    for problem in ratings.problems:
        say(problem)
    return ratings


def _expand(sources: Sequence[str]) -> list[str]:
    out: list[str] = []
    for source in sources:
        folder = Path(source)
        if source != "-" and "://" not in source and folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.suffix.lower() in _ARTICLE_SUFFIXES)
            out += [str(p) for p in files if p.is_file()]
        else:
            out.append(source)
    return out


def _load(
    sources: Sequence[str], timeout: float, say: Callable[[str], None]
) -> tuple[list[Article], list[tuple[str, str]]]:
    from analysis.ingest import load_source

    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for source in _expand(sources):
        try:
            article = load_source(source, timeout=timeout)
        except SlantError as exc:
            reason = str(exc)
        else:
            if article.id not in seen:
                seen[article.id] = source
                articles.append(article)
                continue
            reason = f"same text as {seen[article.id]}; loaded once."
        say(f"{source}: {reason}")
        skipped.append((source, reason))
    return articles, skipped


class _Progress:
    """One updating line on a terminal's stderr (never when stderr is a file or pipe)."""

    def __init__(self) -> None:
        self.shown = 0.0

    def __call__(self, fraction: float, label: str) -> None:
        now = time.monotonic()
        if now - self.shown < 0.2 and fraction < 1.0:
            return
        self.shown = now
        # Labels are the core's own step names and counts, never article text.
        sys.stderr.write(f"\r\x1b[Kslant: {100 * fraction:3.0f}% {label[:60]}")
        sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
