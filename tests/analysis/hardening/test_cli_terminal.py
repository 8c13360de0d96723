"""Issue 12, items 8, 11 and 12: lexicon folders, terminal output, broken pipes, crash logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli
from analysis.terminal import printable
from analysis.terms import load_lexicons
from analysis.terms.settings import TermSettings

REPO = Path(__file__).resolve().parents[3]
_MAIN = "import sys; from analysis.cli import main; sys.exit(main())"


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", _MAIN, *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


# --- item 8 ----------------------------------------------------------------------------
def test_an_unreadable_lexicon_folder_is_one_sentence(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "lexicons"
    folder.mkdir()

    def refuse(self: Path, pattern: str) -> object:
        raise PermissionError(13, "Permission denied")  # chmod 000 does not stop root

    monkeypatch.setattr(Path, "glob", refuse)
    lexicons = load_lexicons(TermSettings(user_lexicon_dir=str(folder)))
    assert lexicons.categories  # the built-ins still load
    (error,) = lexicons.errors
    assert error.code == "lexicon.folder" and "cannot be read (permission denied)" in str(error)


def test_a_fifo_lexicon_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "mine.toml")
    lexicons = load_lexicons(TermSettings(user_lexicon_dir=str(tmp_path)))
    assert any("device or pipe" in str(e) for e in lexicons.errors)


# --- item 11 ---------------------------------------------------------------------------
def test_printable_escapes_controls_newlines_and_bidi() -> None:
    text = "a\x1b[31mred\nslant: forged\r\u202eevil\x00"
    shown = printable(text)
    assert shown == "a\\x1b[31mred\\nslant: forged\\r\\u202eevil\\x00"
    assert printable("x" * 500, 10) == "x" * 9 + "…"


def test_a_file_name_with_escape_codes_reaches_stderr_escaped(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b[2Jname\nslant: fake.txt"
    done = _run("inspect", str(name))
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "\x1b" not in err and err.count("\n") == 1
    assert "\\x1b[2J" in err and "\\nslant: fake.txt" in err


# --- item 12 ---------------------------------------------------------------------------
def test_a_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\n" + "A sentence here. " * 20_000, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # 'slant inspect --json … | head -c 10': the reader goes away after ten bytes
    proc = subprocess.Popen(
        [sys.executable, "-c", _MAIN, "inspect", "--json", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.wait(timeout=120)
    assert "internal error" not in err and "Traceback" not in err
    assert err == ""


def test_the_crash_log_fallback_is_not_a_fixed_tmp_path(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import platformdirs

    def no_log_dir(*_a: object, **_k: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(platformdirs, "user_log_dir", no_log_dir)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        first = cli._write_crash_log()
        second = cli._write_crash_log()
    try:
        assert first != second  # a fresh, unpredictable name each time
        assert Path(first).name.startswith("slant-crash-")
        assert "boom" in Path(first).read_text("utf-8")
        assert (Path(first).stat().st_mode & 0o077) == 0  # private to the user
    finally:
        for name in (first, second):
            Path(name).unlink(missing_ok=True)


@pytest.mark.parametrize("bad", ["\x1b]0;title\x07", "line\nbreak"])
def test_say_never_prints_raw_controls(capsys, bad: str) -> None:  # type: ignore[no-untyped-def]
    cli._say(f"x.txt{bad}: no such file.")
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err
