"""Conventions of the ``slant`` command line kept out of :mod:`analysis.cli`.

A progress bar on standard error (only when it is a terminal), the outlet of each source
(``SOURCE=Outlet Name`` or a repeatable ``--outlet``), the ``--settings`` file and the
checks on ``-o`` that keep a binary report off a terminal and a zip out of a ``.csv`` name.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from analysis.errors import SlantError
from analysis.settings import CompareSettings

__all__ = [
    "BINARY_FORMATS",
    "StderrProgress",
    "UsageProblem",
    "check_output",
    "pair_outlets",
    "read_settings",
]

#: Formats whose bytes are not text: never written to a terminal.
BINARY_FORMATS = frozenset({"pdf", "csv", "xlsx"})


class UsageProblem(SlantError):
    """A problem with the command's arguments: the CLI prints it and exits 2."""

    default_code = "cli.usage"


class StderrProgress:
    """A one-line progress bar on a terminal, or step lines with ``verbose``, or nothing.

    The bar is drawn only when the stream is a terminal, so logs and pipes stay clean.
    """

    WIDTH = 28

    def __init__(
        self, stream: TextIO | None = None, *, quiet: bool = False, verbose: bool = False
    ) -> None:
        self._stream = stream or sys.stderr
        tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._bar = tty and not quiet and not verbose
        self._lines = verbose and not quiet
        self._last: tuple[int, str] = (-1, "")
        self._drawn = False

    def __call__(self, fraction: float, label: str) -> None:
        """Show ``fraction`` (0..1) of the work done, with what is being done now."""
        percent = round(100 * min(1.0, max(0.0, fraction)))
        if (percent, label) == self._last:
            return
        changed_label = label != self._last[1]
        self._last = (percent, label)
        if self._lines and changed_label:
            self._stream.write(f"slant: {label}\n")
            self._stream.flush()
        if not self._bar:
            return
        filled = round(self.WIDTH * percent / 100)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self._stream.write(f"\r[{bar}] {percent:3d}% {label[:40]:<40}")
        self._stream.flush()
        self._drawn = True

    def done(self) -> None:
        """Clear the bar so the next message starts on a clean line."""
        if self._drawn:
            self._stream.write("\r" + " " * (self.WIDTH + 48) + "\r")
            self._stream.flush()
            self._drawn = False


def pair_outlets(sources: Sequence[str], outlets: Sequence[str]) -> list[tuple[str, str | None]]:
    """Return ``(source, outlet or None)`` for each source.

    A source written ``SOURCE=Outlet Name`` names its outlet; otherwise the ``--outlet``
    values go to the sources in order. A URL with a query string (``?a=b``) is never split:
    give its outlet with ``--outlet``.

    Raises:
        UsageProblem: With more ``--outlet`` values than sources, or when both ways are used.
    """
    pairs = [_split(source) for source in sources]
    if outlets:
        if any(outlet is not None for _, outlet in pairs):
            raise UsageProblem("give outlets either as SOURCE=Outlet or with --outlet, not both.")
        if len(outlets) > len(sources):
            raise UsageProblem(f"{len(outlets)} --outlet values for {len(sources)} source(s).")
        pairs = [(s, outlets[i] if i < len(outlets) else None) for i, (s, _) in enumerate(pairs)]
    return pairs


def _split(source: str) -> tuple[str, str | None]:
    if "=" not in source or source == "-" or Path(source).exists():
        return source, None
    left, outlet = source.rsplit("=", 1)
    is_url = left.startswith(("http://", "https://"))
    if not outlet.strip() or (is_url and "?" in left):
        return source, None
    if not (is_url or left == "-" or Path(left).exists() or "/" not in outlet):
        return source, None
    return left, outlet.strip()


def read_settings(path: str | None, lexicons: str | None) -> CompareSettings:
    """Return the comparison settings from a ``--settings`` file and ``--lexicons`` folder.

    The file is JSON or TOML holding ``alignment`` and ``terms`` tables, the shape of
    ``settings`` in a result file (``docs/report-schema.md``); missing keys keep defaults.

    Raises:
        UsageProblem: When the file or folder cannot be read or a value is refused.
    """
    settings = CompareSettings()
    if path is not None:
        settings = _settings_file(Path(path))
    if lexicons is not None:
        folder = Path(lexicons)
        if not folder.is_dir():
            raise UsageProblem(f"--lexicons {lexicons}: no such folder.")
        terms = replace(settings.terms, user_lexicon_dir=str(folder), use_user_lexicons=True)
        settings = replace(settings, terms=terms)
    return settings


def _settings_file(path: Path) -> CompareSettings:
    from analysis.jsonio import settings_from_json

    where = f"--settings {path}"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageProblem(f"{where}: cannot be read ({exc.strerror}).") from exc
    try:
        text = raw.decode("utf-8-sig")
        data: Any = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:  # JSON and TOML errors are ValueErrors
        kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
        raise UsageProblem(f"{where}: not valid {kind} ({_first_line(exc)}).") from exc
    if not isinstance(data, dict):
        raise UsageProblem(f"{where}: must hold a table with 'alignment' and 'terms'.")
    try:
        return settings_from_json(data)
    except SlantError as exc:
        raise UsageProblem(f"{where}: {exc}") from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise UsageProblem(f"{where}: a value has the wrong type ({_first_line(exc)}).") from exc


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def check_output(output: str | None, fmt: str) -> str | None:
    """Return where to write (None: standard output) after checking ``-o`` against the format.

    Raises:
        UsageProblem: For a CSV export named ``.csv`` (it is a zip), or a binary format
            bound for a terminal.
    """
    to_stdout = output is None or output == "-"
    if not to_stdout and fmt == "csv" and Path(str(output)).suffix.lower() == ".csv":
        zipped = str(Path(str(output)).with_suffix(".zip"))
        raise UsageProblem(
            f"the CSV export is a zip of one CSV file per table; name it {zipped} "
            "(or use --format xlsx for one workbook)."
        )
    if to_stdout and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise UsageProblem(f"a {fmt} report is binary; write it to a file with -o, or redirect.")
    return None if to_stdout else output
