"""Slant project files (``.slant``): versioned JSON holding everything needed to reopen offline.

A project holds the articles (full text and metadata, so no source has to be fetched again),
each article's display colour, and the comparison settings. The file is UTF-8 JSON::

    {"format": "slant-project", "schema_version": 1, "generator": "Slant 0.1.0",
     "settings": {...}, "articles": [{"article": {...}, "colour": "#1f77b4"}, ...]}

Saving is atomic (a temporary file in the same folder, then :func:`os.replace`), so a crash
never leaves a half-written project. Loading checks the format marker and the schema
version: a corrupt file, or one written by a newer Slant, raises :class:`ProjectError`
with one sentence for the user and changes nothing. Older files are brought up to date by
the functions in :data:`MIGRATIONS`, one per schema bump.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import __version__
from analysis.atomic import atomic_write
from analysis.errors import ProjectError, SettingsError
from analysis.jsonio import SCHEMA_VERSION as RESULT_SCHEMA_VERSION
from analysis.jsonio import (
    article_from_json,
    article_to_json,
    settings_from_json,
    settings_to_json,
)
from analysis.model import Article
from analysis.safeio import FileRefused, read_regular_file
from analysis.settings import CompareSettings
from analysis.terminal import display_path

__all__ = [
    "MAX_PROJECT_BYTES",
    "MIGRATIONS",
    "PROJECT_FORMAT",
    "PROJECT_SCHEMA_VERSION",
    "PROJECT_SUFFIX",
    "Project",
    "ProjectArticle",
    "load_project",
    "migrate_project",
    "project_from_json",
    "project_to_json",
    "save_project",
]

PROJECT_FORMAT = "slant-project"
PROJECT_SCHEMA_VERSION = 1
PROJECT_SUFFIX = ".slant"
MAX_PROJECT_BYTES = 500_000_000  # 1,000 articles of 20 MB would not fit: a bound, not a goal
_MAX_DIGITS = 30  # no count or offset Slant writes comes near this
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: ``MIGRATIONS[n]`` turns a schema-``n`` document into a schema-``n + 1`` one. Empty while
#: the schema is at version 1; the next bump adds ``MIGRATIONS[1]`` and a fixture of the
#: old file in ``tests/analysis/data/``.
MIGRATIONS: dict[int, Migration] = {}


@dataclass(frozen=True, slots=True)
class ProjectArticle:
    """One article of a project with its display colour (``#rrggbb``, or None for automatic)."""

    article: Article
    colour: str | None = None


@dataclass(frozen=True, slots=True)
class Project:
    """The content of a ``.slant`` file: articles in the user's order, colours and settings."""

    entries: tuple[ProjectArticle, ...] = ()
    settings: CompareSettings = field(default_factory=CompareSettings)

    @classmethod
    def from_articles(
        cls,
        articles: tuple[Article, ...],
        settings: CompareSettings | None = None,
        colours: Mapping[str, str] | None = None,
    ) -> Project:
        """Build a project from articles, with optional colours keyed by article id."""
        picked = colours or {}
        entries = tuple(ProjectArticle(a, picked.get(a.id)) for a in articles)
        return cls(entries=entries, settings=settings or CompareSettings())

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles in order."""
        return tuple(e.article for e in self.entries)


def project_to_json(project: Project) -> dict[str, Any]:
    """Return the project as a JSON-ready dict at the current schema version."""
    return {
        "format": PROJECT_FORMAT,
        "schema_version": PROJECT_SCHEMA_VERSION,
        "generator": f"Slant {__version__}",
        "settings": settings_to_json(project.settings),
        "articles": [
            {"article": article_to_json(e.article), "colour": e.colour} for e in project.entries
        ],
    }


def project_from_json(data: Any) -> Project:
    """Rebuild a project from parsed JSON, migrating older schema versions.

    A complete comparison result (``slant compare --format json``, File ▸ Export ▸ JSON) is
    accepted too: its articles and settings become the project, so exported results reopen.

    Raises:
        ProjectError: When the data is not a Slant project, is malformed, or is newer.
    """
    if _is_result(data):
        return _project_from_result(data)
    doc = migrate_project(data)
    raw_entries = doc.get("articles")
    if not isinstance(raw_entries, list):
        raise ProjectError("The project file has no list of articles.", code="project.corrupt")
    entries = tuple(_entry_from_json(item) for item in raw_entries)
    if len({e.article.id for e in entries}) != len(entries):
        raise ProjectError("The project lists the same article twice.", code="project.corrupt")
    settings_data = doc.get("settings") or {}
    if not isinstance(settings_data, Mapping):
        raise ProjectError("The project's settings are malformed.", code="project.corrupt")
    return Project(entries=entries, settings=_settings(settings_data, "project"))


def _is_result(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and "format" not in data
        and str(data.get("generator", "")).startswith("Slant")
        and isinstance(data.get("articles"), list)
    )


def _project_from_result(data: dict[str, Any]) -> Project:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError("The result file has no valid schema version.", code="project.corrupt")
    if version > RESULT_SCHEMA_VERSION:
        raise ProjectError(
            f"This result was written by a newer Slant (schema {version}); please update Slant.",
            code="project.newer",
        )
    entries = tuple(_entry_from_json({"article": item}) for item in data["articles"])
    if len({e.article.id for e in entries}) != len(entries):
        raise ProjectError("The result lists the same article twice.", code="project.corrupt")
    settings = data.get("settings") or {}
    if not isinstance(settings, Mapping):
        raise ProjectError("The result's settings are malformed.", code="project.corrupt")
    return Project(entries=entries, settings=_settings(settings, "result"))


def _settings(data: Mapping[str, Any], what: str) -> CompareSettings:
    """The file's settings through the validated schema; a bad one is named in the message."""
    try:
        return settings_from_json(data)
    except SettingsError as exc:
        raise ProjectError(
            f"The {what} cannot be opened: {exc.message[:1].lower()}{exc.message[1:]}",
            code="project.settings",
        ) from exc


def migrate_project(data: Any) -> dict[str, Any]:
    """Check the format marker and version, then apply :data:`MIGRATIONS` up to the current one.

    Raises:
        ProjectError: For something that is not a Slant project, or a newer schema.
    """
    if not isinstance(data, dict) or data.get("format") != PROJECT_FORMAT:
        raise ProjectError("This file is not a Slant project.", code="project.not_project")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError("The project file has no valid schema version.", code="project.corrupt")
    if version > PROJECT_SCHEMA_VERSION:
        raise ProjectError(
            f"This project was saved by a newer Slant (schema {version}); please update Slant.",
            code="project.newer",
        )
    doc = dict(data)
    while version < PROJECT_SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema_version"] = version
    return doc


def save_project(project: Project, path: Path) -> None:
    """Write the project atomically (:func:`analysis.atomic.atomic_write`).

    The JSON is encoded before any file is touched, so text that cannot be saved leaves
    neither a changed project nor a temporary file behind.

    Raises:
        ProjectError: When the folder is missing or not writable (the old file stays
            intact), or the project holds text that is not valid Unicode.
    """
    text = json.dumps(project_to_json(project), ensure_ascii=False, indent=1) + "\n"
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProjectError(
            "Cannot save the project: an article holds text that is not valid Unicode.",
            code="project.encoding",
        ) from exc
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise ProjectError(
            f"Cannot save the project to {display_path(path)} ({exc.strerror}).",
            code="project.write",
        ) from exc


def load_project(path: Path) -> Project:
    """Read a ``.slant`` file (or an exported JSON result) safely.

    The file is opened with :func:`analysis.safeio.read_regular_file` (no pipes, devices or
    files over :data:`MAX_PROJECT_BYTES`) and parsed strictly: numbers of more than a few
    dozen digits, ``Infinity``/``NaN``, nesting too deep for the parser and text that is not
    valid Unicode are refused with one sentence, like every other defect.

    Raises:
        ProjectError: When the file cannot be read, is not valid JSON, is not a Slant
            project, is malformed, or was written by a newer Slant.
    """
    try:
        raw = read_regular_file(path, MAX_PROJECT_BYTES)
    except FileRefused as exc:
        raise ProjectError(
            f"Cannot read the project {display_path(path)}: {exc.reason}",
            code="project.unreadable",
        ) from exc
    return project_from_json(_strict_json(raw))


def _strict_json(raw: bytes) -> Any:
    """Parse JSON, refusing what Python's parser would let through or choke on."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant, parse_int=_bounded_int)
    except UnicodeDecodeError as exc:
        raise _damaged("it is not UTF-8 text") from exc
    except RecursionError as exc:
        raise _damaged("it is nested too deeply") from exc
    except _Refused as exc:
        raise _damaged(str(exc)) from exc
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise _damaged("it is not valid JSON") from exc


class _Refused(ValueError):
    """A JSON value Slant never writes (raised from inside the parser)."""


def _no_constant(name: str) -> Any:
    raise _Refused(f"it holds {name}, which is not a number Slant writes")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _Refused(f"it holds a number of {len(digits):,} digits")
    return int(digits)


def _damaged(why: str) -> ProjectError:
    return ProjectError(f"The project file is damaged ({why}).", code="project.corrupt")


def _entry_from_json(item: Any) -> ProjectArticle:
    if not isinstance(item, Mapping) or not isinstance(item.get("article"), Mapping):
        raise ProjectError("An article entry of the project is malformed.", code="project.corrupt")
    article = article_from_json(item["article"])
    if hashlib.sha256(article.text.encode("utf-8")).hexdigest() != article.sha256:
        raise ProjectError(
            f"The text of article {article.id} in the project was altered or damaged.",
            code="project.corrupt",
        )
    colour = item.get("colour")
    if colour is not None and not (isinstance(colour, str) and _COLOUR.match(colour)):
        colour = None  # a bad colour is cosmetic: fall back to automatic rather than refuse
    return ProjectArticle(article=article, colour=colour)
