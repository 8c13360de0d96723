"""Slant's aligner against the hand-labelled BASIL link gold (train and dev, separately).

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_align_gold.py [--json OUT]

For each event with gold, aligns its three articles with :func:`analysis.align_articles` and
maps every predicted link to the BASIL sentence pairs it covers: a link counts for gold pair
(i, j) when its passage in one article overlaps sentence i and its other passage overlaps
sentence j (headlines only with headlines). Scores are over sentence pairs:

- "strict": gold = the links; pairs on the borderline list are left out of the count
  (neither a hit nor a false link, nor missed);
- "with borderline": gold = links and borderline pairs.

Also Cohen's kappa between two labellers on the double-labelled events, over every sentence
pair of each article pair (categories none/verbatim/paraphrase/partial, and link/no-link;
borderline counts as none). Figures go in docs/alignment.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_gold import LABELS, Event, PairKey, all_pairs, events, labelled_by, load

from analysis import align_articles
from analysis.align.settings import AlignmentSettings
from analysis.align.values import Alignment

Aligner = Callable[[list], Alignment]
Item = tuple[Event, dict[PairKey, str]]


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """BASIL indices (-1 = headline) whose span overlaps ``[start, end)``."""
    return [k - 1 for k, (s, e) in enumerate(spans) if s < end and start < e and s < e]


def predicted_pairs(ev: Event, alignment: Alignment) -> dict[PairKey, str]:
    """Gold-indexed sentence pairs covered by the alignment's links, with the link kind."""
    number = {a.id: n for n, a in ev.articles.items()}
    out: dict[PairKey, str] = {}
    for link in alignment.links:
        na, nb = number[link.a.article], number[link.b.article]
        pa, pb = link.a, link.b
        if na > nb:
            na, nb, pa, pb = nb, na, pb, pa
        for i in _overlapping(ev.spans[na], pa.start, pa.end):
            for j in _overlapping(ev.spans[nb], pb.start, pb.end):
                if (i == -1) == (j == -1):
                    out.setdefault((na, nb, i, j), link.kind.value)
    return out


def score(items: Iterable[tuple[Event, dict[PairKey, str]]], borderline: bool) -> dict[str, float]:
    """Precision, recall, F1 and recall per label over sentence pairs."""
    tp = fp = fn = 0
    per: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for ev, pred in items:
        gold = dict(ev.gold)
        if borderline:
            gold.update(ev.borderline)
        skip = set() if borderline else set(ev.borderline)
        for key in pred:
            if key in skip:
                continue
            if key in gold:
                tp += 1
            else:
                fp += 1
        for key, label in gold.items():
            per[label] += 1
            if key in pred:
                hit[label] += 1
            else:
                fn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"precision": p, "recall": r, "f1": f, "gold": tp + fn, "predicted": tp + fp}
    for label in LABELS:
        out[f"recall_{label}"] = hit[label] / per[label] if per[label] else float("nan")
        out[f"n_{label}"] = per[label]
    return out


