"""Why so few number disagreements: counts along the way, per NewsWCL50 event.

Run by hand (needs ../shared): ``.venv/bin/python benchmarks/diag_numbers.py [--show]``.

For each event (its five articles compared with the full pipeline) it counts the figures
in the articles, the facts of the alignment per link kind, the figures inside facts and
next to their shared words, the candidate pairs (two outlets, one unit) and what
:func:`analysis.disagree.same.match_reason` says of each. ``--show`` prints, for every
same-unit pair with the same written noun in two articles that no fact compared, the
words around both (to judge by eye whether alignment missed a shared fact).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from analysis.disagree.across import compare_across
from analysis.disagree.compare import FoundIn, Seen, compare_numbers, facts_of
from analysis.disagree.same import CALENDAR, match_reason
from analysis.pipeline import compare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcl50 import event_articles

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for event in range(10):
        counts = _event(args.shared, str(event), args.show)
        print(f"event {event}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        total.update(counts)
    print("all: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))


def _event(shared: Path, event: str, show: bool) -> Counter[str]:
    arts = list(event_articles(shared, event).values())
    result = compare(arts)
    assert result.alignment is not None
    by_id = {a.id: a for a in arts}
    found = FoundIn(by_id)
    counts: Counter[str] = Counter()
    for a in arts:
        counts["figures"] += len(found.quantities(a.id, 0, len(a.text)))
    for link in result.alignment.links:
        counts[f"link {link.kind.value}"] += 1
    compared: set[tuple[str, int, str, int]] = set()
    in_facts: set[tuple[str, int]] = set()
    near_shared: set[tuple[str, int]] = set()
    for fact in facts_of(result.alignment):
        kind = "cluster" if fact.cluster is not None else fact.link_list
        counts[f"fact {kind}"] += 1
        sides = [(aid, found.quantities(aid, s, e)) for aid, s, e in fact.spans]
        in_facts.update((aid, q.start) for aid, qs in sides for q in qs)
        shared = fact.shared_words()
        for aid, qs in sides:
            spans = [(s, e) for a, s, e in shared if a == aid]
            near = [q for q in qs if not spans or any(s < q.end + 25 and q.start - 25 < e
                                                        for s, e in spans)]  # fmt: skip
            near_shared.update((aid, q.start) for q in near)
        sides = [(aid, found.described(aid, qs)) for aid, qs in sides]
        for i, (aid, qa) in enumerate(sides):
            for bid, qb in sides[i + 1 :]:
                for a in qa:
                    for b in qb:
                        if a.unit != b.unit:
                            continue
                        compared.add((aid, a.start, bid, b.start))
                        counts["pairs same unit"] += 1
                        counts["pair: " + match_reason(a, b)[1]] += 1
    counts["figures in facts"] = len(in_facts)
    counts["figures near shared words"] = len(near_shared)
    seen: Seen = {}
    facts = facts_of(result.alignment)
    for fact in facts:
        items, _ = compare_numbers(fact, by_id, found, seen)
        counts["within facts: disagreements"] += len(items)
    across, _ = compare_across((s for f in facts for s in f.spans), found, seen)
    counts["across facts: disagreements"] += len(across)
    counts["outside facts: same noun + evidence pairs"] += _missed(
        arts, found, compared, event, show
    )
    return counts


def _missed(arts: list, found: FoundIn, compared: set, event: str, show: bool) -> int:  # type: ignore[type-arg]
    """Count (and print) same-noun pairs of two articles that no fact compared."""
    n = 0
    for i, a in enumerate(arts):
        qa = found.described(a.id, found.quantities(a.id, 0, len(a.text)))
        for b in arts[i + 1 :]:
            qb = found.described(b.id, found.quantities(b.id, 0, len(b.text)))
            for x in qa:
                for y in qb:
                    if x.unit != y.unit or x.unit in CALENDAR or not x.counts:
                        continue
                    if x.counts != y.counts or (a.id, x.start, b.id, y.start) in compared:
                        continue
                    score, why = match_reason(x, y)
                    n += score == 3
                    if not show:
                        continue
                    print(f"  e{event} {x.value!r} vs {y.value!r} [{why}]")
                    print(f"     A: {_around(a.text, x.start, x.end)}")
                    print(f"     B: {_around(b.text, y.start, y.end)}")
    return n


def _around(text: str, start: int, end: int) -> str:
    return " ".join(f"{text[max(0, start - 90) : start]}[[{text[start:end]}]]"
                    f"{text[end : end + 90]}".split())  # fmt: skip


if __name__ == "__main__":
    main()
