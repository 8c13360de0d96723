"""Project files: round trip, atomic save, corrupt and newer files, migrations."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.align.settings import AlignmentSettings
from analysis.errors import ProjectError
from analysis.model import Article
from analysis.session import (
    MIGRATIONS,
    PROJECT_SCHEMA_VERSION,
    Project,
    load_project,
    migrate_project,
    project_from_json,
    project_to_json,
    save_project,
)
from analysis.settings import CompareSettings


def _articles() -> tuple[Article, ...]:
    return (
        Article.from_parts(
            title="Storm closes the port",
            paragraphs=["The port closed on Monday.", "Officials said it may reopen."],
            outlet="Wire One",
            source="a.txt",
            date="2024-03-01",
        ),
        Article.from_parts(
            title="Port shut as storm hits — «chaos»",
            paragraphs=["The port was shut on Monday, officials claimed."],
            outlet="Daily Ünïcode",
            source="https://example.org/b",
            url="https://example.org/b",
        ),
    )


def _project() -> Project:
    arts = _articles()
    settings = CompareSettings()
    settings = replace(settings, alignment=replace(settings.alignment))
    return Project.from_articles(arts, settings, colours={arts[0].id: "#123abc"})


def test_save_then_load_gives_an_identical_project(tmp_path: Path) -> None:
    project = _project()
    path = tmp_path / "p.slant"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    assert loaded.entries[0].colour == "#123abc"
    assert loaded.entries[1].colour is None
    assert loaded.articles[1].outlet == "Daily Ünïcode"


def test_file_is_versioned_json(tmp_path: Path) -> None:
    path = tmp_path / "p.slant"
    save_project(_project(), path)
    data = json.loads(path.read_text("utf-8"))
    assert data["schema_version"] == PROJECT_SCHEMA_VERSION
    assert data["format"] == "slant-project"
    assert [a["article"]["text"] for a in data["articles"]] == [a.text for a in _articles()]


def test_save_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "p.slant"
    path.write_text("old content", "utf-8")
    save_project(_project(), path)
    assert load_project(path) == _project()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.slant"]


def test_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "p.slant"
    with pytest.raises(ProjectError) as info:
        save_project(_project(), path)
    assert info.value.code == "project.write"
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "project.corrupt"),
        (b"\xff\xfe\x00garbage", "project.corrupt"),
        (b"[1, 2, 3]", "project.not_project"),
        (b'{"schema_version": 1, "articles": []}', "project.not_project"),
        (b'{"format": "slant-project", "articles": []}', "project.corrupt"),
        (b'{"format": "slant-project", "schema_version": 1}', "project.corrupt"),
        (
            b'{"format": "slant-project", "schema_version": 1, "articles": [{"x": 1}]}',
            "project.corrupt",
        ),
    ],
)
def test_corrupt_files_raise_project_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.slant"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.code == code
    assert str(info.value).endswith(".")


def test_newer_schema_is_refused_with_a_clear_message() -> None:
    data = project_to_json(_project())
    data["schema_version"] = PROJECT_SCHEMA_VERSION + 1
    with pytest.raises(ProjectError) as info:
        project_from_json(data)
    assert info.value.code == "project.newer"
    assert "newer Slant" in str(info.value)


def test_altered_text_is_detected() -> None:
    data = project_to_json(_project())
    data["articles"][0]["article"]["text"] = data["articles"][0]["article"]["text"].upper()
    with pytest.raises(ProjectError) as info:
        project_from_json(data)
    assert "altered" in str(info.value)


def test_duplicate_article_is_refused() -> None:
    data = project_to_json(_project())
    data["articles"].append(data["articles"][0])
    with pytest.raises(ProjectError):
        project_from_json(data)


def test_bad_colour_falls_back_to_automatic() -> None:
    data = project_to_json(_project())
    data["articles"][0]["colour"] = "red; drop table"
    assert project_from_json(data).entries[0].colour is None


def test_missing_file_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError) as info:
        load_project(tmp_path / "nope.slant")
    assert info.value.code == "project.unreadable"


def test_settings_round_trip_with_changed_thresholds() -> None:
    settings = CompareSettings(alignment=AlignmentSettings())
    project = Project.from_articles(_articles(), settings)
    assert project_from_json(project_to_json(project)).settings == settings


def test_migration_hook_upgrades_old_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    current = project_to_json(_project())
    old = dict(current, schema_version=PROJECT_SCHEMA_VERSION)
    old["legacy_articles"] = old.pop("articles")

    def upgrade(doc: dict[str, object]) -> dict[str, object]:
        doc = dict(doc)
        doc["articles"] = doc.pop("legacy_articles")
        return doc

    monkeypatch.setattr("analysis.session.PROJECT_SCHEMA_VERSION", PROJECT_SCHEMA_VERSION + 1)
    monkeypatch.setitem(MIGRATIONS, PROJECT_SCHEMA_VERSION, upgrade)
    migrated = migrate_project(old)
    assert migrated["schema_version"] == PROJECT_SCHEMA_VERSION + 1
    assert migrated["articles"] == current["articles"]


def test_an_exported_json_result_opens_as_a_project(tmp_path: Path) -> None:
    from analysis import compare, load_sample
    from analysis.reports import render_report

    articles = load_sample()
    path = tmp_path / "result.json"
    path.write_bytes(render_report(compare(articles), "json"))

    project = load_project(path)

    assert tuple(a.id for a in project.articles) == tuple(a.id for a in articles)
    assert project.articles == articles


def test_a_result_from_a_newer_slant_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        json.dumps({"schema_version": 999, "generator": "Slant 9.0", "articles": []}), "utf-8"
    )

    with pytest.raises(ProjectError) as caught:
        load_project(path)

    assert caught.value.code == "project.newer"
