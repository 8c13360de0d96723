"""Attempts to adapt the loaded-wording model to BASIL, measured on the tune part only.

Run by hand (needs ../shared and scikit-learn):
    .venv/bin/python benchmarks/adapt_loaded.py [--shared PATH] [--part decode|stack|adapt]

Only the BASIL **tune** part (``held_out(event)`` false in ``eval_terms.py``, 46 events) is
read here; the held-out part is never loaded. Figures: span precision/recall/F1 with the rule
of ``eval_loaded.py`` (one shared character) and the most-loaded-outlet pick.

* ``decode``: the shipped model as it is; other decoding rules (adjacent flagged words merged
  into one phrase, at most one word per sentence, a sentence-probability gate, word x
  sentence probability) and other outlet scores (all words or own voice, counts, rates,
  sums of probabilities, article length alone).
* ``stack``: a small logistic regression trained on BASIL tune folds over the BABE model's
  word logit plus lexicon categories, quotation, capitals, sentence logit or word endings
  (5 folds grouped by event, out-of-fold probabilities).
* ``adapt``: the word model retrained on BABE plus the other folds' ``lex`` spans (BASIL
  rows weighted 0, 1 or 3), 5 folds grouped by event.

Results and what was kept are in ``docs/lexicons.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_terms import Doc, held_out, load_basil  # noqa: E402
from train_loaded import Sentence, build, fit, word_rows  # noqa: E402

from analysis.framing.quotes import quotation_spans  # noqa: E402
from analysis.model import Span  # noqa: E402
from analysis.terms.learned import LearnedModel, Token, load_model, word_features  # noqa: E402
from analysis.terms.load import load_lexicons  # noqa: E402
from analysis.terms.matcher import find_terms  # noqa: E402
from analysis.terms.settings import TermSettings  # noqa: E402


@dataclass
class BasilDoc:
    """One tune-part article as word rows: its sentences' tokens and labels."""

    doc: Doc
    sentences: list[Sentence]
    own: list[list[bool]]  # per sentence, per word: outside a direct quotation


def basil_sentences(docs: Sequence[Doc]) -> list[BasilDoc]:
    """Tokenize each article's sentences; a word is loaded when a gold span overlaps it."""
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    out = []
    for doc in docs:
        text = doc.article.text
        quotes = quotation_spans(text)
        hits = find_terms(doc.article, lex, quotes)
        sents, own = [], []
        for s in doc.article.sentences:
            toks = []
            for m_start, m_end, word in _words(text, s.start, s.end):
                cats = frozenset(h.category for h in hits if h.start < m_end and m_start < h.end)
                toks.append(Token(m_start, m_end, word, cats))
            labels = [int(any(g.start < t.end and t.start < g.end for g in doc.gold)) for t in toks]
            sents.append(Sentence(toks, labels, int(any(labels)), doc.outlet))
            own.append([not any(q.start <= t.start < q.end for q in quotes) for t in toks])
        out.append(BasilDoc(doc, sents, own))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    from analysis.terms.learned import word_spans

    return word_spans(text, start, end)


def decode(
    words: Sequence[Token], probs: Sequence[float], threshold: float, merge: bool
) -> list[Span]:
    """Flagged words as spans; with ``merge``, adjacent flagged words form one phrase."""
    spans: list[Span] = []
    last = -2
    for i, (w, p) in enumerate(zip(words, probs, strict=True)):
        if p < threshold:
            continue
        if merge and last == i - 1 and spans:
            spans[-1] = Span(spans[-1].start, w.end)
        else:
            spans.append(Span(w.start, w.end))
        last = i
    return spans


def evaluate(
    bdocs: Sequence[BasilDoc],
    probs: dict[int, list[list[float]]],
    threshold: float,
    merge: bool,
    score_kind: str,
) -> tuple[float, float, float, int, int]:
    """Span P/R/F1 and the outlet pick over the given docs."""
    gold = found = flagged = right = 0
    by_event: dict[str, dict[str, tuple[int, float]]] = {}
    for n, bd in enumerate(bdocs):
        spans: list[Span] = []
        value = 0.0
        for s, own, p in zip(bd.sentences, bd.own, probs[n], strict=True):
            spans += decode(s.words, p, threshold, merge)
            for o, q in zip(own, p, strict=True):
                if score_kind == "own_count":
                    value += o and q >= threshold
                elif score_kind == "all_count":
                    value += q >= threshold
                elif score_kind == "own_sum":
                    value += q if o else 0.0
                elif score_kind == "all_sum":
                    value += q
        g = bd.doc.gold
        gold += len(g)
        found += sum(1 for x in g if any(x.overlaps(h) for h in spans))
        flagged += len(spans)
        right += sum(1 for h in spans if any(h.overlaps(x) for x in g))
        by_event.setdefault(bd.doc.event, {})[bd.doc.outlet] = (len(g), value)
    picks = picks_right = 0
    for outlets in by_event.values():
        best = max(v[0] for v in outlets.values())
        winners = [o for o, v in outlets.items() if v[0] == best]
        if len(outlets) < 3 or best == 0 or len(winners) != 1:
            continue
        picks += 1
        picks_right += max(outlets, key=lambda o: outlets[o][1]) == winners[0]
    p = right / flagged if flagged else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, picks_right, picks


