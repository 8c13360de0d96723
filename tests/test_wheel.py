"""The built wheel, installed in a fresh venv, finds its packaged resources (offline)."""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

_SHIPPED = ("pyproject.toml", "README.md", "LICENSE", "analysis", "desktop", "resources")


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
    (wheel,) = (tmp / "dist").glob("slant_news-0.1.0-*.whl")
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


def _shipped_resources() -> list[str]:
    """Every data file under resources/ in the checkout, as wheel paths."""
    root = REPO / "resources"
    return sorted(
        path.relative_to(REPO).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """Build the wheel once, install it in a fresh venv; return (wheel, venv, clean env)."""
    if sys.platform == "win32":
        pytest.skip("venv layout differs on Windows")
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    venv = _fresh_venv(tmp, wheel)
    home = tmp / "home"  # no user lexicons or settings from the developer's own home
    home.mkdir()
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["HOME"] = str(home)
    return wheel, venv, env


def test_wheel_holds_every_resource_file(installed: tuple[Path, Path, dict[str, str]]) -> None:
    wheel = installed[0]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    wanted = _shipped_resources()
    for pattern in (
        "resources/lexicons/*.toml",
        "resources/lexicons/frames/*",
        "resources/models/*.json",
        "resources/templates/*",
        "resources/icons/*",
        "resources/samples/*/*.md",
        "resources/outlets.toml",
    ):
        assert any(fnmatch.fnmatch(name, pattern) for name in wanted), pattern
    assert [name for name in wanted if name not in names] == []
    # The GPL's text travels with the wheel (PEP 639 licence file in the .dist-info).
    licences = [name for name in names if fnmatch.fnmatch(name, "*.dist-info/licenses/LICENSE")]
    assert len(licences) == 1
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(licences[0]).decode("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


def test_installed_wheel_runs_the_sample(
    installed: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    _, venv, env = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        venv / "bin" / "python", "-c",
        "import analysis, resources; print(analysis.__file__); print(resources.__file__)",
        cwd=elsewhere, env=env,
    )  # fmt: skip
    for line in where.splitlines():
        assert Path(line).is_relative_to(venv), line
    _run(venv / "bin" / "slant", "compare", "--sample", "-o", "x.json", cwd=elsewhere, env=env)
    result = json.loads((elsewhere / "x.json").read_text(encoding="utf-8"))
    articles = result["articles"]
    assert len(articles) == 4
    assert all(a["source"].startswith("sample:") for a in articles)
    assert {a["outlet"] for a in articles} >= {"Meridian Wire"}
    # The built-in lexicons load from the installed package: every file, no errors.
    terms = result["terms"]
    shipped = sorted(p.name for p in (REPO / "resources" / "lexicons").glob("*.toml"))
    assert sorted(f["source"] for f in terms["lexicon_files"] if f["builtin"]) == shipped
    assert terms["errors"] == [] and len(terms["hits"]) > 20
    # The frame seeds (lexicons/frames) and the matcher model (models/) load too.
    assert any(count for row in result["framing"]["frames"] for _, count, _ in row["counts"])
    assert any(link["kind"] == "verbatim" for link in result["alignment"]["links"])


def test_installed_wheel_finds_every_resource_and_styles_reports(
    installed: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    _, venv, env = installed
    check = (
        "import sys\n"
        "from analysis.resources import resource\n"
        "missing = [n for n in sys.argv[1:] if not resource(*n.split('/')[1:]).is_file()]\n"
        "print(' '.join(missing))\n"
    )
    out = _run(venv / "bin" / "python", "-c", check, *_shipped_resources(), cwd=tmp_path, env=env)
    assert out.strip() == ""
    _run(venv / "bin" / "slant", "compare", "--sample", "-o", "r.html", cwd=tmp_path, env=env)
    css = (REPO / "resources" / "templates" / "report.css").read_text(encoding="utf-8")
    assert css.splitlines()[1] in (tmp_path / "r.html").read_text(encoding="utf-8")
