"""Help ▸ About: Slant's version and the licences of the libraries it bundles.

The library list is read from the installed metadata (the dependency closure of the
``slant-news`` distribution), so it can never fall behind the dependencies we declare.
"""

from __future__ import annotations

import re
from html import escape
from importlib import metadata
from importlib.metadata import PackageMetadata

from PySide6.QtWidgets import QMessageBox, QWidget

from analysis import __version__

__all__ = ["DISTRIBUTION", "about_text", "bundled_libraries", "licence_of", "show_about"]

#: Slant's own distribution name on PyPI ("slant" is another project there).
DISTRIBUTION = "slant-news"

# A requirement's name: what stands before any version, extra or marker.
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    """Names of the requirements that apply without extras (markers on extras skipped)."""
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def bundled_libraries(root: str = DISTRIBUTION) -> dict[str, metadata.Distribution]:
    """Every installed distribution ``root`` needs at run time, by its published name."""
    found: dict[str, metadata.Distribution] = {}
    seen = {_canonical(root)}
    try:
        pending = _runtime_requirements(metadata.distribution(root))
    except metadata.PackageNotFoundError:
        return found
    while pending:
        name = pending.pop()
        key = _canonical(name)
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a marker excluded it on this platform
        found[dist.metadata["Name"] or name] = dist
        pending.extend(_runtime_requirements(dist))
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def _field(meta: PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution publishes.

    Its SPDX expression, short licence field or OSI classifiers, in that order; "see its
    documentation" when it states none.
    """
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [
        c.rsplit("::", 1)[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return " / ".join(classifiers) if classifiers else "see its documentation"


def about_text() -> str:
    """The About box's rich text: version, licence, and one row per bundled library."""
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{escape(dist.version)}</td>"
        f"<td>{escape(licence_of(dist))}</td></tr>"
        for name, dist in bundled_libraries().items()
    )
    return (
        f"<h3>Slant {__version__}</h3>"
        "<p>Compare how news outlets slant one story: shared, reworded, added and omitted "
        "passages, loaded terms and framing. Works offline.</p>"
        "<p>Licence: GPL-3.0-or-later (the full text ships as LICENSE). The sample articles "
        "and lexicons were written by the Slant developers.</p>"
        "<p><b>Bundled libraries</b> (read from their installed metadata)</p>"
        f"<table cellspacing='2'><tr><th align='left'>Library</th><th align='left'>Version"
        f"</th><th align='left'>Licence</th></tr>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> None:
    """Show the About box."""
    QMessageBox.about(parent, "About Slant", about_text())
