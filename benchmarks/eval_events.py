"""Measure event grouping: adjusted Rand index and events recovered exactly.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/eval_events.py            # the shipped defaults on every set
    .venv/bin/python benchmarks/eval_events.py --tune     # the grid search, on the tuning set only

Sets: BASIL 2010–2013 (40 events × 3 outlets; the TUNING set), BASIL 2014–2017 (40 events,
never tuned on), BASIL 2010–2017 (80 events, 240 articles) and NewsWCL50 (10 events × 5
outlets, never tuned on). Articles are shuffled with a fixed seed before grouping, so the
input order carries no hint.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import Article
from analysis.events import GroupingSettings, group_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"
BASIL = SHARED / "corpora" / "basil" / "articles"
WCL = SHARED / "corpora" / "newswcl50" / "1-raw-articles"

Labelled = list[tuple[Article, str]]


def basil(years: Sequence[int]) -> Labelled:
    out: Labelled = []
    for year in years:
        for path in sorted((BASIL / str(year)).glob("*.json")):
            d = json.loads(path.read_text("utf-8"))
            paragraphs = [" ".join(p) for p in d["body-paragraphs"]]
            article = Article.from_parts(
                title=d.get("title") or "",
                paragraphs=paragraphs,
                outlet=str(d.get("source")),
                source=str(path),
                date=str(d.get("date"))[:10] if d.get("date") else None,
            )
            out.append((article, path.name.rsplit("_", 1)[0]))
    return out


def newswcl() -> Labelled:
    out: Labelled = []
    for folder in sorted(WCL.glob("event_*")):
        for path in sorted(folder.glob("*.txt")):
            lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
            article = Article.from_parts(
                title=lines[0], paragraphs=lines[1:], outlet=path.stem, source=str(path)
            )
            out.append((article, folder.name))
    return out


def score(labelled: Labelled, settings: GroupingSettings) -> tuple[float, float, int]:
    """(ARI, share of gold events recovered exactly, predicted events)."""
    from sklearn.metrics import adjusted_rand_score

    items = list(labelled)
    random.Random(7).shuffle(items)
    grouping = group_articles([a for a, _ in items], settings)
    predicted = [grouping.event_of(a.id) for a, _ in items]
    gold = [g for _, g in items]
    ari = adjusted_rand_score(gold, predicted)
    gold_sets = {frozenset(a.id for a, g in items if g == e) for e in set(gold)}
    got_sets = {frozenset(e.articles) for e in grouping.events}
    return ari, len(gold_sets & got_sets) / len(gold_sets), len(grouping.events)


def tune(labelled: Labelled) -> None:
    grid = itertools.product((0.1, 0.15, 0.2, 0.25, 0.3), (3, 7, None), (1, 3), (1, 2))
    rows = []
    for sim, window, head, name in grid:
        settings = GroupingSettings(
            min_similarity=sim, date_window_days=window, headline_weight=head, name_weight=name
        )
        rows.append((score(labelled, settings), settings))
    rows.sort(key=lambda row: row[0], reverse=True)
    for (ari, exact, n), s in rows[:12]:
        print(
            f"ARI {ari:.3f} exact {exact:.2f} events {n:3d}  sim {s.min_similarity} "
            f"window {s.date_window_days} headline×{s.headline_weight} name×{s.name_weight}"
        )


def main() -> None:
    if "--tune" in sys.argv:
        tune(basil(range(2010, 2014)))
        return
    settings = GroupingSettings()
    sets = {
        "BASIL 2010-2013 (tuning set)": basil(range(2010, 2014)),
        "BASIL 2014-2017 (held out)": basil(range(2014, 2018)),
        "BASIL 2010-2017 (all 80 events)": basil(range(2010, 2018)),
        "NewsWCL50 (held out)": newswcl(),
    }
    print(f"defaults: {settings}")
    for name, labelled in sets.items():
        ari, exact, n = score(labelled, settings)
        gold = len({g for _, g in labelled})
        print(f"{name:34s} articles {len(labelled):3d} gold {gold:2d} predicted {n:3d}  "
              f"ARI {ari:.3f}  exact {exact:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
