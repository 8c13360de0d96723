"""NewsWCL50 and BASIL: list the number disagreements Slant finds, for checking by hand.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/audit_numbers_wcl.py [--corpus wcl|basil] [--limit 50]

Each event's articles (NewsWCL50: five outlets; BASIL: Fox, NYT, HuffPost) are compared
with the full pipeline; every ``number`` disagreement is printed with each outlet's value
and the sentence around it, so a reader can judge whether the outlets really give
different figures for the same thing. The judgements are in docs/disagreements.md (the
corpus text itself stays out of the repo).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis.model import Article
from analysis.pipeline import compare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_terms import basil_article
from wcl50 import event_articles

REPO = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--corpus", choices=("wcl", "basil"), default="wcl")
    args = parser.parse_args(argv)
    events = _basil(args.shared) if args.corpus == "basil" else _wcl(args.shared)
    shown = 0
    totals = {"number": 0, "contradiction": 0, "label": 0, "agreements": 0}
    for event, arts in events:
        result = compare(arts)
        report = result.disagreements
        assert report is not None
        totals["agreements"] += report.agreements
        for d in report.items:
            totals[d.kind] += 1
            totals["contradiction"] += d.contradiction
            if d.kind != "number" or shown >= args.limit:
                continue
            shown += 1
            print(f"#{shown} event {event} cluster {d.cluster} link {d.link} "
                  f"{d.relation.value} [{d.subject}]")  # fmt: skip
            for m in d.members:
                art = result.article(m.article)
                text = art.text
                context = f"{text[max(0, m.start - 110) : m.start]}[[{text[m.start : m.end]}]]"
                context += text[m.end : m.end + 110]
                print(f"   {art.outlet[:3]:3} {m.value:>24} | {' '.join(context.split())}")
    print(totals)


def _wcl(shared: Path) -> list[tuple[str, list[Article]]]:
    return [(str(e), list(event_articles(shared, str(e)).values())) for e in range(10)]


def _basil(shared: Path) -> list[tuple[str, list[Article]]]:
    root = shared / "corpora" / "basil" / "articles"
    groups: dict[str, list[Article]] = {}
    for path in sorted(root.glob("*/*.json")):
        event = f"{path.parent.name}/{path.stem.rsplit('_', 1)[0]}"
        art = basil_article(path, json.loads(path.read_text("utf-8")))[0]
        groups.setdefault(event, []).append(art)
    return [(e, a) for e, a in groups.items() if len(a) > 1]


if __name__ == "__main__":
    main()
