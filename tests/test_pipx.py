"""A non-developer's install: ``pipx install`` of the built wheel, used from another folder.

pipx resolves the dependencies from PyPI like any user's install (the machine and CI reach
it); the test skips with a reason when PyPI or pipx is not there. It checks the ``slant``
command pipx puts on the PATH, run from a folder outside the repository, writes an xlsx
report whose sheets read back with openpyxl.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import missing_tool
from tests.test_wheel import _build_wheel

pytestmark = pytest.mark.slow


def _pypi_reachable() -> bool:
    try:
        with socket.create_connection(("pypi.org", 443), timeout=5):
            return True
    except OSError:
        return False


def _pipx() -> list[str] | None:
    found = shutil.which("pipx") or str(Path(sys.executable).with_name("pipx"))
    return [found] if Path(found).exists() else None


def test_pipx_install_of_the_wheel_runs_compare_to_xlsx(tmp_path: Path) -> None:
    pipx = _pipx()
    if pipx is None:
        missing_tool("pipx is not installed (it is in the test extra)")
    if not _pypi_reachable():
        pytest.skip("PyPI cannot be reached; pipx installs the dependencies from it")
    wheel = _build_wheel(tmp_path)
    base = getattr(sys, "_base_executable", sys.executable)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
    }
    done = subprocess.run(
        [*pipx, "install", "--python", base, str(wheel)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    slant = tmp_path / "bin" / "slant"
    assert slant.exists()
    outside = tmp_path / "somewhere-else"
    outside.mkdir()
    run_env = {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path / "home")}
    version = subprocess.run(
        ["slant", "--version"], cwd=outside, env=run_env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert version.stdout.strip() == "Slant 0.1.0", version.stderr
    report = subprocess.run(
        ["slant", "compare", "--sample", "-o", "x.xlsx"], cwd=outside, env=run_env,
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    from openpyxl import load_workbook

    book = load_workbook(outside / "x.xlsx", read_only=True)
    assert book.sheetnames[0] == "contents" and {"articles", "coverage", "keyness"} <= set(
        book.sheetnames
    )
    rows = list(book["articles"].iter_rows(values_only=True))
    assert len(rows) == 5 and rows[1][0] == "Meridian Wire"
    # the installed copy is the wheel, not this checkout
    where = subprocess.run(
        [str(tmp_path / "pipx" / "venvs" / "slant-news" / "bin" / "python"), "-c",
         "import analysis; print(analysis.__file__)"],
        cwd=outside, env=run_env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert str(tmp_path / "pipx") in where.stdout, where.stdout + where.stderr
    assert os.fspath(Path(__file__).parents[1]) not in where.stdout
