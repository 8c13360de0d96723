"""Does NewsWCL50's word-choice coding carry to BASIL's loaded spans?  (issue #10; study)

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/adapt_loaded_wcl.py

NewsWCL50 (Hamborg et al. 2019) codes, besides actors, the *properties* a mention gives its
target ("Aggressor", "Victim", "No trustworthiness", …): 2,731 PROPERTY annotations over 50
articles, the one annotated source of loaded word choice in ``../shared`` not yet used. Each
lexicon below is the lower-cased words of PROPERTY mentions (common function words left out),
kept when they occur in at least ``k`` such mentions; a BASIL word it contains is flagged.
Scored on BASIL's **tune part only** (46 events; the held-out events are dropped by
``adapt_loaded_stop.parts`` before anything is read from them) with the span rule and outlet
pick of ``adapt_loaded.evaluate``, beside the shipped model in the same run.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapt_loaded import BasilDoc, evaluate
from adapt_loaded_stop import REPO, parts, shipped_probs

from analysis.terms.learned import lemma, word_spans

SHARED = REPO.parent / "shared"
# Function words and the commonest news verbs: not word choice.
_STOP = frozenset(
    "a an the of to in on for and or but with by at from as is are was were be been being "
    "that this these those it its his her their our my your he she they we i you who whom "
    "which what has have had not no do does did will would can could may might should said "
    "says say than then there here over into about after before up out more most very so".split()
)


def property_words(k: int) -> frozenset[str]:
    """Lemmas of the words of NewsWCL50 PROPERTY mentions, in at least ``k`` mentions."""
    path = SHARED / "corpora" / "newswcl50" / "Annotations.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]  # first line: "sep=,"
    seen: Counter[str] = Counter()
    for row in csv.DictReader(lines):
        if row["code_type"] != "PROPERTY":
            continue
        text = row["code_mention"]
        words = {lemma(w.lower()) for _, _, w in word_spans(text, 0, len(text))}
        seen.update(w for w in words if w not in _STOP and len(w) > 2)
    return frozenset(w for w, n in seen.items() if n >= k)


def flags(bdocs: list[BasilDoc], words: frozenset[str]) -> dict[int, list[list[float]]]:
    """1.0 for each BASIL word whose lemma is in ``words``."""
    return {
        n: [[float(lemma(w.text.lower()) in words) for w in s.words] for s in bd.sentences]
        for n, bd in enumerate(bdocs)
    }


def main() -> None:
    for name, bdocs in parts(SHARED):
        print(f"\n{name} (tune part, {len(bdocs)} articles)")
        print("| method | words | P | R | F1 | pick |")
        print("|---|---|---|---|---|---|")
        p, r, f, right, picks = evaluate(bdocs, shipped_probs(bdocs), 0.30, False, "own_sum")
        print(f"| shipped model @ 0.30 | | {p:.3f} | {r:.3f} | {f:.3f} | {right}/{picks} |")
        for k in (1, 2, 3, 5, 10):
            words = property_words(k)
            p, r, f, right, picks = evaluate(bdocs, flags(bdocs, words), 0.5, False, "all_count")
            print(
                f"| NewsWCL50 property words, k {k} | {len(words)} | {p:.3f} | {r:.3f} | "
                f"{f:.3f} | {right}/{picks} |"
            )


if __name__ == "__main__":
    main()
