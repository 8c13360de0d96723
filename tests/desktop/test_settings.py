from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray

from analysis.align.settings import AlignmentSettings
from desktop.settings import MAX_RECENT, AppSettings


def test_recent_projects_newest_first_without_duplicates(prefs: AppSettings) -> None:
    for name in ("a", "b", "a", "c"):
        prefs.add_recent_project(f"/p/{name}.slant")
    assert prefs.recent_projects == ["/p/c.slant", "/p/a.slant", "/p/b.slant"]
    prefs.remove_recent_project("/p/a.slant")
    assert prefs.recent_projects == ["/p/c.slant", "/p/b.slant"]


def test_recent_projects_are_capped(prefs: AppSettings) -> None:
    for i in range(MAX_RECENT + 3):
        prefs.add_recent_project(f"/p/{i}.slant")
    assert len(prefs.recent_projects) == MAX_RECENT
    assert prefs.recent_projects[0] == f"/p/{MAX_RECENT + 2}.slant"


def test_alignment_thresholds_round_trip(prefs: AppSettings) -> None:
    assert prefs.alignment == AlignmentSettings()
    changed = replace(AlignmentSettings(), min_score=AlignmentSettings().min_score + 7)
    prefs.alignment = changed
    assert prefs.alignment == changed


def test_garbage_alignment_value_falls_back_to_defaults(prefs: AppSettings) -> None:
    prefs._s.setValue("prefs/alignment", "{not json")
    assert prefs.alignment == AlignmentSettings()
    prefs._s.setValue("prefs/alignment", '{"min_score": 50, "unknown_key": 3}')
    assert prefs.alignment.min_score == 50


def test_geometry_and_splitters_persist(prefs: AppSettings) -> None:
    assert prefs.geometry is None
    prefs.geometry = QByteArray(b"geo")
    prefs.set_splitter("main", QByteArray(b"split"))
    prefs.sync()
    again = AppSettings(prefs._s)
    assert bytes(again.geometry) == b"geo"  # type: ignore[arg-type]
    assert bytes(again.splitter("main")) == b"split"  # type: ignore[arg-type]


def test_first_start_flag_and_folders(prefs: AppSettings) -> None:
    assert not prefs.has_started_before
    prefs.mark_started()
    assert prefs.has_started_before
    prefs.lexicon_dir = "/tmp/lex"
    assert prefs.lexicon_dir == "/tmp/lex"
    prefs.lexicon_dir = None
    assert prefs.lexicon_dir is None
