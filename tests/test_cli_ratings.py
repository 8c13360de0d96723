"""``slant compare --ratings FILE``: the user's outlet leans in the report (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import slant


def test_compare_with_ratings_puts_leans_and_the_file_in_the_report(tmp_path: Path) -> None:
    ratings = tmp_path / "my-ratings.csv"
    ratings.write_text(
        "domain,outlet,lean\nmeridianwire.example,,left\n,The Daily Blaze,right\n,Nobody,upwards\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    done = slant("compare", "--sample", "--ratings", str(ratings), "-o", str(out))
    assert done.returncode == 0, done.stderr
    # the bad row is one sentence; the good rows still count
    assert done.stderr.strip() == (
        "slant: my-ratings.csv line 4: 'upwards' is not a lean; use one of left, lean left, "
        "center, lean right, right; row skipped."
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    leans = {a["outlet"]: data["ratings"]["leans"][a["id"]] for a in data["articles"]}
    assert data["ratings"]["source"] == "my-ratings.csv"
    assert leans["Meridian Wire"] == "left" and leans["The Daily Blaze"] == "right"
    assert leans["Voice of Dravia"] is None
    md = tmp_path / "r.md"
    assert (
        slant("compare", "--sample", "-q", "--ratings", str(ratings), "-o", str(md)).returncode == 0
    )
    assert "| Meridian Wire | left |" in md.read_text(encoding="utf-8")


def test_an_unusable_ratings_file_is_one_sentence_and_no_report(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    done = slant("compare", "--sample", "--ratings", str(tmp_path / "none.csv"), "-o", str(out))
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("slant: cannot read the ratings file")
    assert not out.exists()
    empty = tmp_path / "empty.csv"
    empty.write_text("domain,outlet,lean\n", encoding="utf-8")
    done = slant("compare", "--sample", "--ratings", str(empty), "-o", str(out))
    assert done.returncode == 1 and "has no usable row" in done.stderr
