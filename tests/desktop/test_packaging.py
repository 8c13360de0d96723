"""Packaging files agree: every MIME type the desktop entry claims is standard or defined."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from analysis.session import PROJECT_SUFFIX

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def test_the_project_type_the_desktop_entry_claims_is_defined() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "slant.desktop", encoding="utf-8")
    claimed = [t for t in entry["Desktop Entry"]["MimeType"].split(";") if t]
    own = [t for t in claimed if t.startswith("application/x-")]
    root = ET.parse(PACKAGING / "slant-mime.xml").getroot()
    defined = {m.get("type"): m for m in root.findall("m:mime-type", NS)}
    assert own == ["application/x-slant-project"]
    for name in own:
        globs = [g.get("pattern") for g in defined[name].findall("m:glob", NS)]
        assert globs == [f"*{PROJECT_SUFFIX}"]
