from __future__ import annotations

import sys

import pytest

from desktop import launcher


def test_gui_dispatch_passes_the_sources_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    import desktop.app

    monkeypatch.setattr(desktop.app, "run", lambda sources: calls.append(sources) or 0)
    assert launcher.main(["open", "a.txt", "b.slant"]) == 0
    assert launcher.main([]) == 0
    assert calls == [["a.txt", "b.slant"], []]


def test_gui_that_cannot_start_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.app", None)  # makes the import fail
    assert launcher.main(["open"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("slant: the desktop app cannot start") and err.count("\n") == 1
