"""The Linux release archive: built by packaging/build_linux.sh, installed, started under Xvfb.

Slow (a PyInstaller build of the whole app); skipped with a reason where PyInstaller or
xvfb-run is missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import REPO, missing_tool

pytestmark = pytest.mark.slow


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        missing_tool("PyInstaller is not installed (it is in the test extra)")
    out = tmp_path_factory.mktemp("release")
    bindir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "PYINSTALLER": str(bindir / "pyinstaller"),
        "PATH": f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
    }
    done = _run([str(REPO / "packaging" / "build_linux.sh"), str(out)], env=env, timeout=3000)
    assert done.returncode == 0, done.stderr[-3000:]
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.parent == out and path.name.startswith("slant-0.1.0-linux-")
    return path


def test_archive_installs_with_a_menu_entry_and_icon_and_starts_under_xvfb(
    archive: Path, tmp_path: Path
) -> None:
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert {"install.sh", "app", "slant.desktop", "slant.svg", "LICENSE", "README.txt"} <= {
        p.name for p in folder.iterdir()
    }
    prefix = tmp_path / "prefix"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "PREFIX": str(prefix)}
    done = _run([str(folder / "install.sh")], env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    installed = prefix / "opt" / "slant" / "slant"
    desktop = (prefix / "share" / "applications" / "slant.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed}" open %F' in desktop and "Icon=slant" in desktop
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "slant.svg").is_file()
    assert (prefix / "bin" / "slant").resolve() == installed.resolve()

    cli = _run([str(prefix / "bin" / "slant"), "compare", "--sample", "-o", "x.xlsx"],
               cwd=tmp_path, env=env, timeout=600)  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert (tmp_path / "x.xlsx").stat().st_size > 5000

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (apt-get install xvfb)")
    shots = tmp_path / "shots"
    gui_env = {**env, "SLANT_SCREENSHOT": str(shots), "SLANT_SCREENSHOT_QUIT": "1"}
    gui = _run(["xvfb-run", "-a", str(installed)], env=gui_env, timeout=900)
    assert gui.returncode == 0, gui.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) >= 3 and all(p.stat().st_size > 5000 for p in pngs)

    removed = _run([str(folder / "install.sh"), "--uninstall"], env=env, timeout=120)
    assert removed.returncode == 0 and not installed.exists()