def cv_probs(
    babe: list[Sentence], bdocs: list[BasilDoc], c: float, weight: float
) -> dict[int, list[list[float]]]:
    """Out-of-fold word probabilities of every tune-part article (folds by event)."""
    brows, blabels, _ = word_rows(babe)
    groups = [bd.doc.event for bd in bdocs]
    out: dict[int, list[list[float]]] = {}
    for train, test in GroupKFold(n_splits=5).split(np.zeros(len(bdocs)), groups=groups):
        rows, labels = list(brows), list(blabels)
        sw = [1.0] * len(rows)
        if weight > 0:
            extra = [s for i in train for s in bdocs[i].sentences]
            r2, l2, _ = word_rows(extra)
            rows += r2
            labels += l2
            sw += [weight] * len(r2)
        vec, clf = fit(rows, labels, c, np.asarray(sw))
        for i in test:
            out[int(i)] = []
            for s in bdocs[i].sentences:
                if not s.words:
                    out[int(i)].append([])
                    continue
                feats = [dict.fromkeys(word_features(s.words, k), 1.0) for k in range(len(s.words))]
                out[int(i)].append(clf.predict_proba(vec.matrix(feats))[:, 1].tolist())
    return out


Probs = dict[int, list[list[float]]]


@cache
def base_model() -> LearnedModel:
    """The shipped model without its switched-off words (as in rounds two and three)."""
    return dataclasses.replace(load_model(), switched_off=frozenset(), cache={})


def shipped(bdocs: Sequence[BasilDoc]) -> tuple[Probs, dict[int, list[float]]]:
    """Word and sentence probabilities of the shipped model (trained on BABE only)."""
    model = base_model()
    words: Probs = {}
    sents: dict[int, list[float]] = {}
    for n, bd in enumerate(bdocs):
        batch = [([w.text for w in s.words], [w.categories for w in s.words]) for s in bd.sentences]
        words[n], sents[n] = model.score_sentences(batch)
    return words, sents


def _row(name: str, figures: tuple[float, float, float, int, int], extra: str = "") -> str:
    p, r, f, right, n = figures
    return f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {right}/{n} |{extra}"


def part_decode(bdocs: list[BasilDoc]) -> None:
    """Decoding rules and outlet scores over the shipped model's probabilities."""
    words, sents = shipped(bdocs)
    print("| rule | P | R | F1 | pick (own-voice count) | pick (all words) |")
    print("|---|---|---|---|---|---|")
    rules: dict[str, Callable[[list[float], float], list[float]]] = {
        "threshold": lambda row, sp: row,
        "one word per sentence": lambda row, sp: [p if p == max(row) else 0.0 for p in row],
        "sentence gate 0.5": lambda row, sp: [p if sp >= 0.5 else 0.0 for p in row],
        "word x sentence": lambda row, sp: [p * sp for p in row],
    }
    for name, rule in rules.items():
        probs = {
            n: [rule(row, sp) for row, sp in zip(words[n], sents[n], strict=True)] for n in words
        }
        for t in (0.15, 0.2, 0.25, 0.3, 0.35):
            for merge in (False, True):
                own = evaluate(bdocs, probs, t, merge, "own_count")
                every = evaluate(bdocs, probs, t, merge, "all_count")
                label = f"{name} {t}{' merged' if merge else ''}"
                print(_row(label, own, f" {every[3]}/{every[4]} |"))
    scores: dict[str, Callable[[int, BasilDoc], float]] = {
        "article length (words)": lambda n, bd: sum(len(s.words) for s in bd.sentences),
        "own-voice flagged per 1,000 own words (0.3)": lambda n, bd: _rate(words[n], bd),
        "sum of sentence probabilities": lambda n, bd: sum(sents[n]),
    }
    for name, value in scores.items():
        print(f"outlet pick by {name}: {pick(bdocs, value)}")


