"""Loading 200 generated articles of ~1,000 words from disk, as .txt and as .html.

Run by hand: ``.venv/bin/python benchmarks/bench_loading.py``. Figures are wall-clock
seconds for all 200 files and ratios against ``Path.read_text`` of the same files,
timed in the same run (best of three rounds; the HTML round once more with the
first-use imports excluded).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.ingest import load_source  # noqa: E402

N_ARTICLES = 200
WORDS_PER_ARTICLE = 1000
VOCAB = (
    "council harbour ferry minister officials said Monday plan vote residents protest police "
    "government union workers port lease report talks agreement crisis security president "
    "statement week month year city region court budget service night islands company"
).split()
FILLER = "the a of to in and on for with by at from that which after before".split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCAB if rng.random() < 0.5 else FILLER) for _ in range(rng.randint(8, 24))]
    if rng.random() < 0.1:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(["U.S.", "Mr.", "3.5", "a.m."]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", '," he said.'])


def _article(rng: random.Random) -> tuple[str, list[str]]:
    paragraphs: list[str] = []
    words = 0
    while words < WORDS_PER_ARTICLE:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        words += len(para.split())
    return _sentence(rng).rstrip(".?"), paragraphs


def write_corpus(folder: Path) -> tuple[list[Path], list[Path]]:
    rng = random.Random(20260314)
    txt, html = [], []
    for i in range(N_ARTICLES):
        title, paragraphs = _article(rng)
        t = folder / f"a{i:03}.txt"
        t.write_text(
            f"date 2026-03-{1 + i % 28:02} https://apnews.com/article/{i}\n\n{title}\n\n"
            + "\n\n".join(paragraphs),
            encoding="utf-8",
        )
        h = folder / f"a{i:03}.html"
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        h.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="Bench Daily"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>\n{body}</article><footer>(c) Bench</footer></body></html>",
            encoding="utf-8",
        )
        txt.append(t)
        html.append(h)
    return txt, html


def best_of(fn: Callable[[Path], object], paths: list[Path], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for path in paths:
            fn(path)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        txt, html = write_corpus(Path(name))
        words = sum(len(p.read_text("utf-8").split()) for p in txt) / len(txt)
        t0 = time.perf_counter()
        load_source(str(html[0]))  # first use imports trafilatura/lxml: timed on its own
        first = time.perf_counter() - t0
        base_txt = best_of(lambda p: p.read_text("utf-8"), txt)
        base_html = best_of(lambda p: p.read_text("utf-8"), html)
        load_txt = best_of(lambda p: load_source(str(p)), txt)
        load_html = best_of(lambda p: load_source(str(p)), html)
        sentences = sum(len(load_source(str(p)).sentences) for p in txt)
    print(f"{N_ARTICLES} articles, {words:.0f} words each on average, {sentences} sentences")
    print(f"baseline Path.read_text  txt {base_txt:.4f} s   html {base_html:.4f} s")
    print(f"load_source .txt         {load_txt:.3f} s  = {load_txt / base_txt:.0f}x read_text")
    print(f"load_source .html        {load_html:.3f} s  = {load_html / base_html:.0f}x read_text")
    print(f"first HTML load (imports trafilatura) {first:.3f} s")
    print(f"txt under 2 s: {'yes' if load_txt < 2 else 'NO'}")


if __name__ == "__main__":
    main()
