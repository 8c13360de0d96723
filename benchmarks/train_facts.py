"""Train the shared-fact model on the BASIL train gold; write resources/models/facts.json.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/train_facts.py [--write] [--splits train train2]

Uses training events only (benchmarks/gold/basil_links/events.json: ``train``, and
``train2`` with ``--splits``); dev and dev2 are never read here. For each event it builds
the aligner's units, the fact candidates and their features (analysis/align/facts.py),
labels a unit pair positive when any BASIL sentence pair it overlaps is a gold link
(borderline pairs are left out of training), and prints leave-one-event-out figures:
candidate recall, and precision / recall / F1 of the gold links at several probability
thresholds, with the ablation of each feature group. With --write it fits on all pairs of
those splits and writes the coefficients as JSON.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_gold import Event, events, load
from fact_vectors import VectorTable, vector_features

from analysis.align.fact_links import asserts_something
from analysis.align.facts import FACT_FEATURES, FactTable, fact_candidates, fact_features
from analysis.align.settings import AlignmentSettings
from analysis.align.units import build_units

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "models" / "facts.json"


@dataclass
class Rows:
    x: np.ndarray
    y: np.ndarray  # 1 link, 0 none, -1 borderline only
    group: np.ndarray
    gold_total: int  # gold sentence pairs of the events
    gold_keys: list[set[tuple[int, ...]]]  # per row: the gold pairs it covers
    kinds: list[str]


def unit_indices(ev: Event, units, arts) -> list[tuple[int, list[int]]]:  # type: ignore[no-untyped-def]
    """For each unit: (BASIL article number, BASIL indices it overlaps)."""
    number = {a.id: n for n, a in ev.articles.items()}
    out = []
    for art, start, end in units.spans:
        n = number[arts[art].id]
        idx = [k - 1 for k, (s, e) in enumerate(ev.spans[n]) if s < end and start < e and s < e]
        out.append((n, idx))
    return out


def event_rows(  # type: ignore[no-untyped-def]
    ev: Event, settings: AlignmentSettings, per_unit: int, min_cos: float, vectors: bool = False
):
    arts = [ev.articles[1], ev.articles[2], ev.articles[3]]
    units = build_units(arts, settings.max_unit_chars)
    headline = np.array([p == 0 for p in units.paragraph.tolist()])
    table = FactTable.build(units.tokens, units.article, headline)
    ia, ib = fact_candidates(table, units.article, per_unit, min_cos)
    x = fact_features(table, ia, ib, units.article)
    if vectors:  # the word-vector features follow the lexical ones (VECTOR_FEATURES order)
        vt = VectorTable.build(units.tokens, table)
        x = np.hstack([x, vector_features(vt, table, ia, ib)])
    where = unit_indices(ev, units, arts)
    y, covers, kinds = [], [], []
    for u, v in zip(ia.tolist(), ib.tolist(), strict=True):
        (na, xa), (nb, xb) = where[u], where[v]
        if na > nb:
            na, nb, xa, xb = nb, na, xb, xa
        keys = {(na, nb, i, j) for i in xa for j in xb if (i == -1) == (j == -1)}
        gold = keys & set(ev.gold)
        covers.append(gold)
        kinds.append(next((ev.gold[k] for k in gold), ""))
        y.append(1 if gold else (-1 if keys & set(ev.borderline) else 0))
    return x, np.array(y), covers, kinds


def collect(
    per_unit: int = 8,
    min_cos: float = 0.05,
    vectors: bool = False,
    splits: tuple[str, ...] = ("train",),
) -> Rows:
    settings = AlignmentSettings()
    xs, ys, groups, covers, kinds = [], [], [], [], []
    total = 0
    loaded = (load(n) for split in splits for n in events(split))
    for g, ev in enumerate(e for e in loaded if e is not None):
        x, y, cov, kin = event_rows(ev, settings, per_unit, min_cos, vectors)
        xs.append(x)
        ys.append(y)
        groups.append(np.full(len(y), g))
        covers.extend({(g, *k) for k in c} for c in cov)
        kinds.extend(kin)
        total += len(ev.gold)
    return Rows(np.vstack(xs), np.concatenate(ys), np.concatenate(groups), total, covers, kinds)


def model() -> object:
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=3000))


def cv_proba(rows: Rows, cols: list[int]) -> np.ndarray:
    keep = rows.y >= 0
    proba = np.zeros(len(rows.y))
    folds = GroupKFold(n_splits=min(6, len(set(rows.group.tolist()))))
    x, y, g = rows.x[:, cols], rows.y, rows.group
    idx = np.flatnonzero(keep)
    for tr, te in folds.split(x[idx], y[idx], g[idx]):
        m = model()
        m.fit(x[idx[tr]], y[idx[tr]])  # type: ignore[attr-defined]
        test_groups = set(g[idx[te]].tolist())
        rows_te = np.flatnonzero(np.isin(g, list(test_groups)))
        proba[rows_te] = m.predict_proba(x[rows_te])[:, 1]  # type: ignore[attr-defined]
    return proba


def figures(rows: Rows, proba: np.ndarray, t: float) -> tuple[float, float, float]:
    """Pair-level P/R/F1 against the gold (borderline rows ignored), as the eval counts."""
    pred = proba >= t
    tp = len(set().union(*(rows.gold_keys[i] for i in np.flatnonzero(pred & (rows.y == 1)))))
    fp = int(np.sum(pred & (rows.y == 0)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / rows.gold_total
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def training_splits(argv: list[str]) -> tuple[str, ...]:
    """The splits listed after ``--splits`` (default: ``train``); only training splits."""
    if "--splits" not in argv:
        return ("train",)
    listed = tuple(a for a in argv[argv.index("--splits") + 1 :] if not a.startswith("--"))
    if not listed or any(s not in ("train", "train2") for s in listed):
        raise SystemExit("--splits takes training splits only: train, train2")
    return listed


def main() -> None:
    for per_unit, min_cos in ((8, 0.03), (40, 0.01)) if "--ablation" in sys.argv else ():
        rows = collect(per_unit, min_cos)
        covered = len(set().union(*rows.gold_keys))
        print(
            f"candidates per_unit={per_unit} min_cos={min_cos}: {len(rows.y)} pairs, "
            f"gold covered {covered}/{rows.gold_total} = {covered / rows.gold_total:.3f}"
        )
    splits = training_splits(sys.argv)
    rows = collect(40, 0.01, splits=splits)
    every = list(range(len(FACT_FEATURES)))
    proba = cv_proba(rows, every)
    gate = asserts_something(rows.x)
    print(
        f"gate (a shared word that is no name, a number or 4 words in a row): keeps "
        f"{len(set().union(*(rows.gold_keys[i] for i in np.flatnonzero(gate))))} gold pairs "
        f"of {len(set().union(*rows.gold_keys))} among candidates"
    )
    for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
        p, r, f = figures(rows, proba, t)
        gp, gr, gf = figures(rows, np.where(gate, proba, 0.0), t)
        print(
            f"p>={t:.2f} (leave-events-out): P {p:.3f} R {r:.3f} F1 {f:.3f}   "
            f"gated: P {gp:.3f} R {gr:.3f} F1 {gf:.3f}"
        )
    for k, name in enumerate(FACT_FEATURES if "--ablation" in sys.argv else ()):
        cols = [c for c in every if c != k]
        best = max(figures(rows, cv_proba(rows, cols), t)[2] for t in (0.3, 0.4, 0.5))
        print(f"  without {name:<14} best F1 {best:.3f}")
    if "--write" in sys.argv:
        keep = rows.y >= 0
        m = model()
        m.fit(rows.x[keep], rows.y[keep])  # type: ignore[attr-defined]
        scaler, lr = m[0], m[1]  # type: ignore[index]
        data = {
            "about": "Logistic regression over shared-fact features (analysis/align/facts.py), "
            f"trained on the BASIL {' + '.join(splits)} gold by benchmarks/train_facts.py. "
            "p = sigmoid(((x - mean) / scale) . coef + intercept).",
            "features": list(FACT_FEATURES),
            "mean": scaler.mean_.round(6).tolist(),
            "scale": scaler.scale_.round(6).tolist(),
            "coef": lr.coef_[0].round(6).tolist(),
            "intercept": round(float(lr.intercept_[0]), 6),
        }
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
