"""Alignment benchmark: scale (10/100/1,000 articles) and the difflib baseline.

Run by hand, sparingly (2 shared cores):
    .venv/bin/python benchmarks/bench_align.py scale 10 100 1000
    .venv/bin/python benchmarks/bench_align.py difflib 10
    .venv/bin/python benchmarks/bench_align.py clusters 100 1000
    .venv/bin/python benchmarks/bench_align.py facts 100 1000   # shared facts off vs on
    .venv/bin/python benchmarks/bench_align.py gate 20 50 100 200 1000  # event gate off vs on
    .venv/bin/python benchmarks/bench_align.py context 4 5 10 20  # contextual stage off vs on

Corpora: the built-in sample (4 outlets, one fictional event) plus systematic wire-copy
edits of it (words swapped, sentences trimmed, dropped, merged, reordered), each padded
to about 800 words with paragraphs of one NewsWCL50 event read from ../shared (never
copied into the repo). Each size runs in its own process, so peak RSS is per size.
"""

from __future__ import annotations

import difflib
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import numpy as np

from analysis import Article, align_articles
from analysis.align import aligner
from analysis.align.event_gate import event_labels
from analysis.align.features import UnitTable
from analysis.align.matcher import Decisions
from analysis.align.normalize import tokenize
from analysis.align.settings import AlignmentSettings
from analysis.ingest import load_sample

REPO = Path(__file__).resolve().parent.parent
WCL = REPO.parent / "shared" / "corpora" / "newswcl50" / "1-raw-articles"
SWAPS = {"said": "claimed", "people": "protesters", "police": "officers", "about": "some",
         "port": "harbour", "government": "regime", "the union": "the labour union"}  # fmt: skip


def _filler() -> list[str]:
    paras: list[str] = []
    for path in sorted(WCL.glob("event_1/*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").splitlines()[1:] if p.strip()]
    return paras


def _edit(sentences: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    for s in sentences:
        r = rng.random()
        if r < 0.1:
            continue  # dropped
        if r < 0.2 and len(s.split()) > 12:
            s = " ".join(s.split()[: int(len(s.split()) * 0.7)]) + "."  # trimmed
        elif r < 0.45:
            for old, new in SWAPS.items():
                if f" {old} " in s and rng.random() < 0.5:
                    s = s.replace(f" {old} ", f" {new} ", 1)  # word swapped
        elif r < 0.5 and out:
            out[-1] = out[-1].rstrip(".") + ", and " + s[0].lower() + s[1:]  # merged
            continue
        out.append(s)
    if len(out) > 4 and rng.random() < 0.3:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]  # reordered
    return out


def corpus(n: int, seed: int = 0) -> list[Article]:
    rng = random.Random(seed)
    base = load_sample()
    filler = _filler()
    arts: list[Article] = list(base[:n])
    while len(arts) < n:
        src = base[len(arts) % len(base)]
        sents = [src.span_text(s) for s in src.sentences if s.start >= src.paragraphs[1].start]
        body = _edit(sents, rng)
        paras = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        start = rng.randrange(len(filler))
        while sum(len(p.split()) for p in paras) < 780:  # about 800 words an article
            paras.append(filler[start % len(filler)])
            start += 1
        arts.append(
            Article.from_parts(title=f"{src.title} ({len(arts)})", paragraphs=paras,
                               outlet=f"Outlet {len(arts)}", source="bench")
        )  # fmt: skip
    return arts


def _warm_up() -> None:
    """Import scipy parts and load the model once, as a running app already has."""
    import scipy.optimize  # noqa: F401  (imported lazily by the first conflict block)

    align_articles(corpus(4))


def run_scale(n: int, facts: bool = True) -> float:
    arts = corpus(n)
    _warm_up()
    words = sum(a.word_count for a in arts)
    settings = AlignmentSettings() if facts else AlignmentSettings(fact_min_probability=1.0)
    t0 = time.perf_counter()
    al = align_articles(arts, settings)
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    partial = sum(1 for k in al.links if k.kind.value == "partial")
    label = "" if facts else " (shared facts off)"
    print(f"| {n}{label} | {words:,} | {wall:.2f} s | {rss:.0f} MB | {len(al.links):,} "
          f"({partial:,} partial) | {len(al.clusters):,} |", flush=True)  # fmt: skip
    return wall


