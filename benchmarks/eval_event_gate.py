"""Links across events in a comparison that mixes stories, with and without the event gate.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/eval_event_gate.py newswcl      # NewsWCL50 events 0-3 together
    .venv/bin/python benchmarks/eval_event_gate.py basil train    # mixes of BASIL gold events
    .venv/bin/python benchmarks/eval_event_gate.py grid train     # gate thresholds on train mixes

``newswcl`` aligns the 20 articles of NewsWCL50 events 0-3 (5 outlets each) as one comparison
and counts links between articles of different events, by kind, with the gate off and on.
``basil`` puts the labelled BASIL events of a split into mixes of four events (12 articles;
several shuffles), aligns each mix as one comparison, and scores each event's links against
its gold (as ``eval_align_gold.py`` does for an event alone), beside the cross-event link
count. ``grid`` runs the mixes with several values of the gate's two thresholds
(``event_gate_min_score``, ``event_gate_merge_share``; tuning: train events only). Figures go in
docs/alignment.md.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_gold import Event, PairKey, events, load
from eval_align_gold import predicted_pairs, score
from newswcl_align_check import events as wcl_events

from analysis import Article, align_articles
from analysis.align.event_gate import event_labels
from analysis.align.settings import AlignmentSettings
from analysis.align.values import Alignment, Link

OFF = AlignmentSettings(event_gate_max_articles=0)
ON = AlignmentSettings()
MIX, SHUFFLES = 4, 5


def cross_counts(arts: list[Article], truth: list[int], al: Alignment) -> tuple[Counter, Counter]:
    """Links across and within the true events, by kind."""
    ev = {a.id: t for a, t in zip(arts, truth, strict=True)}
    cross: Counter[str] = Counter()
    within: Counter[str] = Counter()
    for link in al.links:
        (cross if ev[link.a.article] != ev[link.b.article] else within)[link.kind.value] += 1
    return cross, within


def run_newswcl() -> None:
    groups = wcl_events()[:4]
    arts = [a for g in groups for a in g]
    truth = [i for i, g in enumerate(groups) for _ in g]
    labels = event_labels(arts, ON)
    print("events found:", None if labels is None else labels.tolist())
    for name, settings in (("off", OFF), ("on", ON)):
        al = align_articles(arts, settings)
        cross, within = cross_counts(arts, truth, al)
        print(f"gate {name}: cross-event {sum(cross.values())} {dict(cross)}; ", end="")
        print(f"within {sum(within.values())} {dict(within)}")
    by_id = {a.id: a for a in arts}
    ev = {a.id: t for a, t in zip(arts, truth, strict=True)}
    for link in align_articles(arts, ON).links:
        if ev[link.a.article] != ev[link.b.article]:
            a, b = by_id[link.a.article], by_id[link.b.article]
            print(f"  kept {link.kind.value} {link.score} {a.outlet}~{b.outlet}")


def mixes(split: str) -> list[list[Event]]:
    """Shuffles of the split's labelled events cut into mixes of ``MIX`` events."""
    loaded = [e for e in (load(n) for n in events(split)) if e is not None]
    out = []
    for seed in range(SHUFFLES):
        order = loaded[:]
        random.Random(seed).shuffle(order)
        out += [order[i : i + MIX] for i in range(0, len(order) - MIX + 1, MIX)]
    return out


def _mix_articles(mix: list[Event]) -> tuple[list[Article], list[int]]:
    """The mix's articles and each one's true event."""
    arts = [e.articles[n] for e in mix for n in (1, 2, 3)]
    return arts, [i for i, _ in enumerate(mix) for _ in range(3)]


def _event_pairs(ev: Event, links: tuple[Link, ...]) -> dict[PairKey, str]:
    ids = {a.id for a in ev.articles.values()}
    mine = tuple(k for k in links if k.a.article in ids and k.b.article in ids)
    return predicted_pairs(ev, _Links(mine))  # type: ignore[arg-type]


class _Links:
    """The one attribute ``predicted_pairs`` reads."""

    def __init__(self, links: tuple[Link, ...]) -> None:
        self.links = links


def run_basil(split: str) -> None:
    for name, settings in (("off", OFF), ("on", ON)):
        items, cross = [], Counter()
        for mix in mixes(split):
            arts, truth = _mix_articles(mix)
            al = align_articles(arts, settings)
            cross += cross_counts(arts, truth, al)[0]
            items += [(ev, _event_pairs(ev, al.links)) for ev in mix]
        _report(f"{split} mixes, gate {name}", items, cross)


def _report(title: str, items: list, cross: Counter) -> None:
    """Each event's links against its gold; cross-event links are then counted as wrong."""
    n_cross = sum(cross.values())
    for kind in ("strict", "with borderline"):
        s = score(items, borderline=kind != "strict")
        tp = s["precision"] * s["predicted"]
        p_all = tp / max(1, s["predicted"] + n_cross)
        f_all = 2 * p_all * s["recall"] / (p_all + s["recall"]) if p_all + s["recall"] else 0.0
        print(
            f"{title} ({kind}): P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
            f"  para R {s['recall_paraphrase']:.2f} partial R {s['recall_partial']:.2f}"
            f"  cross-event links as wrong: P {p_all:.3f} F1 {f_all:.3f}"
        )
    print(f"  cross-event links {n_cross} {dict(cross)}")


def run_grid(split: str) -> None:
    """The gate's two thresholds on the split's mixes (tuning: train only)."""
    cases = [(*_mix_articles(mix), mix) for mix in mixes(split)]
    grid = [(0.0, 10.0)] + [(m, s) for s in (10.0, 0.1, 0.2, 0.3, 0.4) for m in (70.0, 80.0, 90.0)]
    for min_score, share in grid:
        settings = AlignmentSettings(event_gate_min_score=min_score, event_gate_merge_share=share)
        items, cross = [], Counter()
        for arts, truth, mix in cases:
            al = align_articles(arts, settings)
            cross += cross_counts(arts, truth, al)[0]
            items += [(ev, _event_pairs(ev, al.links)) for ev in mix]
        _report(f"{split} grid score >= {min_score:.0f}, join share {share}", items, cross)


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "newswcl":
        run_newswcl()
    elif what == "basil":
        run_basil(sys.argv[2])
    else:
        run_grid(sys.argv[2])
