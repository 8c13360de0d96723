"""Shared test setup: headless Qt, and the corpora in ../shared (skipped where absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder with the corpora; skips the test where it is absent."""
    if not (SHARED / "README.md").is_file():
        pytest.skip("../shared is absent (a user's fresh clone has no corpora)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    """The seed article the project was started from."""
    return shared_dir / "seeds" / "000_995901367eccf15c.txt"


def missing_tool(reason: str) -> None:
    """Skip a test whose tool is missing on a developer's machine; fail in CI.

    CI installs the test extra, so a missing tool there is a broken setup, not a reason to
    let the test pass silently.
    """
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)
