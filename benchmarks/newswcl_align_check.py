"""Draw NewsWCL50 links and "only here" passages for a hand check of the aligner.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/newswcl_align_check.py links 100 SEED  # predicted links
    .venv/bin/python benchmarks/newswcl_align_check.py unique 50 SEED   # "only here" passages

NewsWCL50: 10 events × 5 outlets (LL HuffPost, L NYT, M USA Today, R Fox, RR Breitbart), none
of it used for tuning. Each event is aligned on its own (five articles), as a user would.
``links`` prints each drawn link's two sentences with kind and score; ``unique`` prints each
drawn unique passage with the paths of the event's other four articles, to be read in full for
a counterpart the aligner missed. Judgements go in docs/evaluation.md.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from analysis import Article, Span, align_articles

WCL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newswcl50" / "1-raw-articles"


def events() -> list[list[Article]]:
    out = []
    for folder in sorted(WCL.glob("event_*")):
        group = []
        for path in sorted(folder.glob("*.txt")):
            lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
            group.append(
                Article.from_parts(
                    title=lines[0], paragraphs=lines[1:], outlet=path.stem, source=str(path)
                )
            )
        out.append(group)
    return out


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


def draw_links(n: int, rng: random.Random) -> None:
    pool = []
    for group in events():
        by_id = {a.id: a for a in group}
        for link in align_articles(group).links:
            pool.append((by_id[link.a.article], by_id[link.b.article], link))
    kinds: dict[str, int] = {}
    for *_, link in pool:
        kinds[link.kind.value] = kinds.get(link.kind.value, 0) + 1
    print(f"links: {len(pool)} {kinds}")
    for i, (a, b, link) in enumerate(rng.sample(pool, min(n, len(pool)))):
        print(f"\n[{i}] {link.kind.value} {link.score:.1f}  {a.outlet} ~ {b.outlet}")
        print("  A:", sentence_of(a, link.a.start, link.a.end, link.shared(a.id)))
        print("  B:", sentence_of(b, link.b.start, link.b.end, link.shared(b.id)))


def draw_unique(n: int, rng: random.Random) -> None:
    pool = []
    for group in events():
        alignment = align_articles(group)
        for article in group:
            for span in alignment.coverage_of(article.id).unique:
                others = [o.source for o in group if o.id != article.id]
                pool.append((article, span, others))
    print(f"unique passages: {len(pool)}")
    for i, (article, span, others) in enumerate(rng.sample(pool, min(n, len(pool)))):
        print(f"\n[{i}] {article.outlet}: {span.slice(article.text)}")
        print("  check against:", " ".join(others))


if __name__ == "__main__":
    what, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    (draw_links if what == "links" else draw_unique)(count, random.Random(seed))
