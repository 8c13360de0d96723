"""Draw NewsWCL50 links and "only here" passages for a hand check of the aligner.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/newswcl_align_check.py links 100 SEED   # predicted links
    .venv/bin/python benchmarks/newswcl_align_check.py unique 50 SEED   # "only here" passages
    .venv/bin/python benchmarks/newswcl_align_check.py event N          # event N's articles
    .venv/bin/python benchmarks/newswcl_align_check.py score            # figures from the TSVs
    .venv/bin/python benchmarks/newswcl_align_check.py score _s6        # ... of session 6's check

NewsWCL50: 10 events × 5 outlets (LL HuffPost, L NYT, M USA Today, R Fox, RR Breitbart), none
of it used for tuning. Each event is aligned on its own (five articles), as a user would.
``links`` prints each drawn link's two sentences with kind and score (the shared words in
[[ ]]) and the identifiers a verdict row needs; ``unique`` prints each drawn unique passage
with the sentences of the event's other four articles that share most words with it (a
reading aid: ``event N`` prints the articles in full, sentence by sentence, to be read for a
counterpart the aligner missed). Verdicts go in ``benchmarks/gold/newswcl_check_links.tsv``
and ``newswcl_check_unique.tsv`` (ids, sentence indices, offsets and our reasons; no corpus
text); ``score`` prints precision with Wilson intervals from them (``score SUFFIX`` reads
``newswcl_check_links{SUFFIX}.tsv`` and ``newswcl_check_unique{SUFFIX}.tsv``, e.g. ``_s6``
for the check of session 6, on the matcher before the contextual stage).
"""

from __future__ import annotations

import csv
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

from analysis import Article, Span, align_articles

WCL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newswcl50" / "1-raw-articles"
GOLD = Path(__file__).resolve().parent / "gold"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an and or of to in on for with by at from as is was were be been are that this it its "
    "he she they his her their said says would will has have had not but who which what".split()
)


def outlet(path: Path) -> str:
    """The file's name without its extensions (event 4's files end in ``.txt.txt``)."""
    return path.name.split(".")[0]


def events() -> list[list[Article]]:
    out = []
    for folder in sorted(WCL.glob("event_*"), key=lambda p: int(p.name.split("_")[1])):
        group = []
        for path in sorted(folder.glob("*.txt")):
            lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
            group.append(
                Article.from_parts(
                    title=lines[0], paragraphs=lines[1:], outlet=outlet(path), source=str(path)
                )
            )
        out.append(group)
    return out


def sentence_indices(article: Article, start: int, end: int) -> list[int]:
    """Indices (in ``article.sentences``) of the sentences overlapping ``[start, end)``."""
    return [i for i, s in enumerate(article.sentences) if s.start < end and start < s.end]


def sentence_of(article: Article, start: int, end: int, marks: tuple[Span, ...] = ()) -> str:
    """The whole sentence(s) around a span; the shared words (or the span) in [[ ]]."""
    around = [s for s in article.sentences if s.start < end and start < s.end]
    lo = min([start, *(s.start for s in around)])
    hi = max([end, *(s.end for s in around)])
    text, out, at = article.text, [], lo
    for mark in sorted(marks) or [Span(start, end)]:
        out += [text[at : mark.start], "[[", text[mark.start : mark.end], "]]"]
        at = mark.end
    return "".join([*out, text[at:hi]])


def _ids(indices: list[int]) -> str:
    return "+".join(str(i) for i in indices)


def draw_links(n: int, rng: random.Random) -> None:
    pool = []
    for number, group in enumerate(events()):
        by_id = {a.id: a for a in group}
        for link in align_articles(group).links:
            pool.append((number, by_id[link.a.article], by_id[link.b.article], link))
    kinds = Counter(link.kind.value for *_, link in pool)
    print(f"links: {len(pool)} {dict(kinds)}")
    for i, (number, a, b, link) in enumerate(rng.sample(pool, min(n, len(pool)))):
        sa = _ids(sentence_indices(a, link.a.start, link.a.end))
        sb = _ids(sentence_indices(b, link.b.start, link.b.end))
        print(f"\n[{i}] {link.kind.value} {link.score:.1f}  ", end="")
        print(
            f"ROW\t{i}\t{number}\t{a.outlet}\t{sa}\t{b.outlet}\t{sb}\t{link.kind.value}\t{link.score}"
        )
        print("  A:", sentence_of(a, link.a.start, link.a.end, link.shared(a.id)))
        print("  B:", sentence_of(b, link.b.start, link.b.end, link.shared(b.id)))


def _bag(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def draw_unique(n: int, rng: random.Random, aid: int = 4) -> None:
    pool = []
    for number, group in enumerate(events()):
        alignment = align_articles(group)
        for article in group:
            for span in alignment.coverage_of(article.id).unique:
                pool.append((number, group, article, span))
    print(f"unique passages: {len(pool)}")
    for i, (number, group, article, span) in enumerate(rng.sample(pool, min(n, len(pool)))):
        words = _bag(span.slice(article.text))
        idx = _ids(sentence_indices(article, span.start, span.end))
        print(f"\n[{i}] ROW\t{i}\t{number}\t{article.outlet}\t{idx}\t{span.start}\t{span.end}")
        print(f"  {span.slice(article.text)}")
        for other in group:
            if other.id == article.id:
                continue
            ranked = sorted(
                enumerate(other.sentences),
                key=lambda s: -len(words & _bag(other.span_text(s[1]))),
            )
            for k, s in ranked[:aid]:
                shared = len(words & _bag(other.span_text(s)))
                print(f"    {other.outlet}#{k} ({shared}): {other.span_text(s)[:220]}")


def print_event(number: int) -> None:
    for article in events()[number]:
        print(f"\n===== {article.outlet}")
        for k, s in enumerate(article.sentences):
            print(f"{k}: {article.span_text(s)}")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion k/n."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def _rate(k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"{k}/{n} = {k / n:.2f} [{lo:.2f}, {hi:.2f}]" if n else "—"


def score(suffix: str = "") -> None:
    with (GOLD / f"newswcl_check_links{suffix}.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for kind in ("all", "verbatim", "edited", "paraphrase", "partial"):
        mine = [r for r in rows if kind in ("all", r["kind"])]
        right = sum(r["verdict"] == "correct" for r in mine)
        loose = right + sum(r["verdict"] == "borderline" for r in mine)
        kind_ok = sum(r["verdict"] == "correct" and r["kind_ok"] == "yes" for r in mine)
        print(
            f"{kind}: strict {_rate(right, len(mine))}; with borderline {_rate(loose, len(mine))};"
            f" right and of the right kind {_rate(kind_ok, len(mine))}"
        )
    with (GOLD / f"newswcl_check_unique{suffix}.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    verdicts = Counter(r["verdict"] for r in rows)
    missed, border = verdicts["missed"], verdicts["borderline"]
    print(f"only here: {dict(verdicts)}")
    print(f"missed {_rate(missed, len(rows))}; with borderline {_rate(missed + border, len(rows))}")


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "links":
        draw_links(int(sys.argv[2]), random.Random(int(sys.argv[3])))
    elif what == "unique":
        draw_unique(int(sys.argv[2]), random.Random(int(sys.argv[3])))
    elif what == "event":
        print_event(int(sys.argv[2]))
    else:
        score(sys.argv[2] if len(sys.argv) > 2 else "")
