"""The command line's conventions (issue 14): usage errors, -o -, progress, outlets, formats."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_cli import slant

A = "Ferry vote passes\n\nThe council voted on Monday. Residents cheered the result loudly.\n"
B = "Council backs ferry\n\nCouncillors approved the ferry plan on Monday after a long debate.\n"


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("bogus",), "invalid choice: 'bogus'"),
        (("--verbose",), "unrecognized arguments: --verbose"),
        (("open", "--bogus"), "unrecognized arguments: --bogus"),
        (("compare", "--sample", "--colour"), "unrecognized arguments: --colour"),
        (("a.txt", "b.txt"), "invalid choice: 'a.txt'"),
    ],
)
def test_unknown_command_or_option_is_a_usage_error_never_a_window(
    args: tuple[str, ...], says: str
) -> None:
    # Before issue 14 each of these opened the desktop app with the text as a source.
    done = slant(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("slant: ") and says in line


def test_open_help_prints_help_and_exits_0() -> None:
    done = slant("open", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: slant open")


def test_dash_o_dash_writes_to_standard_output(tmp_path: Path) -> None:
    done = slant("compare", "--sample", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["articles"]) == 4
    assert list(tmp_path.iterdir()) == []  # no file named '-'
    md = slant("compare", "--sample", "-o", "-", "--format", "md", cwd=tmp_path)
    assert md.returncode == 0 and md.stdout.startswith("#")


def test_csv_export_named_csv_is_refused_with_the_zip_name(tmp_path: Path) -> None:
    done = slant("compare", "--sample", "-o", "x.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert "name it x.zip" in done.stderr
    assert list(tmp_path.iterdir()) == []
    ok = slant("compare", "--sample", "-o", "x.zip", cwd=tmp_path)
    assert ok.returncode == 0
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        assert all(n.endswith(".csv") for n in archive.namelist())
        assert len(archive.namelist()) > 5


def test_xlsx_has_one_sheet_per_csv_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert slant("compare", "--sample", "-o", "x.xlsx", cwd=tmp_path).returncode == 0
    assert slant("compare", "--sample", "-o", "x.zip", cwd=tmp_path).returncode == 0
    book = load_workbook(tmp_path / "x.xlsx", read_only=True)
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        csv_names = archive.namelist()
    assert book.sheetnames[0] == "contents"
    assert len(book.sheetnames) == len(csv_names) + 1
    contents = list(book["contents"].iter_rows(values_only=True))
    assert contents[0] == ("sheet", "table", "rows")
    articles = next(r for r in contents[1:] if "article" in str(r[0]))
    rows = list(book[str(articles[0])].iter_rows(values_only=True))
    assert len(rows) == int(str(articles[2])) + 1  # the header, then each row


def test_outlets_from_source_suffix_and_from_repeated_option(two: tuple[Path, Path]) -> None:
    a, b = two
    done = slant("compare", f"{a}=Harbour Times", f"{b}=Ferry Post")
    assert done.returncode == 0, done.stderr
    assert [x["outlet"] for x in json.loads(done.stdout)["articles"]] == [
        "Harbour Times",
        "Ferry Post",
    ]
    done = slant("compare", str(a), str(b), "--outlet", "One", "--outlet", "Two")
    assert [x["outlet"] for x in json.loads(done.stdout)["articles"]] == ["One", "Two"]
    partial = slant("compare", str(a), str(b), "--outlet", "Only the first")
    outlets = [x["outlet"] for x in json.loads(partial.stdout)["articles"]]
    assert outlets[0] == "Only the first" and outlets[1] != "Only the first"
    too_many = slant("compare", str(a), "--sample", "--outlet", "X", "--outlet", "Y")
    assert too_many.returncode == 2 and "2 --outlet values for 1 source(s)" in too_many.stderr
    both = slant("compare", f"{a}=X", str(b), "--outlet", "Y")
    assert both.returncode == 2 and "not both" in both.stderr


def test_url_with_query_string_is_not_split() -> None:
    from analysis.cli_support import pair_outlets

    assert pair_outlets(["https://x.example/s?id=5"], []) == [("https://x.example/s?id=5", None)]
    assert pair_outlets(["https://x.example/s=Wire"], []) == [("https://x.example/s", "Wire")]
    assert pair_outlets(["-=Pasted"], []) == [("-", "Pasted")]


def test_lexicons_folder_adds_a_category(two: tuple[Path, Path], tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "mine.toml").write_text(
        '[[category]]\nname = "ferry_words"\ndescription = "d"\nloaded = true\n'
        'rationale = "r"\nterms = ["ferry"]\n',
        encoding="utf-8",
    )
    a, b = two
    done = slant("compare", str(a), str(b), "--lexicons", str(folder))
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "ferry_words" in text
    missing = slant("compare", str(a), str(b), "--lexicons", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr


def test_settings_file_json_and_toml_and_bad_ones(two: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two
    js = tmp_path / "s.json"
    js.write_text(json.dumps({"terms": {"kwic_width": 33}}), encoding="utf-8")
    tm = tmp_path / "s.toml"
    tm.write_text("[alignment]\nmin_score = 90.0\n", encoding="utf-8")
    for path, section, key, value in (
        (js, "terms", "kwic_width", 33),
        (tm, "alignment", "min_score", 90.0),
    ):
        done = slant("compare", str(a), str(b), "--settings", str(path))
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["settings"][section][key] == value
    broken = tmp_path / "b.json"
    broken.write_text("{", encoding="utf-8")
    done = slant("compare", str(a), str(b), "--settings", str(broken))
    assert done.returncode == 2 and "not valid JSON" in done.stderr
    done = slant("compare", str(a), str(b), "--settings", str(tmp_path / "none.json"))
    assert done.returncode == 2 and "cannot be read" in done.stderr


def test_progress_is_silent_when_stderr_is_not_a_terminal() -> None:
    done = slant("compare", "--sample", "-o", "-")
    assert done.returncode == 0 and done.stderr == ""
    verbose = slant("compare", "--sample", "-o", "-", "-v")
    assert "slant: Loading" not in verbose.stderr  # the sample needs no loading step
    assert "%" not in verbose.stderr and "slant: Done" in verbose.stderr


def _run_on_pty(*args: str, cwd: Path) -> tuple[int, str]:
    """Run slant with stderr on a pseudo-terminal; return its status and what it drew there."""
    master, child = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.launcher", *args],
        stdout=subprocess.DEVNULL,
        stderr=child,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=env,
    )
    os.close(child)
    seen = io.BytesIO()
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen.write(chunk)
    os.close(master)
    return proc.wait(timeout=60), seen.getvalue().decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_q_silences_it(tmp_path: Path) -> None:
    status, drawn = _run_on_pty("compare", "--sample", "-o", "r.json", cwd=tmp_path)
    assert status == 0
    assert "\r[" in drawn and "100%" in drawn and "#" * 28 in drawn
    status, drawn = _run_on_pty("compare", "--sample", "-o", "r.json", "-q", cwd=tmp_path)
    assert status == 0 and drawn == ""


def test_compare_a_jsonl_of_three_articles_with_row_errors(tmp_path: Path) -> None:
    rows = [
        {"headline": "Ferry vote passes", "body": A, "paper": "Harbour Times"},
        {"headline": "Council backs ferry", "body": B, "paper": "Ferry Post"},
        {"headline": "Empty", "body": "", "paper": "Nobody"},
        {"headline": "Tolls rise", "body": "The ferry toll will rise next year.", "paper": "Bay"},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    done = slant("compare", str(path), "--columns", "text=body,title=headline,outlet=paper")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"slant: {path}: row 3: no text in column 'body'."
    result = json.loads(done.stdout)
    assert [a["outlet"] for a in result["articles"]] == ["Harbour Times", "Ferry Post", "Bay"]
