"""The command line end to end, as a user runs it (a subprocess per command)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.analysis.ingest.server import FIXTURES, closed_port_url, serve, url_of
from tests.conftest import REPO

GOOD = "Ferry vote passes\n\nThe council voted on Monday. Residents cheered the result.\n"


def slant(
    *args: str, stdin: bytes | None = None, cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.launcher", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve() as server:
        yield url_of(server)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("bad")
    contents = {
        "empty.txt": b"",
        "blank.md": b"  \n\n\t\n",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "doc.txt": b"%PDF-1.7\n%binary",
        "program.txt": b"\x7fELF\x02\x01\x01" + bytes(64),
        "nul.txt": b"Title\n\nBody\x00text",
        "random.txt": bytes((i * 193 + 71) % 256 for i in range(4096)),
        "undecodable.txt": b"\xef\xbb\xbfTitle \xff\xfe\xfa",
        "menu.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "slides.pptx": b"PK\x03\x04",
        "broken.json": b'{"text": ',
    }
    paths = {}
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        paths[name] = str(folder / name)
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(20_000_001)
    paths["huge.txt"] = str(folder / "huge.txt")
    paths["missing"] = str(folder / "missing.txt")
    paths["folder"] = str(folder)
    return paths


URL_CASES = {
    "/status/404": "HTTP 404",
    "/status/500": "HTTP 500",
    "/pdf": "application/pdf",
    "/huge": "larger than 10 MB",
    "/loop": "redirects more than 5 times",
    "/hop/6": "redirects more than 5 times",
    "/to-ftp": "only http and https",
    "/slow": "did not send the whole page within 0.5 seconds",
    "/trickle": "the server",  # bytes keep coming, but the whole page takes 40 s
}
FILE_CASES = {
    "empty.txt": "empty",
    "blank.md": "empty",
    "image.txt": "PNG image",
    "doc.txt": "PDF document",
    "program.txt": "executable",
    "nul.txt": "binary",
    "random.txt": "",
    "undecodable.txt": "encoding",
    "menu.html": "no article text",
    "slides.pptx": "cannot read .pptx files",
    "broken.json": "not valid JSON",
    "huge.txt": "larger than 20 MB",
    "missing": "no such file",
    "folder": "folder",
}
OTHER_URLS = {
    "http://no-such-host.invalid/a": "could not be found",
    "file:///etc/hostname": "only http and https",
    "ftp://127.0.0.1/a.html": "only http and https",
}


def _sources(bad_files: dict[str, str], base_url: str) -> dict[str, str]:
    sources = {bad_files[name]: reason for name, reason in FILE_CASES.items()}
    sources.update({base_url + path: reason for path, reason in URL_CASES.items()})
    sources.update(OTHER_URLS)
    sources[closed_port_url()] = "refused"
    return sources


def _one_line(stderr: str, source: str, reason: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"slant: {source}: ") and reason in lines[0]


@pytest.mark.slow  # ~25 interpreter start-ups
def test_inspect_every_bad_input(bad_files: dict[str, str], base_url: str) -> None:
    cases = list(_sources(bad_files, base_url).items())
    with ThreadPoolExecutor(max_workers=4) as pool:  # start-ups overlap with waiting on URLs
        runs = list(pool.map(lambda case: slant("inspect", case[0], "--timeout", "0.5"), cases))
    for (source, reason), done in zip(cases, runs, strict=True):
        assert done.returncode == 1, source
        assert done.stdout == ""
        _one_line(done.stderr, source, reason)


def test_compare_reports_each_bad_input_and_carries_on(
    bad_files: dict[str, str], base_url: str, tmp_path: Path
) -> None:
    sources = _sources(bad_files, base_url)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    done = slant("compare", *sources, str(good), "--timeout", "0.5")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == len(sources) + 1
    for source, reason in sources.items():
        assert sum(line.startswith(f"slant: {source}: ") and reason in line for line in lines) == 1
    assert lines[-1] == "slant: only 1 article(s) loaded; comparing needs at least two."


def test_compare_loads_good_sources_and_reports_duplicates(tmp_path: Path) -> None:
    first, copy, other = tmp_path / "a.txt", tmp_path / "a-copy.txt", tmp_path / "b.md"
    first.write_text(GOOD, encoding="utf-8")
    copy.write_text(GOOD, encoding="utf-8")
    other.write_text("# Vote passes\n\nCouncillors approved the ferry plan.", encoding="utf-8")
    done = slant("compare", str(first), str(copy), str(other))
    assert done.returncode == 0
    assert done.stderr.strip() == f"slant: {copy}: same text as {first}; loaded once."
    result = json.loads(done.stdout)
    assert [a["source"] for a in result["articles"]] == [str(first), str(other)]
    assert {"schema_version", "generator", "settings", "articles"} <= result.keys()


def test_inspect_text_summary_and_outlet_override() -> None:
    done = slant("inspect", str(FIXTURES / "saved_page.html"), "--outlet", "Courier")
    assert done.returncode == 0
    rows = dict(line.split(":", 1) for line in done.stdout.splitlines())
    assert rows["Outlet"].strip() == "Courier"
    assert rows["Date"].strip() == "2025-05-17"
    assert rows["Paragraphs"].strip() == "6"


def test_inspect_stdin_json() -> None:
    done = slant("inspect", "-", "--json", stdin=GOOD.encode())
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["source"] == "-" and data["title"] == "Ferry vote passes"
    assert data["sentences"][1] == {"start": 19, "end": 47}
    assert data["text"][19:47] == "The council voted on Monday."


@pytest.mark.shared
def test_inspect_seed_json(seed_path: Path) -> None:
    done = slant("inspect", str(seed_path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["outlet"], data["date"]) == ("Sputnik", "2021-10-05")
    assert data["title"] == (
        "Blinken Tells Macron US Supports European Defence Initiatives in First Talks Since "
        "Submarine Crisis"
    )
    sentences = [data["text"][s["start"] : s["end"]] for s in data["sentences"]]
    assert 19 <= len(sentences) <= 26
    for start in (
        "The 40-minute closed-door meeting",
        '"Something doesn',
        "Last week, Macron announced",
    ):
        assert any(s.startswith(start) for s in sentences), start


def test_compare_sample_and_usage_errors() -> None:
    done = slant("compare", "--sample")
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["articles"]) >= 2
    assert slant("compare").returncode == 2
    bad_format = slant("compare", "--sample", "--format", "docx")
    assert bad_format.returncode == 2 and "unknown format 'docx'" in bad_format.stderr


def test_internal_error_prints_one_line_and_logs_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import analysis.pipeline
    from analysis.cli import main

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(analysis.pipeline, "compare", broken)
    assert main(["compare", "--sample"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("slant: internal error; the details are in ")
    log = Path(line.rsplit(" ", 1)[1])
    assert log.is_relative_to(tmp_path)
    assert "ZeroDivisionError: a bug deep inside" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["0", "-1", "21", "abc", "nan", "inf"])
def test_timeout_outside_0_to_20_seconds_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["inspect", "http://127.0.0.1:9/", "--timeout", value])
    assert exc.value.code == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"slant: argument --timeout: '{value}' is not a number of seconds")
