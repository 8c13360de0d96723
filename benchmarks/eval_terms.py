"""Evaluate Slant's loaded-term lexicons on BASIL against the Recasens et al. bias lexicon.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_terms.py [--shared PATH]

BASIL (Fan et al. 2019) annotates lexical-bias spans (``bias: lex``) in 240 articles, 80
events x 3 outlets. Each annotation's offsets are inside ONE sentence string; we rebuild
each article as a Slant :class:`Article` and map every span into ``Article.text``.

Matching criterion: a hit and a gold span *match* when their character spans overlap by at
least one character. Recall = gold spans overlapped by any hit / gold spans; precision =
hits overlapping any gold span / hits (each span counted once even when it is in two
categories); F1 their harmonic mean. Outlet pick: for each event whose most-biased outlet
(most gold lex spans) is unique, does the outlet with the highest rate of hits per 1,000
words (own voice and quotes together, as BASIL annotates quotes too) match? Chance is 1/3.

Events are split by a hash of their id into a development half (the only half looked at
while writing the lexicons) and a held-out half; results are reported for both and all.
The Recasens lexicon is read at run time from ../shared and never copied into the repo; its
lemmas get the same inflection and matching as Slant's terms, so only the lists differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.model import Article, Span
from analysis.terms.lexicon import Category, LexiconSet, Term
from analysis.terms.load import load_lexicons
from analysis.terms.matcher import find_terms
from analysis.terms.settings import TermSettings

REPO = Path(__file__).resolve().parent.parent
OUTLETS = ("fox", "nyt", "hpo")


@dataclass(frozen=True)
class Doc:
    event: str
    outlet: str
    article: Article
    gold: tuple[Span, ...]
    unmapped: int


def _collapse(text: str) -> str:
    return " ".join(text.split())


SentenceIndex = dict[str, list[tuple[int, int, str]]]  # raw sentence -> (para, offset, clean)


def basil_article(
    path: Path, data: dict[str, Any]
) -> tuple[Article, SentenceIndex, dict[int, int]]:
    """Build a BASIL article as Slant would load it, with what maps annotations onto it.

    Returns the article, where each raw BASIL sentence landed (paragraph index, offset inside
    the joined paragraph, collapsed text), and each non-empty paragraph's start in the text.
    """
    paragraphs: list[str] = []
    sentence_at: SentenceIndex = {}
    for p_index, para in enumerate(data["body-paragraphs"]):
        parts: list[str] = []
        offset = 0
        for sent in para:
            clean = _collapse(sent)
            if not clean:
                continue
            sentence_at.setdefault(sent, []).append((p_index, offset, clean))
            parts.append(clean)
            offset += len(clean) + 1
        paragraphs.append(" ".join(parts))
    article = Article.from_parts(
        title=data["title"],
        paragraphs=[p for p in paragraphs if p],
        outlet=data["source"],
        source=str(path),
    )
    return article, sentence_at, _paragraph_starts(article, paragraphs)


def _build(path: Path, ann_path: Path) -> Doc:
    data = json.loads(path.read_text("utf-8"))
    ann = json.loads(ann_path.read_text("utf-8"))
    article, sentence_at, para_start = basil_article(path, data)
    gold: list[Span] = []
    unmapped = 0
    for entry in ann["phrase-level-annotations"]:
        if entry["bias"] != "lex":
            continue
        span = _map(entry, sentence_at, para_start)
        if span is None:
            unmapped += 1
        else:
            gold.append(span)
    return Doc(data["triplet-uuid"], data["source"], article, tuple(gold), unmapped)


def _paragraph_starts(article: Article, paragraphs: list[str]) -> dict[int, int]:
    starts: dict[int, int] = {}
    body = iter(article.paragraphs[1:] if article.title else article.paragraphs)
    for index, para in enumerate(paragraphs):
        if para:
            starts[index] = next(body).start
    return starts


def _map(
    entry: dict[str, object],
    sentence_at: dict[str, list[tuple[int, int, str]]],
    para_start: dict[int, int],
) -> Span | None:
    txt, start = str(entry["txt"]), int(str(entry["start"]))
    for raw, places in sentence_at.items():
        if raw[start : start + len(txt)] != txt:
            continue
        p_index, offset, clean = places[0]
        want = _collapse(txt)
        guess = len(_collapse(raw[:start]))
        found = [i for i in _all(clean, want)]
        if not found:
            return None
        pos = min(found, key=lambda i: abs(i - guess))
        base = para_start[p_index] + offset + pos
        return Span(base, base + len(want))
    return None


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def load_basil(shared: Path) -> list[Doc]:
    root = shared / "corpora" / "basil"
    docs = []
    for path in sorted((root / "articles").glob("*/*.json")):
        ann = root / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if ann.is_file():
            docs.append(_build(path, ann))
    return docs


def recasens(shared: Path) -> LexiconSet:
    path = shared / "lexicons-eval" / "bias-lexicon" / "bias-lexicon.txt"
    # One-letter entries ("s") would match every possessive after tokenization: dropped.
    lines = path.read_text("utf-8").splitlines()
    words = sorted({w.strip() for w in lines if len(w.strip()) > 1})
    terms = tuple(Term(text=w) for w in words)
    return LexiconSet((Category("recasens", "Recasens et al. 2013", True, "", terms, "", ""),))


def slant_loaded() -> LexiconSet:
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    return LexiconSet(tuple(c for c in lex.categories if c.loaded), lex.files)


def held_out(event: str) -> bool:
    return int(hashlib.sha256(event.encode()).hexdigest(), 16) % 2 == 1


@dataclass
class Scores:
    gold: int = 0
    gold_found: int = 0
    hits: int = 0
    hits_right: int = 0
    picks: int = 0
    picks_right: int = 0

    def row(self, name: str) -> str:
        r = self.gold_found / self.gold if self.gold else 0.0
        p = self.hits_right / self.hits if self.hits else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.picks_right / self.picks if self.picks else 0.0
        return (
            f"| {name} | {self.hits} | {p:.3f} | {r:.3f} | **{f:.3f}** | "
            f"{self.picks_right}/{self.picks} = {acc:.2f} |"
        )


def _hit_spans(doc: Doc, lex: LexiconSet) -> list[Span]:
    return sorted({Span(h.start, h.end) for h in find_terms(doc.article, lex)})


def score(docs: Sequence[Doc], lex: LexiconSet) -> Scores:
    s = Scores()
    rates: dict[str, dict[str, tuple[float, float]]] = {}
    for doc in docs:
        hits = _hit_spans(doc, lex)
        s.gold += len(doc.gold)
        s.gold_found += sum(1 for g in doc.gold if any(g.overlaps(h) for h in hits))
        s.hits += len(hits)
        s.hits_right += sum(1 for h in hits if any(h.overlaps(g) for g in doc.gold))
        words = max(1, doc.article.word_count)
        rates.setdefault(doc.event, {})[doc.outlet] = (len(doc.gold), 1000 * len(hits) / words)
    for outlets in rates.values():
        if len(outlets) < 3:
            continue
        gold_best = max(v[0] for v in outlets.values())
        winners = [o for o, v in outlets.items() if v[0] == gold_best]
        if gold_best == 0 or len(winners) != 1:
            continue
        s.picks += 1
        s.picks_right += max(outlets, key=lambda o: outlets[o][1]) == winners[0]
    return s


def per_category(docs: Sequence[Doc], lex: LexiconSet) -> list[str]:
    lines = ["| category | hits | precision | gold spans found |", "|---|---|---|---|"]
    for cat in lex.categories:
        one = LexiconSet((cat,))
        s = score(docs, one)
        p = s.hits_right / s.hits if s.hits else 0.0
        lines.append(f"| {cat.name} | {s.hits} | {p:.3f} | {s.gold_found} |")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    docs = load_basil(args.shared)
    gold = sum(len(d.gold) for d in docs)
    unmapped = sum(d.unmapped for d in docs)
    events = {d.event for d in docs}
    print(
        f"BASIL: {len(docs)} articles, {len(events)} events, {gold} lex spans mapped, "
        f"{unmapped} not mapped"
    )
    lexicons = {
        "Slant (loaded categories)": slant_loaded(),
        "Recasens et al. 2013": recasens(args.shared),
    }
    for title, subset in (
        ("all events", docs),
        ("development half", [d for d in docs if not held_out(d.event)]),
        ("held-out half", [d for d in docs if held_out(d.event)]),
    ):
        n_events = len({d.event for d in subset})
        print(f"\n### {title} ({n_events} events)\n")
        print("| lexicon | hits | precision | recall | F1 | outlet pick |")
        print("|---|---|---|---|---|---|")
        for name, lex in lexicons.items():
            print(score(subset, lex).row(name))
    print("\n### Slant categories (all events)\n")
    print("\n".join(per_category(docs, slant_loaded())))


if __name__ == "__main__":
    main()
