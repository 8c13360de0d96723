"""Issue 12, items 2, 5, 6 and 9: hostile project and article files, and output writing.

Every fixture is made here, in the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from analysis.atomic import atomic_write
from analysis.errors import LoadError, ProjectError, ReportError
from analysis.ingest import load_source
from analysis.jsonio import article_to_json
from analysis.model import Article
from analysis.reports import atomic_write_bytes
from analysis.session import Project, load_project, project_to_json, save_project


def _articles() -> tuple[Article, ...]:
    return (
        Article.from_parts(title="Port shut", paragraphs=["It closed."], outlet="A", source="a"),
        Article.from_parts(title="Port open", paragraphs=["It opened."], outlet="B", source="b"),
    )


def _project_json() -> dict[str, object]:
    return project_to_json(Project.from_articles(_articles()))


# --- item 2: one safe-open routine ----------------------------------------------------
def test_a_fifo_named_like_a_project_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "story.slant"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _record(outcome, load_project, fifo), daemon=True)
    worker.start()
    worker.join(10)  # a blocking open() would still be waiting for a writer
    assert not worker.is_alive(), "opening a FIFO hung"
    assert isinstance(outcome[0], ProjectError)
    assert "device or pipe" in str(outcome[0])


def test_a_project_linked_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.slant"
    link.symlink_to("/dev/zero")
    with pytest.raises(ProjectError, match="device or pipe"):
        load_project(link)


def test_an_article_linked_to_dev_zero_and_a_fifo_article_are_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    for name in ("zero.txt", "pipe.txt"):
        with pytest.raises(LoadError) as info:
            load_source(str(tmp_path / name))
        assert info.value.code == "load.special"


def test_an_oversized_project_is_refused_by_size(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import analysis.session as session

    monkeypatch.setattr(session, "MAX_PROJECT_BYTES", 1000)
    big = tmp_path / "big.slant"
    with big.open("wb") as handle:
        handle.truncate(5000)  # sparse: large by size, no data written
    with pytest.raises(ProjectError, match="larger than"):
        load_project(big)


def _record(out: list[BaseException], fn, *args) -> None:  # type: ignore[no-untyped-def]
    try:
        fn(*args)
    except BaseException as exc:
        out.append(exc)


# --- item 5: hostile project content --------------------------------------------------
def _doc_with(raw: str) -> str:
    """The valid project's JSON with ``"schema_version": 1`` replaced by ``raw``."""
    text = json.dumps(_project_json())
    return text.replace('"generator"', f'"extra": {raw}, "generator"', 1)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("1" * 5000, "digits"),
        ("-" + "9" * 5000, "digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("Infinity", "Infinity"),
        ("NaN", "NaN"),
        ('"\\ud800"', "Unicode"),
    ],
    ids=["huge-number", "huge-negative", "deep-nesting", "infinity", "nan", "lone-surrogate"],
)
def test_hostile_project_json_gives_one_sentence(tmp_path: Path, raw: str, why: str) -> None:
    path = tmp_path / "bad.slant"
    path.write_text(_doc_with(raw) if why != "Unicode" else _surrogate_project(), "utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    message = str(info.value)
    assert why in message and "\n" not in message and message.endswith(".")


def _surrogate_project() -> str:
    doc = _project_json()
    doc["articles"][0]["article"]["outlet"] = "\ud800"  # type: ignore[index]
    return json.dumps(doc)  # ensure_ascii writes it as the escape \ud800


@pytest.mark.parametrize(
    "settings",
    [
        {"alignment": {"max_unit_chars": "1000"}},
        {"alignment": {"max_candidates": [8]}},
        {"alignment": "fast"},
        {"terms": {"kwic_width": None}},
    ],
)
def test_wrong_typed_project_settings_are_named(tmp_path: Path, settings: object) -> None:
    doc = _project_json()
    doc["settings"] = settings
    path = tmp_path / "typed.slant"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.code in ("project.settings", "project.corrupt")
    assert str(info.value).startswith("The project")


def test_a_symlink_loop_says_loop_not_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.slant"
    loop.symlink_to(loop)
    with pytest.raises(ProjectError, match="loop of symbolic links"):
        load_project(loop)
    article = tmp_path / "loop.txt"
    article.symlink_to(article)
    with pytest.raises(LoadError, match="loop of symbolic links"):
        load_source(str(article))


# --- item 6: lone surrogates in article JSON ------------------------------------------
def test_article_json_with_a_lone_surrogate_is_refused_at_load(tmp_path: Path) -> None:
    data = article_to_json(_articles()[0])
    data["title"] = "Port \ud83d shut"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(LoadError) as info:
        load_source(str(path))
    assert "Unicode" in str(info.value) or "malformed" in str(info.value)


def test_a_save_that_cannot_encode_leaves_no_temporary_file(tmp_path: Path) -> None:
    article = Article.from_parts(title="Bad", paragraphs=["x"], outlet="A\udc80", source="a")
    target = tmp_path / "p.slant"
    with pytest.raises(ProjectError, match="not valid Unicode"):
        save_project(Project.from_articles((article, _articles()[0])), target)
    assert list(tmp_path.iterdir()) == []


# --- item 9: output writing -----------------------------------------------------------
def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_writing_into_a_fifo_writes_into_it_and_keeps_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    for _ in range(100):  # wait until the reader has the FIFO open
        time.sleep(0.01)
        try:
            atomic_write_bytes(fifo, b"through the pipe")
            break
        except ReportError:
            continue
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(ReportError, match="nothing reads"):
        atomic_write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_writing_to_a_character_device_writes_into_it() -> None:
    atomic_write(Path("/dev/null"), b"discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_project_files_get_ordinary_permissions_and_keep_existing_ones(tmp_path: Path) -> None:
    target = tmp_path / "p.slant"
    old = os.umask(0o022)
    try:
        save_project(Project.from_articles(_articles()), target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o640)
    save_project(Project.from_articles(_articles()), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_orphan_temporary_files_of_a_killed_save_are_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "p.slant"
    orphan = tmp_path / ".p.slant.abc123.tmp"
    orphan.write_text("half a project", "utf-8")
    past = time.time() - 3600
    os.utime(orphan, (past, past))
    fresh = tmp_path / ".p.slant.def456.tmp"  # may belong to a save running right now
    fresh.write_text("x", "utf-8")
    save_project(Project.from_articles(_articles()), target)
    assert not orphan.exists() and fresh.exists()


def test_the_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    synced: list[bool] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic_write(tmp_path / "r.md", b"x")
    assert synced[-1] is True  # the last fsync is the folder's, after the rename


def test_a_folder_as_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="folder"):
        atomic_write_bytes(tmp_path, b"x")
