"""Evaluate loaded-language detection on BASIL: spans against ``lex`` and the outlet pick.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/eval_loaded.py [--shared PATH]

Articles and gold spans are built exactly as in ``eval_terms.py`` (BASIL 2010–2017, 80
events x 3 outlets, annotations with ``bias: lex``). Each method gives, per article, a set
of flagged character spans and one score:

* **span P/R/F1**: a flagged span and a gold span match when they overlap by at least one
  character; recall = gold spans overlapped by any flagged span / gold spans, precision =
  flagged spans overlapping a gold span / flagged spans.
* **outlet pick**: for each event whose most-loaded outlet (most gold ``lex`` spans) is
  unique, does the outlet with the highest score match? Chance is 1/3.
* **pairwise**: over every pair of same-event articles whose gold ``lex`` counts differ,
  does the score order them as the counts do? Chance is 1/2; with about three pairs per
  event it is less noisy than the pick (the ``adapt_loaded_word.py`` round relies on it).
  A pair the score ties counts as wrong; ``tied`` says how many (a count of flagged words
  ties often, a sum of probabilities almost never).

Split, by event (the same hash split as ``eval_terms.py``): the **tune** part
(``held_out(event)`` false, 46 events) is the only part looked at while choosing thresholds
and features; the **held-out** part (34 events) is reported, never tuned on.

Baselines in the same table: Slant's lexicon-only method (the categories flagged ``loaded``,
score = loaded hits per 1,000 words, as the app showed before the model) and the Recasens et
al. 2013 bias lexicon (read from ../shared at run time, never copied; same matcher).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_terms import Doc, held_out, load_basil, recasens, slant_loaded  # noqa: E402

from analysis.framing.quotes import quotation_spans  # noqa: E402
from analysis.model import Span  # noqa: E402
from analysis.terms.learned import load_model  # noqa: E402
from analysis.terms.lexicon import LexiconSet  # noqa: E402
from analysis.terms.load import load_lexicons  # noqa: E402
from analysis.terms.matcher import find_terms  # noqa: E402
from analysis.terms.scores import score_article  # noqa: E402
from analysis.terms.settings import TermSettings  # noqa: E402

#: One method's output for one article: flagged spans and the article's score.
Output = tuple[list[Span], float]
Method = Callable[[Doc], Output]


def lexicon_method(lex: LexiconSet) -> Method:
    """Flag every hit of ``lex``; score = hits per 1,000 words."""

    def run(doc: Doc) -> Output:
        spans = sorted({Span(h.start, h.end) for h in find_terms(doc.article, lex)})
        return spans, 1000.0 * len(spans) / max(1, doc.article.word_count)

    return run


@dataclass
class Scores:
    """Counts behind one row of the table."""

    gold: int = 0
    gold_found: int = 0
    flagged: int = 0
    flagged_right: int = 0
    picks: int = 0
    picks_right: int = 0
    pairs: int = 0
    pairs_right: int = 0
    pairs_tied: int = 0

    @property
    def precision(self) -> float:
        return self.flagged_right / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def pick(self) -> float:
        return self.picks_right / self.picks if self.picks else 0.0

    def row(self, name: str) -> str:
        return (
            f"| {name} | {self.flagged} | {self.precision:.3f} | {self.recall:.3f} | "
            f"**{self.f1:.3f}** | {self.picks_right}/{self.picks} = {self.pick:.2f} | "
            f"{self.pairs_right}/{self.pairs} | {self.pairs_tied} |"
        )


def score(docs: Sequence[Doc], outputs: dict[int, Output]) -> Scores:
    """Score precomputed outputs (keyed by ``id(doc)``) on ``docs``."""
    s = Scores()
    by_event: dict[str, dict[str, tuple[int, float]]] = {}
    for doc in docs:
        spans, value = outputs[id(doc)]
        s.gold += len(doc.gold)
        s.gold_found += sum(1 for g in doc.gold if any(g.overlaps(h) for h in spans))
        s.flagged += len(spans)
        s.flagged_right += sum(1 for h in spans if any(h.overlaps(g) for g in doc.gold))
        by_event.setdefault(doc.event, {})[doc.outlet] = (len(doc.gold), value)
    for outlets in by_event.values():
        ordered = list(outlets.values())
        for i, (g1, v1) in enumerate(ordered):
            for g2, v2 in ordered[i + 1 :]:
                if g1 != g2:
                    s.pairs += 1
                    s.pairs_right += (v1 - v2) * (g1 - g2) > 0
                    s.pairs_tied += v1 == v2
        gold_best = max(v[0] for v in outlets.values())
        winners = [o for o, v in outlets.items() if v[0] == gold_best]
        if len(outlets) < 3 or gold_best == 0 or len(winners) != 1:
            continue
        s.picks += 1
        s.picks_right += max(outlets, key=lambda o: outlets[o][1]) == winners[0]
    return s


def model_method(before_round_4: bool = False) -> Method:
    """Flag the words the learned model flags; score = the app's loaded score.

    With ``before_round_4``: no switched-off words, and the score of rounds 1-3, the count
    of flagged words outside quotations.
    """
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    model = load_model()
    if before_round_4:
        model = dataclasses.replace(model, switched_off=frozenset(), cache={})

    def run(doc: Doc) -> Output:
        quotes = quotation_spans(doc.article.text)
        hits = find_terms(doc.article, lex, quotes)
        result, flagged = score_article(doc.article, hits, quotes, model, lex.loaded_names)
        spans = sorted({Span(h.start, h.end) for h in flagged})
        if before_round_4:
            return spans, float(sum(not h.in_quote for h in flagged))
        return spans, float(result.score)

    return run


def length_method(doc: Doc) -> Output:
    """No spans; score = the article's length in words (what a count leans on)."""
    return [], float(doc.article.word_count)


def methods(shared: Path) -> dict[str, Method]:
    """The methods compared, baselines first."""
    return {
        "Article length alone (flags nothing; pick reference)": length_method,
        "Slant lexicons only (loaded categories)": lexicon_method(slant_loaded()),
        "Recasens et al. 2013 bias lexicon": lexicon_method(recasens(shared)),
        "Learned model, rounds 1-3 (count of flagged own-voice words)": model_method(True),
        "Learned model (BABE) + lexicon features, switch-offs, expected words": model_method(),
    }


def splits(docs: Sequence[Doc]) -> list[tuple[str, list[Doc]]]:
    """The tune part, the held-out part and all events."""
    return [
        ("held-out part (never tuned on)", [d for d in docs if held_out(d.event)]),
        ("tune part", [d for d in docs if not held_out(d.event)]),
        ("all events", list(docs)),
    ]


def table(docs: Sequence[Doc], named: dict[str, Method]) -> list[str]:
    """The Markdown tables, one per split."""
    outputs = {name: {id(d): run(d) for d in docs} for name, run in named.items()}
    lines: list[str] = []
    for title, subset in splits(docs):
        n_events = len({d.event for d in subset})
        lines += [f"\n### {title}: {n_events} events, {len(subset)} articles\n"]
        lines += ["| method | flagged | precision | recall | F1 | outlet pick | pairwise | tied |"]
        lines += ["|---|---|---|---|---|---|---|---|"]
        lines += [score(subset, out).row(name) for name, out in outputs.items()]
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    docs = load_basil(args.shared)
    gold = sum(len(d.gold) for d in docs)
    print(f"BASIL: {len(docs)} articles, {gold} lex spans mapped")
    print("\n".join(table(docs, methods(args.shared))))


if __name__ == "__main__":
    main()
