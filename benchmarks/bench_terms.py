"""Benchmark the loaded-term step: 100 articles x ~800 words, and one 20 MB text.

Run by hand:  .venv/bin/python benchmarks/bench_terms.py

Figures are ratios against a baseline measured in the same run: tokenizing the same texts
with one ``re.findall`` (the least any word-level matcher must do).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace

from analysis.ingest import load_sample
from analysis.model import Article, count_words
from analysis.terms.load import load_lexicons
from analysis.terms.matcher import find_terms
from analysis.terms.report import analyse_terms
from analysis.terms.settings import TermSettings

TOKEN = re.compile(r"[^\W_]+")


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus(n: int = 100, words: int = 800) -> list[Article]:
    paras = [p.slice(a.text) for a in load_sample() for p in a.paragraphs[1:]]
    arts = []
    for i in range(n):
        body: list[str] = []
        k = i
        while sum(count_words(p) for p in body) < words:
            body.append(paras[k % len(paras)])
            k += 7
        arts.append(
            Article.from_parts(title=f"Story {i}", paragraphs=body, outlet=f"O{i}", source="b")
        )
    return arts


def main() -> None:
    t0 = time.perf_counter()
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    load_s = time.perf_counter() - t0
    arts = corpus()
    total = sum(a.word_count for a in arts)
    t0 = time.perf_counter()
    find_terms(arts[0], lex)  # compiles the lexicons once
    compile_s = time.perf_counter() - t0
    base = best(lambda: [TOKEN.findall(a.text.lower()) for a in arts])
    find = best(lambda: [find_terms(a, lex) for a in arts])
    full = best(lambda: analyse_terms(arts, lexicons=lex))
    print(f"corpus: {len(arts)} articles, {total} words")
    print(
        f"load lexicons: {load_s * 1000:.0f} ms; "
        f"first match incl. compile: {compile_s * 1000:.0f} ms"
    )
    print(f"baseline tokenize: {base * 1000:.1f} ms")
    print(f"find_terms:        {find * 1000:.1f} ms  ({find / base:.1f}x baseline)")
    print(
        f"analyse_terms:     {full * 1000:.1f} ms  "
        f"({full / base:.1f}x baseline; quotes, rates, table)"
    )
    big_text = "\n\n".join(a.text for a in arts)
    while len(big_text) < 20_000_000:
        big_text = big_text + "\n\n" + big_text
    big = replace(arts[0], text=big_text[:20_000_000])
    big_base = best(lambda: TOKEN.findall(big.text.lower()), repeat=1)
    big_find = best(lambda: find_terms(big, lex), repeat=1)
    print(
        f"20 MB text: tokenize {big_base:.2f} s, "
        f"find_terms {big_find:.2f} s ({big_find / big_base:.1f}x)"
    )


if __name__ == "__main__":
    main()
