"""The provenance table: what produced a report, from which inputs, with which settings.

It lets a reader check a report: the Slant version, the time of analysis, every setting,
the lexicon and model versions, and each input's source and SHA-256 (hash the text yourself to see
that the report speaks about the same text).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from importlib.resources.abc import Traversable

from analysis import __version__
from analysis.jsonio import SCHEMA_VERSION
from analysis.present.tables import Cell, Table
from analysis.resources import resource
from analysis.result import ComparisonResult
from analysis.terms.report import TermReport
from analysis.text.context import model_description

__all__ = ["lexicon_versions", "model_versions", "provenance_table"]


def provenance_table(result: ComparisonResult) -> Table:
    """Return the provenance rows of a result: generator, settings, lexicons, inputs."""
    rows: list[tuple[Cell, ...]] = [
        (Cell("Generator"), Cell(f"Slant {__version__}")),
        (Cell("Schema version"), Cell(str(SCHEMA_VERSION))),
        (Cell("Time of analysis (UTC)"), Cell(result.created)),
    ]
    for key, value in _flatten("settings", result.settings):
        rows.append((Cell(key), Cell(value)))
    for name, version in lexicon_versions(result.terms):
        rows.append((Cell(f"lexicon {name}"), Cell(version)))
    if result.framing is not None:
        # The frame seeds are not user lexicons, so the terms section does not list them.
        name, version = _file_version(resource("lexicons", "frames", "policy_frames.toml"))
        rows.append((Cell(f"lexicon frames/{name}"), Cell(f"{version}, shipped with Slant")))
    rows.extend((Cell(name), Cell(value)) for name, value in model_versions(result))
    if result.leans is not None:  # the user's file: its name, never its contents
        rows.append((Cell("outlet ratings file"), Cell(result.leans.source)))
    for art in result.articles:
        label = f"input {art.outlet} ({art.id})"
        rows.append((Cell(label + " source"), Cell(art.source)))
        rows.append((Cell(label + " SHA-256"), Cell(art.sha256)))
    return Table(("Item", "Value"), tuple(rows))


def model_versions(result: ComparisonResult) -> list[tuple[str, str]]:
    """Return ``(model, version)`` pairs of the models that found the result's links.

    The contextual stage and its sentence model are listed only when the comparison was
    small enough for them to run (``fact_context_up_to``).
    """
    pairs = [
        ("model sentence matcher", _file_digest(resource("models", "matcher.json"))),
        ("model shared facts", _file_digest(resource("models", "facts.json"))),
    ]
    if len(result.articles) <= result.settings.alignment.fact_context_up_to:
        node = resource("models", "facts_context.json")
        pairs.append(("model shared facts in context", _file_digest(node)))
        pairs.append(("sentence model", model_description()))
    return pairs


def _file_digest(node: Traversable) -> str:
    """A shipped model file's name and the first 12 hex digits of its SHA-256."""
    try:
        digest = hashlib.sha256(node.read_bytes()).hexdigest()[:12]
    except OSError:
        return f"{node.name}: missing"
    return f"{node.name} (sha256 {digest}), shipped with Slant"


def lexicon_versions(terms: TermReport | None) -> list[tuple[str, str]]:
    """Return ``(lexicon, version)`` pairs.

    They come from the result's terms report when it lists its lexicon files, else from
    the lexicon files shipped with this Slant.
    """
    if terms is None or not terms.files:
        return _shipped_lexicons()
    return sorted(
        (f.source or "?", f"unversioned (sha256 {f.sha256[:12]})" if f.sha256 else "")
        for f in terms.files
    )


def _shipped_lexicons() -> list[tuple[str, str]]:
    folder = resource("lexicons")
    if not folder.is_dir():
        return []
    pairs: list[tuple[str, str]] = []
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".toml"):
            pairs.append(_file_version(node))
    return pairs


def _file_version(node: Traversable) -> tuple[str, str]:
    """Return a lexicon file's name and ``"<version> (sha256 <12 hex digits>)"``."""
    try:
        raw = node.read_bytes()
        meta = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return node.name, "unreadable"
    head = meta.get("lexicon")
    version = str((head if isinstance(head, dict) else meta).get("version", "unversioned"))
    # The file hash pins the exact word list even when nobody bumped the version.
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return node.name.removesuffix(".toml"), f"{version} (sha256 {digest})"


def _flatten(prefix: str, value: object) -> Iterator[tuple[str, str]]:
    """Every setting of a (nested) settings dataclass as ``("settings.x.y", "value")``."""
    if is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from _flatten(f"{prefix}.{field.name}", getattr(value, field.name))
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _flatten(f"{prefix}.{key}", inner)
    elif isinstance(value, list | tuple):
        yield prefix, ", ".join(str(v) for v in value) or "(none)"
    else:
        yield prefix, "(none)" if value is None else str(value)
