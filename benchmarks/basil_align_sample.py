"""Print a random sample of links on BASIL triplets for a hand check of their precision.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/basil_align_sample.py [N] [SEED]
Prints N links (default 40) drawn at random from all links on all 100 triplet events,
each as its two sentences with kind and score; the judgement goes in docs/alignment.md.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from analysis import Article, align_articles

BASIL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "basil" / "articles"


def triplets() -> list[list[Article]]:
    groups: dict[str, list[Article]] = defaultdict(list)
    for path in sorted(BASIL.glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paras = [
            " ".join(s for s in p) if isinstance(p, list) else str(p) for p in d["body-paragraphs"]
        ]
        art = Article.from_parts(title=d.get("title") or "", paragraphs=paras,
                                 outlet=str(d.get("source")), source=str(path))  # fmt: skip
        groups[path.name.rsplit("_", 1)[0]].append(art)
    return [g for g in groups.values() if len(g) >= 2]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    pool = []
    total_links = 0
    kinds: dict[str, int] = defaultdict(int)
    for group in triplets():
        al = align_articles(group)
        texts = {a.id: a.text for a in group}
        total_links += len(al.links)
        for k in al.links:
            kinds[k.kind.value] += 1
            pool.append(
                (
                    k,
                    texts[k.a.article][k.a.start : k.a.end],
                    texts[k.b.article][k.b.start : k.b.end],
                )
            )
    print(f"triplets: {len(triplets())}  links: {total_links}  kinds: {dict(kinds)}")
    for i, (k, a, b) in enumerate(rng.sample(pool, min(n, len(pool)))):
        print(f"\n[{i}] {k.kind.value} {k.score}\n  A: {a}\n  B: {b}")


if __name__ == "__main__":
    main()
