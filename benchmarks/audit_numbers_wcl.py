"""NewsWCL50 and BASIL: the number disagreements Slant finds, drawn and checked by hand.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/audit_numbers_wcl.py [--corpus wcl|basil|both]
        [--sample 50 --seed 13] [--template benchmarks/gold/numbers_13.tsv]
    .venv/bin/python benchmarks/audit_numbers_wcl.py --score benchmarks/gold/numbers_13.tsv

Each event's articles (NewsWCL50: five outlets; BASIL: Fox, NYT, HuffPost) are compared
with the full pipeline; every ``number`` disagreement is listed, and ``--sample N`` draws N
of them at random with ``--seed`` (all of them when there are fewer). Each drawn item is
printed with each outlet's value and the words around it, for a reader to judge whether
the outlets give figures of the same thing and the relation is right. ``--template``
writes the drawn items as rows (ids and offsets, no article text) to fill in with a
verdict and a reason; ``--score`` reads such a file and prints precision overall and per
relation with 95 % Wilson intervals.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis.disagree.values import Disagreement
from analysis.model import Article
from analysis.pipeline import compare
from analysis.result import ComparisonResult

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_terms import basil_article
from wcl50 import event_articles

REPO = Path(__file__).resolve().parent.parent
COLUMNS = (
    "item", "corpus", "event", "fact", "relation", "members", "values",
    "same_quantity", "relation_right", "verdict", "reason",
)  # fmt: skip
_Item = tuple[str, str, ComparisonResult, Disagreement]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--corpus", choices=("wcl", "basil", "both"), default="both")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--template", type=Path, help="write the drawn items to this TSV")
    parser.add_argument("--score", type=Path, help="score a filled-in TSV and stop")
    args = parser.parse_args(argv)
    if args.score:
        score(args.score)
        return
    found: list[_Item] = []
    for corpus in ("wcl", "basil") if args.corpus == "both" else (args.corpus,):
        events = _basil(args.shared) if corpus == "basil" else _wcl(args.shared)
        for event, arts in events:
            result = compare(arts)
            assert result.disagreements is not None
            found += [(corpus, event, result, d) for d in result.disagreements.items
                      if d.kind == "number"]  # fmt: skip
    print(f"{len(found)} number disagreements: "
          f"{sum(c == 'wcl' for c, *_ in found)} NewsWCL50, "
          f"{sum(c == 'basil' for c, *_ in found)} BASIL")  # fmt: skip
    drawn = draw(found, args.sample, args.seed)
    print(f"drawn: {sum(c == 'wcl' for c, *_ in drawn)} NewsWCL50, "
          f"{sum(c == 'basil' for c, *_ in drawn)} BASIL")  # fmt: skip
    rows = []
    for k, (corpus, event, result, d) in enumerate(drawn, 1):
        _show(k, corpus, event, result, d)
        rows.append(_row(k, corpus, event, result, d, args.shared))
    if args.template:
        with args.template.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(rows)


def draw(found: list[_Item], n: int, seed: int) -> list[_Item]:
    """NewsWCL50's items (n of them at random when it has n or more), filled up with BASIL's.

    The fill is a random sample of BASIL's items with the same seed.
    """
    rng = random.Random(seed)
    wcl = [item for item in found if item[0] == "wcl"]
    if len(wcl) >= n:
        return rng.sample(wcl, n)
    basil = [item for item in found if item[0] != "wcl"]
    return wcl + rng.sample(basil, min(n - len(wcl), len(basil)))


def _show(k: int, corpus: str, event: str, result: ComparisonResult, d: Disagreement) -> None:
    fact = _fact(d)
    print(f"#{k} {corpus} {event} {fact} {d.relation.value} [{d.subject}]")
    for m in d.members:
        art = result.article(m.article)
        text = art.text
        around = f"{text[max(0, m.start - 110) : m.start]}[[{text[m.start : m.end]}]]"
        around += text[m.end : m.end + 110]
        print(f"   {art.outlet[:3]:3} {m.value:>24} | {' '.join(around.split())}")


def _row(
    k: int, corpus: str, event: str, result: ComparisonResult, d: Disagreement, shared: Path
) -> list[str]:
    fact = _fact(d)
    members = ";".join(
        f"{_source(result.article(m.article).source, shared)}:{m.start}-{m.end}" for m in d.members
    )
    text = {m.article: result.article(m.article).text for m in d.members}
    values = ";".join(f"{text[m.article][m.start : m.end]}={m.value}" for m in d.members)
    return [str(k), corpus, event, fact, d.relation.value, members, values, "", "", "", ""]


def _source(source: str, shared: Path) -> str:
    path = Path(source)
    if path.is_absolute() and path.is_relative_to(shared / "corpora"):
        return str(path.relative_to(shared / "corpora"))
    return source


def _fact(d: Disagreement) -> str:
    if d.cluster is not None:
        return f"cluster {d.cluster}"
    return "across facts" if d.link_list == "across" else f"{d.link_list} {d.link}"


def score(path: Path) -> None:
    """Print precision overall and per relation, with 95 % Wilson intervals."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    groups = {"all": rows}
    for rel in sorted({r["relation"] for r in rows}):
        groups[rel] = [r for r in rows if r["relation"] == rel]
    for corpus in sorted({r["corpus"] for r in rows}):
        groups[f"corpus {corpus}"] = [r for r in rows if r["corpus"] == corpus]
    basil = [r for r in rows if r["corpus"] == "basil"]
    groups["basil 2010-2013"] = [r for r in basil if r["event"][:4] <= "2013"]
    groups["basil 2014-2017"] = [r for r in basil if r["event"][:4] >= "2014"]
    groups["across facts"] = [r for r in rows if r["fact"] == "across facts"]
    same = sum(r.get("same_quantity", "").strip() == "yes" for r in rows)
    low, high = wilson(same, len(rows))
    print(f"{'same quantity':18s} {same:3d}/{len(rows):3d}  95% CI {low:.2f}-{high:.2f}")
    for name, items in groups.items():
        good = sum(r["verdict"].strip() == "correct" for r in items)
        low, high = wilson(good, len(items))
        share = good / len(items) if items else 0.0
        print(f"{name:18s} {good:3d}/{len(items):3d} = {share:.2f}  95% CI {low:.2f}-{high:.2f}")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n`` trials."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


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
