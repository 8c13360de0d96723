"""The ``slant`` command line: ``inspect``, ``compare`` and the arguments of ``open``.

User errors print one line ``slant: …`` on stderr and exit non-zero; an unexpected
internal error prints one line naming the log file that holds the traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import __version__
from analysis.cli_support import StderrProgress, UsageProblem, check_output, pair_outlets
from analysis.errors import SlantError
from analysis.model import Article
from analysis.terminal import printable

if TYPE_CHECKING:
    from analysis.ratings import Ratings

__all__ = ["build_parser", "main", "parse_open"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
REPORT_FORMATS = ("json", "md")  # extended by the reports package as formats land

log = logging.getLogger("slant")
_TIMEOUT_HELP = "seconds allowed for downloading a web page (default and most 20)"
MAX_TIMEOUT = 20.0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"slant: {message} (see 'slant --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = _Parser(prog="slant", description="Compare how news outlets slant one story.")
    parser.add_argument("--version", action="version", version=f"Slant {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    ins = sub.add_parser("inspect", help="load one article and describe it")
    ins.add_argument("source", help="file, URL, or - for standard input")
    ins.add_argument("--json", action="store_true", help="print the article as JSON")
    ins.add_argument("--outlet", help="override the outlet name")
    ins.add_argument("--timeout", type=_timeout, default=MAX_TIMEOUT, help=_TIMEOUT_HELP)
    _add_noise_options(ins)
    cmp_ = sub.add_parser("compare", help="compare two or more articles")
    cmp_.add_argument(
        "sources", nargs="*", help="files, URLs, or - for standard input; SOURCE=Outlet names it"
    )
    cmp_.add_argument("--sample", action="store_true", help="use the built-in sample")
    cmp_.add_argument(
        "--outlet", action="append", default=[], help="outlet of the next source (repeatable)"
    )
    cmp_.add_argument(
        "-o", "--output", help="write the result here, - for standard output (format from name)"
    )
    cmp_.add_argument("--format", help="json, html, pdf, md, csv (a zip) or xlsx")
    cmp_.add_argument(
        "--columns",
        metavar="MAP",
        help="columns of .csv/.jsonl sources, e.g. text=body,outlet=media_name",
    )
    cmp_.add_argument("--lexicons", metavar="DIR", help="folder of your own *.toml lexicons")
    cmp_.add_argument("--settings", metavar="FILE", help="comparison settings (JSON or TOML)")
    cmp_.add_argument(
        "--ratings", metavar="FILE", help="CSV of domain, outlet, lean (your own outlet ratings)"
    )
    _add_noise_options(cmp_)
    cmp_.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="PDF page size (default a4)"
    )
    cmp_.add_argument("--timeout", type=_timeout, default=MAX_TIMEOUT, help=_TIMEOUT_HELP)
    from analysis.batch.command import add_batch_parser

    _add_noise_options(add_batch_parser(sub, _timeout, _TIMEOUT_HELP))
    sub.add_parser("open", help="open the desktop app with these sources").add_argument(
        "sources", nargs="*", help="files, URLs or a .slant project"
    )
    return parser


def _add_noise_options(parser: argparse.ArgumentParser) -> None:
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument(
        "-v", "--verbose", action="store_true", help="say what is done, step by step"
    )


def parse_open(argv: Sequence[str]) -> list[str]:
    """Check the arguments of ``slant open`` and return its sources.

    ``--help`` prints the help and exits 0; an unknown option exits 2 with a usage error.
    """
    args = build_parser().parse_args(["open", *argv])
    return list(args.sources)


def _timeout(value: str) -> float:
    """Parse ``--timeout``: seconds, more than 0 and at most :data:`MAX_TIMEOUT`."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= MAX_TIMEOUT:  # NaN fails this too
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a number of seconds above 0 and at most {MAX_TIMEOUT:g}"
        )
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        if args.command == "inspect":
            return _inspect(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "batch":
            from analysis.batch.command import run_batch_command

            return run_batch_command(args, _say)
        if args.command == "open":
            _say("'open' starts the desktop app: run it as 'slant open SOURCES'.")
            return EXIT_USAGE
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    except UsageProblem as exc:
        _say(str(exc))
        return EXIT_USAGE
    except SlantError as exc:
        _say(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("interrupted.")
        return EXIT_FAILED
    except BrokenPipeError:
        return _broken_pipe()
    except Exception:  # the one place that turns internal errors into one line
        path = _write_crash_log()
        _say(f"internal error; the details are in {path}")
        return EXIT_FAILED


def _inspect(args: argparse.Namespace) -> int:
    from analysis.ingest import load_source
    from analysis.jsonio import article_to_json

    try:
        article = load_source(args.source, outlet=args.outlet, timeout=args.timeout)
    except SlantError as exc:
        _say(f"{args.source}: {exc}")
        return EXIT_FAILED
    if args.json:
        print(json.dumps(article_to_json(article), ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = [
        ("Outlet", article.outlet),
        ("Title", article.title),
        ("Date", article.date or "unknown"),
        ("URL", article.url or "-"),
        ("Author", article.author or "-"),
        ("Words", str(article.word_count)),
        ("Paragraphs", str(len(article.paragraphs))),
        ("Sentences", str(len(article.sentences))),
        ("Id", article.id),
    ]
    for key, value in rows:
        print(f"{key + ':':<12}{value}")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from analysis.cli_support import read_settings

    fmt = _pick_format(args.format, args.output)
    if fmt is None:
        return EXIT_USAGE
    if not args.sources and not args.sample:
        _say("compare needs two or more sources, or --sample.")
        return EXIT_USAGE
    output = check_output(args.output, fmt)
    pairs = pair_outlets(args.sources, args.outlet)
    settings = read_settings(args.settings, args.lexicons)
    ratings = _ratings(args.ratings)
    progress = StderrProgress(quiet=args.quiet, verbose=args.verbose)
    try:
        articles = _load_all(
            pairs,
            args.sample,
            args.timeout,
            progress=progress,
            quiet=args.quiet,
            columns=args.columns,
        )
        if len(articles) < 2:
            _say(f"only {len(articles)} article(s) loaded; comparing needs at least two.")
            return EXIT_FAILED
        from analysis.pipeline import compare
        from analysis.reports import write_report

        result = compare(articles, settings, progress=progress, ratings=ratings)
    finally:
        progress.done()
    for problem in result.terms.errors if result.terms is not None else ():
        if not args.quiet:
            _say(f"{problem.source}: {problem.message}")
    write_report(result, fmt, Path(output) if output else None, paper=args.paper)
    if args.verbose and output:
        _say(f"wrote {output}")
    return EXIT_OK


def _ratings(path: str | None) -> Ratings | None:
    """The ``--ratings`` file; each row it skips is one line on stderr."""
    if path is None:
        return None
    from analysis.ratings import load_ratings

    ratings = load_ratings(path)  # a RatingsError stops the run: the user asked for them
    for problem in ratings.problems:
        _say(problem)
    return ratings


def _pick_format(given: str | None, output: str | None) -> str | None:
    from analysis.reports import FORMATS

    named = output if output and output != "-" else ""
    fmt = (given or (Path(named).suffix.lstrip(".") if named else "") or "json").lower()
    fmt = {"markdown": "md", "htm": "html", "zip": "csv"}.get(fmt, fmt)
    if fmt not in FORMATS:
        _say(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}.")
        return None
    return fmt


def _load_all(
    sources: Sequence[tuple[str, str | None]],
    sample: bool,
    timeout: float = 20.0,
    *,
    progress: StderrProgress | None = None,
    quiet: bool = False,
    columns: str | None = None,
) -> list[Article]:
    from analysis.ingest import load_sample

    articles: list[Article] = list(load_sample()) if sample else []
    seen = {a.id: a.source for a in articles}
    for number, (source, outlet) in enumerate(sources, start=1):
        if progress is not None:
            progress(0.0, f"Loading source {number} of {len(sources)}")
        try:
            loaded = _load_one(source, outlet, timeout, columns, quiet, progress)
        except SlantError as exc:
            _say(f"{source}: {exc}", progress)
            continue
        for article in loaded:
            if article.id in seen:
                if not quiet:
                    _say(
                        f"{article.source}: same text as {seen[article.id]}; loaded once.", progress
                    )
                continue
            seen[article.id] = article.source
            articles.append(article)
    return articles


def _load_one(
    source: str,
    outlet: str | None,
    timeout: float,
    columns: str | None,
    quiet: bool,
    progress: StderrProgress | None,
) -> tuple[Article, ...]:
    """One source's articles: a table file (CSV, JSONL) gives one per row."""
    from analysis.ingest import load_source
    from analysis.ingest.table import is_table, load_table, parse_columns

    if not is_table(source):
        return (load_source(source, outlet=outlet, timeout=timeout),)
    table = load_table(source, columns=parse_columns(columns or ""), outlet=outlet)
    for problem in table.problems if not quiet else ():
        _say(f"{source}: {problem}", progress)
    return table.articles


def _say(message: str, progress: StderrProgress | None = None) -> None:
    if progress is not None:
        progress.done()  # the message gets its own clean line; the bar redraws after it
    # file names, URLs and server words come from outside: never raw escapes or newlines
    print(f"slant: {printable(message, 2000)}", file=sys.stderr)


def _broken_pipe() -> int:
    """``slant inspect … | head`` closed the pipe: stop quietly, as other tools do."""
    try:  # point stdout at /dev/null so Python's final flush raises nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_FAILED


def _write_crash_log() -> str:
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir("slant", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "slant-crash.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return str(path)
    except OSError:
        pass
    try:  # a private, unpredictable file: a fixed /tmp name could be a planted symlink
        fd, name = tempfile.mkstemp(prefix="slant-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    except OSError:
        return "(the log could not be written)"
    return name
