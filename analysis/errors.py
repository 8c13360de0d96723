"""The exception tree of the Slant core.

Every error the core raises on purpose derives from :class:`SlantError` and carries a
stable, searchable ``code`` (``"load.empty"``, ``"lexicon.syntax"``, …) next to a message
that is one plain sentence a user can read. Front ends show ``str(error)``; tests and
translations key on ``code``.

::

    SlantError
    ├── LoadError            an article could not be loaded        (load.*)
    ├── LexiconError         a lexicon file is malformed           (lexicon.*)
    ├── ProjectError         a project/result file cannot be read  (project.*)
    ├── ReportError          a report could not be written         (report.*)
    ├── AnalysisError        the input cannot be analysed          (analysis.*)
    ├── SettingsError        a setting has the wrong type or range (settings.*)
    └── Cancelled            the caller asked long work to stop    (cancelled)
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "Cancelled",
    "LexiconError",
    "LoadError",
    "ProjectError",
    "ReportError",
    "SettingsError",
    "SlantError",
]


class SlantError(Exception):
    """Base of every deliberate error of the core.

    Args:
        message: One sentence for the user, without a trailing traceback or jargon.
        code: Stable machine-readable code; subclasses supply a default.
    """

    default_code = "slant"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code

    @property
    def message(self) -> str:
        """The one-sentence message given at construction."""
        return str(self.args[0]) if self.args else ""


class LoadError(SlantError):
    """An article source (file, URL, pasted text) could not be turned into an Article."""

    default_code = "load"


class LexiconError(SlantError):
    """A lexicon file is malformed; the message names the file and line."""

    default_code = "lexicon"


class ProjectError(SlantError):
    """A saved project or result file is corrupt, or from a newer Slant."""

    default_code = "project"


class ReportError(SlantError):
    """A report could not be rendered or written."""

    default_code = "report"


class AnalysisError(SlantError):
    """The input cannot be analysed as asked (for example, fewer than two articles)."""

    default_code = "analysis"


class SettingsError(SlantError):
    """A comparison setting has the wrong type or lies outside its range."""

    default_code = "settings.invalid"


class Cancelled(SlantError):
    """Raised by long-running core functions when ``is_cancelled()`` returns true."""

    default_code = "cancelled"

    def __init__(self, message: str = "The analysis was cancelled.") -> None:
        super().__init__(message)
