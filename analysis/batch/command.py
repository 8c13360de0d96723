"""``slant batch SOURCES... -o DIR``: the command-line side of a batch run.

Sources are files, folders (their article files, sorted), URLs or ``-``. Each source that
fails prints ``slant: SOURCE: reason`` and is listed in the index; each failed event prints
``slant: event-N (...): reason``. Exit 0 when every event went through, 1 when some event
failed or nothing loaded, 2 on usage errors.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analysis.errors import SlantError
from analysis.events.values import GroupingSettings
from analysis.model import Article

__all__ = ["add_batch_parser", "run_batch_command"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_DEFAULT_WINDOW = GroupingSettings().date_window_days
_ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".docx", ".pdf"}


def add_batch_parser(
    sub: Any, timeout_type: Callable[[str], float], timeout_help: str
) -> argparse.ArgumentParser:
    """Add the ``batch`` subcommand to the CLI's subparsers and return its parser."""
    bat = sub.add_parser("batch", help="group many articles into events and compare each")
    bat.add_argument("sources", nargs="+", help="files, folders, URLs, or - for standard input")
    bat.add_argument("-o", "--output", required=True, help="folder for the reports and index")
    bat.add_argument("--format", default="html", help="report format: html, pdf, md, json, csv")
    bat.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF page size")
    bat.add_argument("--ratings", help="CSV of domain, outlet, lean (your own outlet ratings)")
    bat.add_argument(
        "--columns",
        metavar="MAP",
        help="columns of .csv/.jsonl sources, e.g. text=body,outlet=media_name",
    )
    bat.add_argument(
        "--date-window",
        type=_days,
        default=_DEFAULT_WINDOW,
        metavar="DAYS",
        help=f"longest span of dates in one event (default {_DEFAULT_WINDOW}; 'none': no dates)",
    )
    bat.add_argument(
        "--dask", metavar="ADDRESS", help="compare events on Dask: 'local' or a scheduler address"
    )
    bat.add_argument("--timeout", type=timeout_type, default=20.0, help=timeout_help)
    parser: argparse.ArgumentParser = bat
    return parser


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
    from analysis.cli_support import StderrProgress

    fmt = _format(args.format, say)
    if fmt is None:
        return EXIT_USAGE

    progress = StderrProgress(quiet=args.quiet, verbose=args.verbose)

    def tell(message: str) -> None:
        progress.done()  # the message gets its own clean line; the bar redraws after it
        say(message)

    ratings = _ratings(args.ratings, tell) if args.ratings else None
    try:
        articles, skipped = _load(args.sources, args.timeout, tell, progress, args.columns)
    finally:
        progress.done()
    if not articles:
        say("no article loaded; nothing to group.")
        return EXIT_FAILED
    failures: list[str] = []

    def problem(message: str) -> None:
        failures.append(message)
        tell(message)

    options = BatchOptions(
        fmt=fmt,
        paper=args.paper,
        grouping=GroupingSettings(date_window_days=args.date_window),
        dask=args.dask,
    )
    try:
        result = run_batch(
            articles,
            Path(args.output),
            options,
            ratings=ratings,
            skipped_sources=skipped,
            on_problem=problem,
            progress=progress,
        )
    finally:
        progress.done()
    if not args.quiet:
        compared = sum(1 for o in result.outcomes if o.report)
        events = f"{len(result.grouping.events)} events ({compared} compared, "
        print(
            f"{events}{len(failures)} failed) from {len(articles)} articles; "
            f"index at {Path(args.output) / 'index.html'}"
        )
    return EXIT_FAILED if failures else EXIT_OK


def _format(given: str, say: Callable[[str], None]) -> str | None:
    from analysis.reports import formats

    fmt = given.lower()
    fmt = {"markdown": "md", "htm": "html", "zip": "csv"}.get(fmt, fmt)
    if fmt not in formats():
        say(f"unknown format '{given}'; choose one of {', '.join(formats())}.")
        return None
    return fmt


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
    sources: Sequence[str],
    timeout: float,
    say: Callable[[str], None],
    progress: Callable[[float, str], None],
    columns: str | None = None,
) -> tuple[list[Article], list[tuple[str, str]]]:
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    expanded = _expand(sources)
    for number, source in enumerate(expanded, start=1):
        progress(0.0, f"Loading source {number} of {len(expanded)}")
        try:
            loaded = _load_one(source, timeout, say, columns)
        except SlantError as exc:
            say(f"{source}: {exc}")
            skipped.append((source, str(exc)))
            continue
        for article in loaded:
            if article.id not in seen:
                seen[article.id] = article.source
                articles.append(article)
                continue
            reason = f"same text as {seen[article.id]}; loaded once."
            say(f"{article.source}: {reason}")
            skipped.append((article.source, reason))
    return articles, skipped


def _load_one(
    source: str, timeout: float, say: Callable[[str], None], columns: str | None
) -> tuple[Article, ...]:
    """One source's articles: a CSV or JSONL table gives one per row (bad rows are said)."""
    from analysis.ingest import load_source
    from analysis.ingest.table import is_table, load_table, parse_columns

    if not is_table(source):
        return (load_source(source, timeout=timeout),)
    table = load_table(source, columns=parse_columns(columns or ""))
    for problem in table.problems:
        say(f"{source}: {problem}")
    return table.articles
