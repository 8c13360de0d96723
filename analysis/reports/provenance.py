"""The provenance block: what produced a report, from which inputs, with which settings.

It lets a reader check a report: the Slant version, the time of analysis, every setting,
the lexicon versions, and each input's source and SHA-256 (hash the text yourself to see
that the report speaks about the same text).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator, Mapping
from importlib.resources.abc import Traversable
from typing import Any

from analysis.reports.content import Cell, Table
from analysis.resources import resource

__all__ = ["lexicon_versions", "provenance_table"]


def provenance_table(data: Mapping[str, Any]) -> Table:
    """Return the provenance rows of a result given in its JSON form.

    Args:
        data: Output of :func:`analysis.jsonio.result_to_json`.
    """
    rows: list[tuple[Cell, ...]] = [
        (Cell("Generator"), Cell(str(data.get("generator", "")))),
        (Cell("Schema version"), Cell(str(data.get("schema_version", "")))),
        (Cell("Time of analysis (UTC)"), Cell(str(data.get("created", "")))),
    ]
    for key, value in _flatten("settings", data.get("settings") or {}):
        rows.append((Cell(key), Cell(value)))
    for name, version in lexicon_versions(data):
        rows.append((Cell(f"lexicon {name}"), Cell(version)))
    if data.get("framing") is not None:
        # The frame seeds are not user lexicons, so the terms section does not list them.
        name, version = _file_version(resource("lexicons", "frames", "policy_frames.toml"))
        rows.append((Cell(f"lexicon frames/{name}"), Cell(f"{version}, shipped with Slant")))
    ratings = data.get("ratings")
    if isinstance(ratings, Mapping):  # the user's file: its name, never its contents
        rows.append((Cell("outlet ratings file"), Cell(str(ratings.get("source", "")))))
    for art in data.get("articles") or []:
        label = f"input {art.get('outlet', '')} ({art.get('id', '')})"
        rows.append((Cell(label + " source"), Cell(str(art.get("source", "")))))
        rows.append((Cell(label + " SHA-256"), Cell(str(art.get("sha256", "")))))
    return Table("provenance", "Provenance", ("Item", "Value"), tuple(rows))


def lexicon_versions(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return ``(lexicon, version)`` pairs.

    They come from the result's terms section when it lists them, else from the lexicon
    files shipped with this Slant.
    """
    terms = data.get("terms")
    listed = None
    if isinstance(terms, Mapping):
        listed = terms.get("lexicons") or terms.get("lexicon_files") or terms.get("files")
    if isinstance(listed, Mapping):
        return sorted((str(k), _version_text(v)) for k, v in listed.items())
    if isinstance(listed, list):
        pairs = [
            (str(x.get("name") or x.get("source") or x.get("id") or "?"), _version_text(x))
            for x in listed
            if isinstance(x, Mapping)
        ]
        return sorted(pairs)
    return _shipped_lexicons()


def _version_text(value: Any) -> str:
    if isinstance(value, Mapping):
        version = value.get("version", "")
        sha = value.get("sha256") or value.get("hash")
        return f"{version or 'unversioned'} (sha256 {str(sha)[:12]})" if sha else str(version)
    return str(value)


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


def _flatten(prefix: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, Mapping):
        for key in value:
            yield from _flatten(f"{prefix}.{key}", value[key])
    elif isinstance(value, list | tuple):
        yield prefix, ", ".join(str(v) for v in value) or "(none)"
    else:
        yield prefix, "(none)" if value is None else str(value)
