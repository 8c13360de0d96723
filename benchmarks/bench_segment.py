"""Sentence splitters compared: Slant's own, the provisional one, syntok and pysbd.

Run by hand: ``.venv/bin/python benchmarks/bench_segment.py``. Accuracy is boundary
precision/recall/F1 (a boundary = where a new sentence starts) on

* ``gold``: ``benchmarks/sentence_gold.txt``, hand-written tricky news sentences;
* ``seed``: the seed article's long glued body paragraph (18 sentences, checked by hand);
* ``basil``: BASIL's sentence lists (a reference segmentation, not hand gold), joined
  with one space as published;
* ``basil-glued``: the same sentences joined without the space, as scraped pages often
  leave them (``reporters.The``).

Speed: all BASIL paragraphs split once per splitter, as a ratio to a naive regex split
(``(?<=[.!?])\\s+``) timed in the same run.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.segment import split_sentences  # noqa: E402

Splitter = Callable[[str], list[int]]
SHARED = REPO.parent / "shared"


def slant(text: str) -> list[int]:
    return [s for s, _ in split_sentences(text)]


_PROV_ABBR = frozenset(
    (
        "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd co corp vs etc no "
        "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g"
    ).split()
)
_PROV_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|[A-Z][a-z])")


def provisional(text: str) -> list[int]:
    """The splitter the skeleton shipped with (commit f816b3e), kept here for comparison."""
    starts, start = [0], 0
    for match in _PROV_BOUNDARY.finditer(text):
        word = text[start : match.start()].rsplit(None, 1)
        last = word[-1].lower().rstrip(".") if word else ""
        if last in _PROV_ABBR or (len(last) == 1 and last.isalpha()):
            continue
        start = match.end()
        starts.append(start)
    return [_skip_space(text, s) for s in starts]


def syntok_split(text: str) -> list[int]:
    import syntok.segmenter as segmenter

    return [sent[0].offset for para in segmenter.analyze(text) for sent in para if sent]


_PYSBD = None


def pysbd_split(text: str) -> list[int]:
    global _PYSBD
    import pysbd

    if _PYSBD is None:
        _PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [_skip_space(text, s.start) for s in _PYSBD.segment(text)]


def naive(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", text)]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def gold_cases() -> list[tuple[str, set[int]]]:
    cases = []
    for line in (REPO / "benchmarks" / "sentence_gold.txt").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        text = "".join(parts)
        starts, pos = set(), 0
        for part in parts[:-1]:
            pos += len(part)
            starts.add(pos)
        cases.append((text, starts))
    return cases


def seed_cases() -> list[tuple[str, set[int]]]:
    path = SHARED / "seeds" / "000_995901367eccf15c.txt"
    if not path.is_file():
        return []
    para = path.read_text("utf-8").split("\n\n")[3]
    heads = [
        "The 40-minute",
        "A senior US State",
        "The official did not",
        "A US official speaking",
        "Elysee Palace",
        "The Elysee further",
        "Blinken's visit",
        "Biden national",
        "Sub Snub",
        "Despite assurances",
        "Last week, French",
        '"Something doesn',
        "At the same time",
        '"It will continue',
        "The diplomat also",
        "Last week, Macron",
        "Before that",
    ]
    return [(para, {para.index(h) for h in heads})]


def basil_cases(glue: str) -> list[tuple[str, set[int]]]:
    cases = []
    for path in sorted((SHARED / "corpora" / "basil" / "articles").glob("*/*.json")):
        for para in json.loads(path.read_text("utf-8"))["body-paragraphs"]:
            sents = [s.strip() for s in para if s.strip()]
            if glue == "" and not all(s[-1] in '.!?"”' for s in sents[:-1]):
                continue
            text, starts = "", set()
            for sent in sents:
                if text:
                    text += glue
                    starts.add(len(text))
                text += sent
            cases.append((text, starts))
    return cases


def score(split: Splitter, cases: list[tuple[str, set[int]]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for text, gold in cases:
        got = {s for s in split(text) if s > 0}
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def timed(split: Splitter, texts: list[str], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text in texts:
            split(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    splitters: dict[str, Splitter] = {"slant": slant, "provisional": provisional}
    for name, fn in (("syntok", syntok_split), ("pysbd", pysbd_split)):
        try:
            __import__(name)
        except ImportError:
            print(f"({name} is not installed: pip install {name} to compare with it)")
        else:
            splitters[name] = fn
    sets = {"gold": gold_cases(), "seed": seed_cases()}
    if (SHARED / "corpora" / "basil").is_dir():
        sets["basil"] = basil_cases(" ")
        sets["basil-glued"] = basil_cases("")
    print(f"{'set':<12} {'n':>5} " + " ".join(f"{n:>21}" for n in splitters))
    for name, cases in sets.items():
        row = [score(fn, cases) for fn in splitters.values()]
        cells = " ".join(f"P{p:.3f} R{r:.3f} F{f:.3f}".rjust(21) for p, r, f in row)
        print(f"{name:<12} {len(cases):>5} {cells}")
    texts = [t for t, _ in sets.get("basil") or sets["gold"]]
    chars = sum(len(t) for t in texts)
    base = timed(naive, texts)
    print(f"\nspeed on {len(texts)} paragraphs, {chars:,} chars; naive regex {base * 1000:.1f} ms")
    for name, fn in splitters.items():
        sec = timed(fn, texts, rounds=1 if name == "pysbd" else 3)
        print(
            f"{name:<12} {sec * 1000:9.1f} ms  {sec / base:7.1f}x naive  "
            f"{chars / sec / 1e6:.2f} MB/s"
        )


if __name__ == "__main__":
    main()
