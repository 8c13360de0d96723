from __future__ import annotations

from pathlib import Path

import pytest

from desktop.views import VIEW_FACTORIES, ViewSpec, available_views


def test_missing_view_module_is_skipped_not_a_placeholder() -> None:
    spec = ViewSpec("nope", "Nope", "desktop.views.does_not_exist", "NopeView")
    assert spec.load() is None


def test_broken_view_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "slant_probe_view.py").write_text("import slant_missing_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = ViewSpec("broken", "Broken", "slant_probe_view", "X")
    with pytest.raises(ModuleNotFoundError, match="slant_missing_dependency_xyz"):
        spec.load()


def test_overview_then_side_by_side_lead_and_are_available() -> None:
    found = available_views()
    assert [s.key for s, _ in found[:2]] == ["overview", "side_by_side"]
    assert [s.key for s, _ in found] == [s.key for s in VIEW_FACTORIES if s.load() is not None]
