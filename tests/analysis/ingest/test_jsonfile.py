"""Slant's own article JSON round-trips exactly; anything else is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_pasted, load_source
from analysis.jsonio import article_to_json


def _saved(tmp_path: Path, data: object) -> str:
    path = tmp_path / "article.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_round_trip_is_exact(tmp_path: Path) -> None:
    original = load_pasted(
        "Ferry “talks” resume\n\nTalks resumed at 9 a.m. on Monday. Officials said so.",
        outlet="Gazette",
    )
    assert load_source(_saved(tmp_path, article_to_json(original))) == original


def test_user_outlet_replaces_the_saved_one(tmp_path: Path) -> None:
    original = load_pasted("Title\n\nBody text.", outlet="Old")
    loaded = load_source(_saved(tmp_path, article_to_json(original)), outlet="New")
    assert loaded.outlet == "New" and loaded.id == original.id


@pytest.mark.parametrize(
    "data",
    [[1, 2, 3], {"hello": "world"}, {"text": "x", "sentences": [], "id": "1"}, "just a string"],
)
def test_other_json_is_refused(tmp_path: Path, data: object) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(_saved(tmp_path, data))
    assert exc.value.code == "load.json"


def test_tampered_text_fails_the_checksum(tmp_path: Path) -> None:
    data = article_to_json(load_pasted("Title\n\nBody text."))
    data["text"] = data["text"].replace("Body", "Bodx")
    with pytest.raises(LoadError) as exc:
        load_source(_saved(tmp_path, data))
    assert "checksum" in str(exc.value)


def test_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        load_source(str(path))
    assert str(exc.value) == "the file is not valid JSON."
