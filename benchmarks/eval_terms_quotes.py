"""Evaluate Slant's quote detection and speaker attribution on BASIL's quote annotations.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_terms_quotes.py [--shared PATH]

Every BASIL bias span (lexical and informational) says whether it is a quote (``quote:
yes/no``) and, for quotes, who speaks (``speaker``, e.g. ``Elizabeth_Lauten``). That is gold
for two things Slant does:

* ``in_quote``: a span counts as quoted by Slant when at least half of its characters lie
  inside Slant's direct quotations (the flag the terms step puts on every hit), or, in the
  second row, inside any of Slant's quotes (direct, or the reported clause of "X said …").
  BASIL's "quote" covers indirect speech too, so the first row cannot reach full recall.
* speakers: for gold quotes with a named speaker (BASIL's "other pro", "other anti", "other
  neutral" are left out: they name a side, not a person), the Slant quote that covers the span most
  is found; the speaker is right when its key equals the key of BASIL's name
  (:func:`analysis.framing.speakers.surname_key`: "Elizabeth Lauten" → "lauten"; BASIL's
  names stop at an accented letter, "Felipe_Calder", so "calderón" cut there matches). A
  speaker that is a document ("the advertisement says", "the letter states") is counted
  apart: BASIL names the side behind it ("Romney campaign"), which a document never matches.
* the "Who is quoted" list (every named source of every article): how many are news outlets
  (``analysis.framing.speakers.is_outlet``) or lie in the headline, two kinds of entries
  that are never sources. Run against an older checkout, it measures what the rules fixed.

Articles are rebuilt exactly as in ``eval_terms.py``. Nothing from ../shared is copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_terms import _map, basil_article  # noqa: E402

from analysis.framing.quoting import Quote  # noqa: E402
from analysis.framing.report import analyse_framing  # noqa: E402
from analysis.framing.speakers import DOCUMENT_NOUNS, is_outlet, surname_key  # noqa: E402
from analysis.model import Article, Span  # noqa: E402
from analysis.terms.load import load_lexicons  # noqa: E402
from analysis.terms.settings import TermSettings  # noqa: E402

Gold = tuple[Span, bool, str]  # span, BASIL says quote, speaker ("" when none)


def _build(path: Path, ann_path: Path) -> tuple[Article, list[Gold]]:
    data = json.loads(path.read_text("utf-8"))
    ann = json.loads(ann_path.read_text("utf-8"))
    article, sentence_at, starts = basil_article(path, data)
    gold: list[Gold] = []
    for entry in ann["phrase-level-annotations"]:
        span = _map(entry, sentence_at, starts)
        if span is not None and span.end > span.start:
            speaker = str(entry.get("speaker") or "").replace("_", " ").strip()
            gold.append((span, entry.get("quote") == "yes", speaker))
    return article, gold


def _covered(span: Span, inside: Sequence[Span]) -> int:
    """Characters of ``span`` inside the (disjoint or not) spans ``inside``."""
    chars = set()
    for other in inside:
        chars.update(range(max(span.start, other.start), min(span.end, other.end)))
    return len(chars)


def _best_quote(span: Span, quotes: Sequence[Quote]) -> Quote | None:
    best = max(quotes, key=lambda q: _covered(span, (q.span,)), default=None)
    return best if best is not None and _covered(span, (best.span,)) > 0 else None


def _confusion(pairs: Sequence[tuple[bool, bool]]) -> str:
    tp = sum(1 for g, s in pairs if g and s)
    fp = sum(1 for g, s in pairs if s and not g)
    fn = sum(1 for g, s in pairs if g and not s)
    right = sum(1 for g, s in pairs if g == s)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{right / len(pairs):.3f} | {p:.3f} | {r:.3f} | {f:.3f}"


def _same_key(slant: str, gold: str) -> bool:
    """Keys equal; BASIL's speaker names stop at the first accented letter ("Felipe_Calder"
    for Calderón), so a Slant key cut at its first non-ASCII letter may match too."""
    if slant == gold:
        return True
    cut = next((i for i, c in enumerate(slant) if not c.isascii()), None)
    return cut is not None and slant[:cut] == gold


def _speaker_outcome(span: Span, speaker: str, quotes: Sequence[Quote]) -> str:
    best = _best_quote(span, quotes)
    if best is None:
        return _OUTCOMES[4]
    if best.attribution is None or not best.attribution.key:
        return _OUTCOMES[3]
    if _same_key(best.attribution.key, surname_key(speaker)):
        return _OUTCOMES[0]
    if best.attribution.key.split()[-1] in DOCUMENT_NOUNS:
        return _OUTCOMES[2]
    return _OUTCOMES[1]


def _print_speakers(speakers: Counter[str], names: Counter[str]) -> None:
    total = sum(speakers.values())
    print(f"\nGold quotes with a named speaker: {total}\n")
    print("| outcome | spans | share |")
    print("|---|---|---|")
    for outcome in _OUTCOMES:
        n = speakers[outcome]
        print(f"| {outcome} | {n} | {n / total:.3f} |")
    credited = total - speakers[_OUTCOMES[3]] - speakers[_OUTCOMES[4]]
    right = speakers[_OUTCOMES[0]]
    print(f"\nSpeaker precision (right / credited): {right / max(1, credited):.3f}")
    print(f"Speaker recall (right / all): {right / max(1, total):.3f}")
    print(
        f"\nNamed sources ('Who is quoted'): {names['named']}; outlets among them: "
        f"{names['outlet']}; in the headline: {names['headline']}"
    )


_OUTCOMES = (
    "right speaker",
    "other speaker",
    "a document (ad, letter, report …)",
    "Slant quote without speaker",
    "no Slant quote covers the span",
)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    root = args.shared / "corpora" / "basil"
    lexicons = load_lexicons(TermSettings(use_user_lexicons=False))
    direct: list[tuple[bool, bool]] = []
    any_quote: list[tuple[bool, bool]] = []
    speakers: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for path in sorted((root / "articles").glob("*/*.json")):
        ann = root / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if not ann.is_file():
            continue
        article, gold = _build(path, ann)
        framing = analyse_framing([article], None, lexicons).articles[0]
        quotes = [q for q in framing.quotes if not q.scare]
        for source in framing.sources:
            if not source.anonymous:
                names["named"] += 1
                names["outlet"] += is_outlet(source.name.split())
                names["headline"] += source.span.start < article.headline.end
        for span, is_quote, speaker in gold:
            half = (span.end - span.start) / 2
            direct.append((is_quote, _covered(span, framing.quotation_spans) >= half))
            any_quote.append((is_quote, _covered(span, [q.span for q in quotes]) >= half))
            if not (is_quote and speaker) or speaker.lower().startswith("other"):
                continue  # BASIL codes unnamed speakers as "other pro/anti/neutral"
            speakers[_speaker_outcome(span, speaker, quotes)] += 1
    quoted = sum(g for g, _ in direct)
    print(f"BASIL bias spans mapped: {len(direct)}, of which quotes: {quoted}\n")
    print("| Slant counts a span as quoted when inside | accuracy | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    print(f"| direct quotations (the `in_quote` flag) | {_confusion(direct)} |")
    print(f"| any Slant quote (direct or indirect) | {_confusion(any_quote)} |")
    _print_speakers(speakers, names)


if __name__ == "__main__":
    main()
