"""NewsWCL50: are the mentions of each actor grouped into the right actor?

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_naming.py [--shared PATH]

For each of the 10 events, Slant's naming (:func:`analysis.disagree.naming.name_actors`)
runs on the five outlets' articles together. Gold: NewsWCL50's ``ACTOR`` mentions (single
persons; ``ACTOR-I`` lumps many minor people into one code and ``GROUP`` names groups, so
both are left out), each located in its article. Each gold concept is mapped one-to-one to
the Slant actor holding most of its mentions (greedy, biggest overlap first). Then

* recall: gold mentions that a mention of the mapped actor overlaps / gold mentions;
* precision: Slant mentions overlapping a gold mention that belong to the actor mapped to
  that mention's concept / Slant mentions overlapping any gold mention;
* unjudged: Slant mentions overlapping no gold ACTOR mention (NewsWCL50 does not code
  every mention), reported apart and, in "strict precision", counted as wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from analysis.disagree.naming import name_actors

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcl50 import event_articles, gold_mentions

REPO = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--events", default="0-9", help="e.g. 0-4 or 5-9")
    args = parser.parse_args(argv)
    lo, hi = (int(x) for x in args.events.split("-"))
    events = [str(e) for e in range(lo, hi + 1)]
    arts = {e: event_articles(args.shared, e) for e in events}
    gold = gold_mentions(args.shared, arts, {"ACTOR"})
    located = [g for g in gold if g.start >= 0]
    print(f"gold ACTOR mentions: {len(gold)}, located in the texts: {len(located)}")
    tot = Counter[str]()
    for event in events:
        t = _event(event, arts[event], [g for g in located if g.event == event])
        tot.update(t)
        print(
            f"event {event}: recall {t['hit']}/{t['gold']}, "
            f"precision {t['right']}/{t['judged']}, unjudged {t['unjudged']}"
        )
    rec = tot["hit"] / tot["gold"]
    prec = tot["right"] / tot["judged"]
    strict = tot["right"] / (tot["judged"] + tot["unjudged"])
    print(
        f"\nALL events {args.events}: recall {rec:.3f} ({tot['hit']}/{tot['gold']}), "
        f"precision {prec:.3f} ({tot['right']}/{tot['judged']}), "
        f"strict precision {strict:.3f} (unjudged {tot['unjudged']}), "
        f"F1 {2 * prec * rec / (prec + rec):.3f}"
    )


def _event(event: str, arts: dict[str, object], gold: list) -> Counter[str]:  # type: ignore[type-arg]
    by_id = {a.id: o for o, a in arts.items()}  # type: ignore[attr-defined]
    actors = name_actors(list(arts.values()))  # type: ignore[arg-type]
    sys_m = [(a.id, by_id[m.article], m.start, m.end) for a in actors for m in a.mentions]
    overlap: dict[tuple[str, int], list[int]] = defaultdict(list)  # gold index -> actor ids
    votes: Counter[tuple[str, int]] = Counter()
    for gi, g in enumerate(gold):
        for aid, outlet, s, e in sys_m:
            if outlet == g.outlet and s < g.end and g.start < e:
                overlap[(str(gi), 0)].append(aid)
                votes[(g.concept, aid)] += 1
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for (concept, aid), _ in votes.most_common():
        if concept not in mapping and aid not in used:
            mapping[concept] = aid
            used.add(aid)
    t = Counter[str](gold=len(gold))
    for gi, g in enumerate(gold):
        if mapping.get(g.concept) in overlap.get((str(gi), 0), []):
            t["hit"] += 1
    for aid, outlet, s, e in sys_m:
        concepts = {g.concept for g in gold if g.outlet == outlet and s < g.end and g.start < e}
        if not concepts:
            t["unjudged"] += 1
            continue
        t["judged"] += 1
        if any(mapping.get(c) == aid for c in concepts):
            t["right"] += 1
    return t


if __name__ == "__main__":
    main()