def kappa(labels_a: list[str], labels_b: list[str]) -> float:
    """Cohen's kappa of two label sequences."""
    n = len(labels_a)
    observed = sum(x == y for x, y in zip(labels_a, labels_b, strict=True)) / n
    ca, cb = Counter(labels_a), Counter(labels_b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(split: str = "double_labelled") -> list[dict[str, object]]:
    """Kappa between the two labellers of each double-labelled event, and pooled."""
    rows: list[dict[str, object]] = []
    pooled: tuple[list[str], list[str]] = ([], [])
    for name in events(split):
        who = labelled_by(name)
        if len(who) < 2:
            rows.append({"event": name, "labellers": who, "kappa": None})
            continue
        e1, e2 = load(name, who[0]), load(name, who[1])
        assert e1 is not None and e2 is not None
        keys = list(all_pairs(e1))
        la = [e1.gold.get(k, "none") for k in keys]
        lb = [e2.gold.get(k, "none") for k in keys]
        pooled[0].extend(la)
        pooled[1].extend(lb)
        rows.append(_kappa_row(name, who[:2], la, lb))
    if pooled[0]:
        rows.append(_kappa_row("pooled", [], pooled[0], pooled[1]))
    return rows


def _kappa_row(name: str, who: list[str], la: list[str], lb: list[str]) -> dict[str, object]:
    bina = ["link" if x != "none" else "none" for x in la]
    binb = ["link" if x != "none" else "none" for x in lb]
    return {
        "event": name,
        "labellers": who,
        "pairs": len(la),
        "links": [sum(x != "none" for x in la), sum(x != "none" for x in lb)],
        "kappa": round(kappa(la, lb), 3),
        "kappa_binary": round(kappa(bina, binb), 3),
    }


def evaluate(
    split: str, aligner: Aligner = align_articles, pool: list[Item] | None = None
) -> dict[str, object]:
    """Run the aligner on every labelled event of a split and score it.

    ``pool``, when given, also receives each event with its predicted pairs (for pooling).
    """
    items: list[Item] = []
    missing = []
    started = time.perf_counter()
    for name in events(split):
        ev = load(name)
        if ev is None:
            missing.append(name)
            continue
        al = aligner([ev.articles[1], ev.articles[2], ev.articles[3]])
        items.append((ev, predicted_pairs(ev, al)))
    if pool is not None:
        pool.extend(items)
    return _summary(items, missing, started)


def _summary(items: list[Item], missing: list[str], started: float) -> dict[str, object]:
    return {
        "events": len(items),
        "unlabelled": missing,
        "seconds": round(time.perf_counter() - started, 2),
        "strict": score(items, borderline=False),
        "with_borderline": score(items, borderline=True),
        "predicted_kinds": dict(Counter(k for _, p in items for k in p.values())),
    }


def _line(name: str, s: dict[str, float]) -> str:
    per = "  ".join(f"{lab} {s[f'recall_{lab}']:.2f} (n={s[f'n_{lab}']})" for lab in LABELS)
    return (
        f"  {name:<16} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"(gold {s['gold']}, predicted {s['predicted']})  recall: {per}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--split",
        choices=["train", "dev", "dev2", "dev3", "both", "held-out"],
        default="both",
        help="held-out: dev, dev2, dev3 and the three pooled (each event aligned once)",
    )
    parser.add_argument(
        "--no-context",
        action="store_true",
        help="without the contextual stage (fact_context_up_to 0: the matcher before it)",
    )
    args = parser.parse_args()
    report: dict[str, object] = {}
    splits = {"both": ("train", "dev"), "held-out": ("dev", "dev2", "dev3")}.get(args.split)
    settings = AlignmentSettings(fact_context_up_to=0) if args.no_context else AlignmentSettings()
    pooled: list[Item] = []
    started = time.perf_counter()
    for split in splits or (args.split,):
        res = evaluate(split, lambda arts: align_articles(arts, settings), pool=pooled)
        report[split] = res
        print(f"{split}: {res['events']} events labelled ({res['seconds']} s)")
        print(_line("strict", res["strict"]))  # type: ignore[arg-type]
        print(_line("with borderline", res["with_borderline"]))  # type: ignore[arg-type]
        print(f"  predicted kinds: {res['predicted_kinds']}")
        if res["unlabelled"]:
            print(f"  not yet labelled: {len(res['unlabelled'])}")  # type: ignore[arg-type]
    if args.split == "held-out":
        res = _summary(pooled, [], started)
        report["held-out pooled"] = res
        print(f"dev+dev2+dev3 pooled: {res['events']} events")
        print(_line("strict", res["strict"]))  # type: ignore[arg-type]
        print(_line("with borderline", res["with_borderline"]))  # type: ignore[arg-type]
    report["agreement"] = agreement()
    report["agreement_dev3"] = agreement("double_labelled_dev3")
    for row in [*report["agreement"], *report["agreement_dev3"]]:  # type: ignore[misc]
        print(f"kappa {row}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