def _difflib_score(table: UnitTable, ia: np.ndarray, ib: np.ndarray, settings, *_a) -> Decisions:
    """The same decision shape, with difflib's ratio (MSRP-best threshold 0.602) as scorer."""
    norm = [table.normalized[r] for r in table.row]
    ratio = np.array(
        [
            difflib.SequenceMatcher(None, norm[i], norm[j]).ratio()
            for i, j in zip(ia, ib, strict=True)
        ]
    )
    verbatim = np.array([norm[i] == norm[j] for i, j in zip(ia, ib, strict=True)], dtype=bool)
    matched = (ratio >= 0.602) | verbatim
    kinds = np.where(verbatim, 0, np.where(ratio >= 0.8, 1, 2)).astype(np.int8)
    return Decisions(
        matched, kinds, np.where(verbatim, 100.0, ratio * 100), np.zeros(len(ia), bool)
    )


def _all_pairs(units, *_a, **_k):
    art = units.article
    ia, ib = np.triu_indices(len(units), k=1)
    keep = art[ia] != art[ib]
    return ia[keep].astype(np.intp), ib[keep].astype(np.intp)


def run_difflib(n: int) -> None:
    arts = corpus(n)
    _warm_up()
    t_ours = float("inf")
    for _ in range(3):  # best of three: the run is short enough for timer noise to matter
        t0 = time.perf_counter()
        ours = align_articles(arts)
        t_ours = min(t_ours, time.perf_counter() - t0)
    saved = aligner._score, aligner._candidates
    aligner._score = _difflib_score  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        same_cands = align_articles(arts)
        t_same = time.perf_counter() - t0
        aligner._candidates = _all_pairs  # type: ignore[assignment]
        t0 = time.perf_counter()
        naive = align_articles(arts)
        t_naive = time.perf_counter() - t0
    finally:
        aligner._score, aligner._candidates = saved
    mine = {(k.a, k.b) for k in ours.links}
    for label, other, t in (("difflib, same candidates", same_cands, t_same),
                            ("difflib, all pairs", naive, t_naive)):  # fmt: skip
        theirs = {(k.a, k.b) for k in other.links}
        both = len(mine & theirs)
        union = max(1, len(mine | theirs))
        print(f"| {n} | {label} | {t:.2f} s | {t_ours:.3f} s | {t / t_ours:.0f}x | "
              f"{len(theirs)} | {len(mine)} | {both} ({both / union:.0%} of union) |")  # fmt: skip


def run_clusters(n: int) -> None:
    """Cluster consistency: overlapping passages, split sentences, verbatim copies together."""
    arts = corpus(n)
    al = align_articles(arts)
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for c in al.clusters:
        for m in c.members:
            by_article[m.article].append((m.start, m.end, c.id))
    overlaps = split = 0
    copies: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for a in arts:
        spans = sorted(by_article[a.id])
        overlaps += sum(1 for x, y in pairwise(spans) if y[0] < x[1])
        for s in a.sentences:
            split += len({c for st, en, c in spans if st < s.end and s.start < en}) > 1
            words = tokenize(a.span_text(s)).words
            if len(words) >= 5:
                copies[words].append((a.id, s.start))
    shared = [v for v in copies.values() if len({art for art, _ in v}) > 1]
    together = 0
    for occurrences in shared:
        found = {al.cluster_at(art, start) for art, start in occurrences}
        together += len(found) == 1 and None not in found
    print(f"| {n} | {len(al.clusters):,} | {overlaps} | {split} | "
          f"{together} of {len(shared)} |")  # fmt: skip


