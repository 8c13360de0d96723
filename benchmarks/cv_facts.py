"""Leave-one-event-out figures of the whole aligner on the BASIL train events.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/cv_facts.py [THRESHOLD ...]

Uses TRAIN events only. For each train event, fits the shared-fact model on the other
train events (as ``train_facts.py --write`` fits it on all of them), puts it in place of
the shipped one, aligns the event with :func:`analysis.align_articles` and scores its links
as ``eval_align_gold.py`` does (strict: borderline pairs left out). This is the number the
decisions in docs/alignment.md are taken on: it counts the copy links, the specific-evidence
rule, the one-to-three rule per side and the kinds, as the app does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_gold import events, load
from eval_align_gold import _line, predicted_pairs, score
from train_facts import collect, model

from analysis import align_articles
from analysis.align import facts
from analysis.align.settings import AlignmentSettings


def fold_models() -> list[tuple[object, ...]]:
    """One (mean, scale, coef, intercept) per train event, fitted without that event."""
    rows = collect(40, 0.01)
    out = []
    for g in range(int(rows.group.max()) + 1):
        keep = (rows.y >= 0) & (rows.group != g)
        m = model()
        m.fit(rows.x[keep], rows.y[keep])  # type: ignore[attr-defined]
        scaler, lr = m[0], m[1]  # type: ignore[index]
        out.append((scaler.mean_, scaler.scale_, lr.coef_[0], float(lr.intercept_[0])))
    return out


def main() -> None:
    thresholds = [float(a) for a in sys.argv[1:]] or [AlignmentSettings().fact_min_probability]
    names = [n for n in events("train") if load(n) is not None]
    params = fold_models()
    shipped = facts._model
    try:
        for t in thresholds:
            settings = AlignmentSettings(fact_min_probability=t)
            items = []
            for name, fold in zip(names, params, strict=True):
                facts._model = lambda fold=fold: fold  # type: ignore[assignment,misc]
                ev = load(name)
                assert ev is not None
                al = align_articles([ev.articles[1], ev.articles[2], ev.articles[3]], settings)
                items.append((ev, predicted_pairs(ev, al)))
            print(f"fact_min_probability {t:.3f}, leave-one-event-out over {len(names)} events")
            print(_line("strict", score(items, borderline=False)))
            print(_line("with borderline", score(items, borderline=True)))
    finally:
        facts._model = shipped  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
