"""The core's tests run without Qt: no test under tests/analysis imports PySide6 or desktop."""

from __future__ import annotations

import ast
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]  # tests/analysis
_QT = ("PySide6", "desktop", "pytestqt")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _qt_fixtures(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {
        arg.arg
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for arg in node.args.args
        if arg.arg in {"qtbot", "qtmodeltester", "qapp"}
    }


def test_no_core_test_needs_qt() -> None:
    files = sorted(_ROOT.rglob("*.py"))
    assert len(files) > 50  # the walk found the core's tests
    offenders = {
        str(path.relative_to(_ROOT)): sorted(
            {m for m in _imports(path) if m.split(".")[0] in _QT} | _qt_fixtures(path)
        )
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}