def _wcl_mix(n: int) -> list[Article]:
    """The first n/5 NewsWCL50 events (5 outlets each): a comparison that mixes stories."""
    out = []
    for folder in sorted(WCL.glob("event_*"))[: n // 5]:
        for path in sorted(folder.glob("*.txt")):
            lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
            art = Article.from_parts(
                title=lines[0], paragraphs=lines[1:], outlet=path.stem, source="bench"
            )
            out.append(art)
    return out


def run_gate(n: int) -> None:
    """The aligner with the event gate off and on, alternating, median of three each."""
    arts = _wcl_mix(n) if n <= 50 else corpus(n)
    _warm_up()
    align_articles(arts[:5])  # the event grouping's imports
    times: dict[bool, list[float]] = {False: [], True: []}
    links = {}
    for _ in range(3):
        for on in (False, True):
            settings = AlignmentSettings() if on else AlignmentSettings(event_gate_max_articles=0)
            t0 = time.perf_counter()
            links[on] = len(align_articles(arts, settings).links)
            times[on].append(time.perf_counter() - t0)
    grouping = []
    for _ in range(3):
        t0 = time.perf_counter()
        event_labels(arts, AlignmentSettings())
        grouping.append(time.perf_counter() - t0)
    off, on, group = sorted(times[False])[1], sorted(times[True])[1], sorted(grouping)[1]
    kind = "NewsWCL50 mix" if n <= 50 else "one-event bench corpus"
    print(
        f"| {n} ({kind}) | {off:.2f} s | {on:.2f} s | {on / off:.2f}x | {group:.3f} s "
        f"({group / off:.1%}) | {links[False]:,} / {links[True]:,} |",
        flush=True,
    )


def run_context(n: int) -> None:
    """The aligner with the contextual shared-fact stage off and on (issue #9, session 7).

    ``n`` = 4 is the built-in sample; otherwise the first n articles of NewsWCL50's events.
    The first call with the stage on is timed apart (it loads the sentence model); then
    off, on (the model's memory of read sentences emptied first) and on again (every
    sentence remembered, as when the app compares the same articles again) alternate,
    median of three each, in this one process.
    """
    from analysis.ingest import load_sample
    from analysis.text.context import load_context_model

    arts = load_sample() if n == 4 else _wcl_mix(5 * -(-n // 5))[:n]
    off_settings = AlignmentSettings(fact_context_up_to=0)
    align_articles(arts, off_settings)  # imports, the lexical models
    t0 = time.perf_counter()
    align_articles(arts)
    first = time.perf_counter() - t0
    times: dict[str, list[float]] = {"off": [], "on": [], "again": []}
    links = {}
    for _ in range(3):
        for run in ("off", "on", "again"):
            if run == "on":  # every sentence read anew; "again" finds them remembered
                load_context_model().memory.clear()
            t0 = time.perf_counter()
            settings = off_settings if run == "off" else AlignmentSettings()
            links[run] = len(align_articles(arts, settings).links)
            times[run].append(time.perf_counter() - t0)
    off, on, again = (sorted(times[k])[1] for k in ("off", "on", "again"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kind = "sample" if n == 4 else "NewsWCL50"
    print(
        f"| {n} ({kind}) | {off:.2f} s | {on:.2f} s | {on / off:.2f}x | {again:.2f} s | "
        f"{first:.2f} s | {rss:.0f} MB | {links['off']:,} / {links['on']:,} |",
        flush=True,
    )


def main() -> None:
    mode, sizes = sys.argv[1], [int(x) for x in sys.argv[2:]]
    if mode == "scale":
        print("| articles | words | wall | peak RSS | links | clusters |")
        for n in sizes:
            subprocess.run([sys.executable, __file__, "_scale", str(n)], check=True)
    elif mode == "_scale":
        run_scale(sizes[0])
    elif mode == "_scale_off":
        run_scale(sizes[0], facts=False)
    elif mode == "facts":
        # The baseline (shared facts off: the aligner before issue #9) and the new one, in
        # the same run, each in its own process (peak RSS per run).
        print("| articles | words | wall | peak RSS | links | clusters |")
        for n in sizes:
            for sub in ("_scale_off", "_scale"):
                subprocess.run([sys.executable, __file__, sub, str(n)], check=True)
    elif mode == "gate":
        print("| articles | gate off | gate on | ratio | grouping alone (share of off) | "
              "links off / on |")  # fmt: skip
        for n in sizes:
            subprocess.run([sys.executable, __file__, "_gate", str(n)], check=True)
    elif mode == "_gate":
        run_gate(sizes[0])
    elif mode == "context":
        print("| articles | stage off | stage on | ratio | on, sentences read before | "
              "first call (loads the model) | peak RSS | links off / on |")  # fmt: skip
        for n in sizes:
            subprocess.run([sys.executable, __file__, "_context", str(n)], check=True)
    elif mode == "_context":
        run_context(sizes[0])
    elif mode == "clusters":
        print("| articles | clusters | overlapping passages | sentences in 2+ clusters | "
              "verbatim-copied sentences in one cluster |")  # fmt: skip
        for n in sizes:
            run_clusters(n)
    elif mode == "difflib":
        print("| articles | baseline | baseline time | rapidfuzz time | speed-up | "
              "baseline links | our links | shared links |")  # fmt: skip
        for n in sizes:
            run_difflib(n)


if __name__ == "__main__":
    main()
