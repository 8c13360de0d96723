"""The built wheel, installed in a fresh venv, finds its packaged resources (offline)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

_SHIPPED = ("pyproject.toml", "README.md", "analysis", "desktop", "resources")


def _run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _build_wheel(tmp: Path) -> Path:
    """Build from a copy of the sources, so the shared checkout gets no build/ or egg-info."""
    src = tmp / "src"
    src.mkdir()
    for name in _SHIPPED:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    pip = (sys.executable, "-m", "pip")
    _run(
        *pip,
        "wheel",
        "--no-deps",
        "--no-index",
        "--no-build-isolation",
        "-w",
        tmp / "dist",
        src,
        cwd=tmp,
    )
    (wheel,) = (tmp / "dist").glob("slant-0.1.0-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    """A new venv holding only the wheel; the dependencies come from this interpreter's
    site-packages through a plain .pth path line (so no editable-install hook runs)."""
    venv = tmp / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run(base, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp
        ).strip()
    )
    (purelib / "zz_slant_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp,
    )
    return venv


@pytest.mark.skipif(sys.platform == "win32", reason="venv layout differs on Windows")
def test_installed_wheel_runs_the_sample(tmp_path: Path) -> None:
    venv = _fresh_venv(tmp_path, _build_wheel(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = _run(
        venv / "bin" / "python", "-c",
        "import analysis, resources; print(analysis.__file__); print(resources.__file__)",
        cwd=elsewhere, env=env,
    )  # fmt: skip
    for line in where.splitlines():
        assert Path(line).is_relative_to(venv), line
    out = _run(
        venv / "bin" / "slant", "compare", "--sample", "--format", "json", cwd=elsewhere, env=env
    )
    articles = json.loads(out)["articles"]
    assert len(articles) == 4
    assert all(a["source"].startswith("sample:") for a in articles)
    assert {a["outlet"] for a in articles} >= {"Meridian Wire"}
