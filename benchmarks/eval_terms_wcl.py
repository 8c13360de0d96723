"""NewsWCL50: how each outlet names the same actors, and what Slant's lexicons see in it.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_terms_wcl.py [--shared PATH]

NewsWCL50 (Hamborg et al. 2019) codes every mention of the main actors of 10 events in five
outlets (LL HuffPost, L NYT, M USA Today, R Fox, RR Breitbart). For each event's most
mentioned actor or group we list each outlet's commonest names for it, and count the
mentions that contain a hit of Slant's loaded categories (and, for comparison, of the
Recasens et al. bias lexicon). The check is qualitative: do the lexicons flag the labels
("dictator", "illegal aliens", "mob") where outlets differ in naming?
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from analysis.model import Article
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import find_terms

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_terms import REPO, recasens, slant_loaded

OUTLETS = ("LL", "L", "M", "R", "RR")
TYPES = {"ACTOR", "ACTOR-I", "GROUP"}


def _flag(mention: str, lex: LexiconSet) -> list[str]:
    art = Article.from_parts(title="", paragraphs=[mention], outlet="x", source="wcl")
    return sorted({art.text[h.start : h.end].lower() for h in find_terms(art, lex)})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    path = args.shared / "corpora" / "newswcl50" / "Annotations.csv"
    lines = path.read_text("utf-8").splitlines()[1:]  # first line is "sep=,"
    rows = [r for r in csv.DictReader(lines) if r["code_type"] in TYPES]
    slant, base = slant_loaded(), recasens(args.shared)
    by_event: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_event[r["event_id"]][r["code_name"]] += 1
    print("| event | actor | outlet | mentions | commonest names | Slant loaded | Recasens |")
    print("|---|---|---|---|---|---|---|")
    totals = {o: [0, 0, 0] for o in OUTLETS}
    for event in sorted(by_event, key=int):
        actor = by_event[event].most_common(1)[0][0]
        for outlet in OUTLETS:
            names = [
                r["code_mention"]
                for r in rows
                if r["event_id"] == event
                and r["code_name"] == actor
                and r["publisher_id"] == outlet
            ]
            flagged = [m for m in names if _flag(m, slant)]
            base_flagged = [m for m in names if _flag(m, base)]
            words = sorted({w for m in flagged for w in _flag(m, slant)})
            common = "; ".join(n for n, _ in Counter(names).most_common(3))
            print(
                f"| {event} | {actor} | {outlet} | {len(names)} | {common} | "
                f"{len(flagged)} {', '.join(words)} | {len(base_flagged)} |"
            )
    for r in rows:
        t = totals[r["publisher_id"]]
        t[0] += 1
        t[1] += bool(_flag(r["code_mention"], slant))
        t[2] += bool(_flag(r["code_mention"], base))
    print("\n| outlet | actor/group mentions | with Slant loaded term | with Recasens term |")
    print("|---|---|---|---|")
    for outlet, (n, s, b) in totals.items():
        print(f"| {outlet} | {n} | {s} ({100 * s / n:.1f} %) | {b} ({100 * b / n:.1f} %) |")


if __name__ == "__main__":
    main()