def _rate(rows: list[list[float]], bd: BasilDoc) -> float:
    pairs = zip(rows, bd.own, strict=True)
    flagged = sum(p >= 0.3 and o for row, own in pairs for p, o in zip(row, own, strict=True))
    return flagged / max(1, sum(sum(own) for own in bd.own))


def pick(bdocs: Sequence[BasilDoc], value: Callable[[int, BasilDoc], float]) -> str:
    """Outlet pick of any article score."""
    by_event: dict[str, dict[str, tuple[int, float]]] = {}
    for n, bd in enumerate(bdocs):
        by_event.setdefault(bd.doc.event, {})[bd.doc.outlet] = (len(bd.doc.gold), value(n, bd))
    right = total = 0
    for outlets in by_event.values():
        best = max(v[0] for v in outlets.values())
        winners = [o for o, v in outlets.items() if v[0] == best]
        if len(outlets) < 3 or best == 0 or len(winners) != 1:
            continue
        total += 1
        right += max(outlets, key=lambda o: outlets[o][1]) == winners[0]
    return f"{right}/{total}"


def _stack_features(w: Token, p: float, own: bool, sp: float, kind: str) -> dict[str, float]:
    feats = {"babe": _logit(p)}
    if "cat" in kind:
        feats.update({f"lex={c}": 1.0 for c in w.categories})
    if "quote" in kind and not own:
        feats["quote"] = 1.0
    if "cap" in kind and w.text[0].isupper():
        feats["cap"] = 1.0
    if "sentence" in kind:
        feats["sentence"] = _logit(sp)
    if "ending" in kind and len(w.text) >= 5:
        feats[f"s2={w.text.lower()[-2:]}"] = 1.0
    return feats


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return float(np.log(p / (1 - p)))


def part_stack(bdocs: list[BasilDoc]) -> None:
    """A BASIL-trained layer over the BABE model, out-of-fold by event."""
    words, sents = shipped(bdocs)
    print("| features | P | R | F1 | pick |")
    print("|---|---|---|---|---|")
    for kind in (
        "babe",
        "cat",
        "cat quote",
        "cat quote cap",
        "cat quote cap sentence",
        "cat quote cap ending",
    ):
        rows, labels, where = [], [], []
        for n, bd in enumerate(bdocs):
            for si, (s, own) in enumerate(zip(bd.sentences, bd.own, strict=True)):
                for k, w in enumerate(s.words):
                    rows.append(_stack_features(w, words[n][si][k], own[k], sents[n][si], kind))
                    labels.append(s.labels[k])
                    where.append((n, si, k))
        out = out_of_fold(rows, labels, [bdocs[n].doc.event for n, _, _ in where])
        probs: Probs = {
            n: [[0.0] * len(s.words) for s in bd.sentences] for n, bd in enumerate(bdocs)
        }
        for (n, si, k), p in zip(where, out, strict=True):
            probs[n][si][k] = float(p)
        for t in (0.05, 0.08, 0.1, 0.12, 0.15, 0.2):
            print(_row(f"{kind} @ {t}", evaluate(bdocs, probs, t, True, "own_count")), flush=True)


def part_adapt(bdocs: list[BasilDoc], babe: list[Sentence]) -> None:
    """The word model retrained on BABE plus BASIL tune folds."""
    print("| BASIL weight, threshold | P | R | F1 | pick |")
    print("|---|---|---|---|---|")
    for weight in (0.0, 1.0, 3.0):
        probs = cv_probs(babe, bdocs, 0.2, weight)
        for t in (0.1, 0.15, 0.2, 0.3, 0.4):
            print(_row(f"{weight}, {t}", evaluate(bdocs, probs, t, True, "own_count")), flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--part", choices=("decode", "stack", "adapt"), default="decode")
    args = parser.parse_args(argv)
    docs = [d for d in load_basil(args.shared) if not held_out(d.event)]
    bdocs = basil_sentences(docs)
    print(f"tune part: {len({d.event for d in docs})} events, {len(docs)} articles")
    if args.part == "decode":
        part_decode(bdocs)
    elif args.part == "stack":
        part_stack(bdocs)
    else:
        part_adapt(bdocs, build(args.shared))


def out_of_fold(rows: list[dict[str, float]], labels: list[int], groups: list[str]) -> np.ndarray:
    """Each row's probability from a model fitted without its group (5 folds by event)."""
    out = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=5).split(np.zeros(len(rows)), groups=groups):
        vec, clf = fit([rows[i] for i in train], [labels[i] for i in train], 1.0)
        out[test] = clf.predict_proba(vec.matrix([rows[i] for i in test]))[:, 1]
    return out


if __name__ == "__main__":
    main()
