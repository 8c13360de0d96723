"""Paths: every bad input is one LoadError with a stable code and one sentence."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_pasted, load_sample, load_source
from analysis.ingest.dispatch import MAX_FILE_BYTES


def _fails(source: str) -> LoadError:
    with pytest.raises(LoadError) as exc:
        load_source(source)
    message = str(exc.value)
    assert "\n" not in message and message.endswith(".")
    return exc.value


def test_missing_path(tmp_path: Path) -> None:
    assert _fails(str(tmp_path / "nope.txt")).code == "load.not_found"


def test_directory(tmp_path: Path) -> None:
    assert _fails(str(tmp_path)).code == "load.directory"


def test_file_over_20_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: no 20 MB written to disk
        fh.truncate(MAX_FILE_BYTES + 1)
    error = _fails(str(path))
    assert error.code == "load.too_large" and "20 MB" in str(error)


@pytest.mark.parametrize("name", ["photo.png", "slides.pptx", "app.exe"])
def test_unsupported_extensions(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    error = _fails(str(path))
    assert error.code == "load.unsupported" and Path(name).suffix in str(error)


@pytest.mark.parametrize(
    ("name", "code"), [("report.pdf", "load.pdf"), ("notes.docx", "load.docx")]
)
def test_pdf_and_docx_that_are_not_is_one_error(tmp_path: Path, name: str, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    assert _fails(str(path)).code == code


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.5\n", b"\x7fELF" + bytes(50), os.urandom(2048)],
)
def test_binary_data_in_a_txt_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    assert _fails(str(path)).code in ("load.binary", "load.encoding")


@pytest.mark.parametrize("data", [b"", b" \n \n\t"])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(data)
    assert _fails(str(path)).code == "load.empty"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_devices_and_pipes_are_refused_without_reading(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # opening it for reading would block until a writer came
    assert _fails(str(pipe)).code == "load.special"
    if Path("/dev/zero").exists():  # endless zero bytes, and stat() says size 0
        failure = _fails("/dev/zero")
        assert failure.code == "load.special" and "device or pipe" in str(failure)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything; this kernel file refuses even root
        path = Path("/proc/self/mem")
        if not path.exists():
            pytest.skip("no file here that this user cannot read")
    assert _fails(str(path)).code == "load.unreadable"


def test_stdin_plain_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Ferry vote\n\nThe council voted on Monday."))
    monkeypatch.setattr(sys, "stdin", stdin)
    article = load_source("-", outlet="Gazette")
    assert (article.title, article.source, article.outlet) == ("Ferry vote", "-", "Gazette")


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    failure = _fails("-")
    assert failure.code == "load.empty" and str(failure) == "standard input is empty."


def test_empty_paste_says_so() -> None:
    with pytest.raises(LoadError) as exc:
        load_pasted(" \n\t ")
    assert exc.value.code == "load.empty" and str(exc.value) == "the pasted text is empty."


def test_sample_is_four_fictional_outlets() -> None:
    articles = load_sample()
    assert len(articles) >= 2
    assert len({a.outlet for a in articles}) == len(articles)
    assert all(a.source.startswith("sample:") and a.title and a.date for a in articles)
    assert all("FICTIONAL" not in a.text for a in articles)
