"""Fourth round: word-class features, a stop list learned from BASIL, the outlet score.

Run by hand (needs ../shared and scikit-learn):
    .venv/bin/python benchmarks/adapt_loaded_stop.py --part stop|class|score [--shared PATH]
    .venv/bin/python benchmarks/adapt_loaded_stop.py --fit              # the stop list shipped
    .venv/bin/python benchmarks/adapt_loaded_stop.py --final-held-out   # once, after deciding

Only the BASIL **tune** part (46 events, 138 articles, 203 ``lex`` spans) is read by the
parts and ``--fit``; everything learned from BASIL is out-of-fold over 5 folds grouped by
event. Span P/R/F1 follow ``eval_loaded.py``; ``pairwise`` and ``pick`` are as in
``adapt_loaded_word.py`` (105 pairs, 36 picks on the tune part).

**Blind lexicons.** Slant's lexicons were revised once while reading the tune part's misses
(commit 73fd3d4 added "phony", "testy", "stinging blow", ...), so every figure that leans on
the lexicon categories flatters the tune part: the lexicons alone find 46 % of its spans but
22 % of the held-out part's. Each part is therefore also run with **those added terms taken
out** (:data:`ADDED_FROM_TUNE`), a proxy for events the lexicons were not written from. A
candidate is kept only when it gains on both.

* ``stop``: the shipped word model, with the word forms that the BASIL annotators never mark
  although the model flags them often (:func:`stop_lemmas`: flagged at least ``k`` times
  over at least ``e`` events of the training folds, never inside a ``lex`` span) switched off.
* ``class``: word-class features the brief proposed: VADER valence (``vaderSentiment``, a
  dependency), TextBlob's adjective polarity/subjectivity/intensity and its Brill part-of-
  speech lexicon (read from an installed ``textblob`` when there is one; not a dependency),
  Dale-Chall easy words (``textstat``, a dependency), word endings, quotation, capitals; as a
  BASIL-trained layer over the BABE logit, and inside the BABE word model.
* ``score``: outlet scores as estimates of the annotators' count (quotes included).
* ``babe``: what switching the words off costs on BABE (cross-validation by outlet).

``--final-held-out`` applies :data:`CANDIDATE` (fitted on the whole tune part) to the
held-out part and prints its row; it was run once, after the decision in
``docs/lexicons.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import adapt_loaded  # noqa: E402
import train_loaded  # noqa: E402
from adapt_loaded import BasilDoc, Probs, base_model, basil_sentences, evaluate  # noqa: E402
from adapt_loaded_word import (  # noqa: E402
    Score,
    agreement,
    own_count,
    prob_sum,
    to_probs,
    vader,
)
from eval_terms import held_out, load_basil  # noqa: E402
from train_loaded import Sentence, fit  # noqa: E402

from analysis.terms.learned import Token, lemma, word_features  # noqa: E402
from analysis.terms.lexicon import LexiconSet  # noqa: E402
from analysis.terms.load import load_lexicons  # noqa: E402
from analysis.terms.settings import TermSettings  # noqa: E402

#: Lexicon terms added in commit 73fd3d4 from the tune part's misses (our own terms).
ADDED_FROM_TUNE = (
    frozenset(
        (
            "affront appalling assail bombastic chide complain demonize disgracefully disturbing "
            "excoriate ferocious frosty gruesome grumble hawkish negligent phony pounce rebuff "
            "scandal shenanigans slash strikingly terrible testy toxic"
        ).split()
    )
    | {"hostile takeover", "in the cross hairs", "last-ditch", "reign of terror", "stinging blow"}
    | {"swipe at", "take a swipe", "under a bus", "under the bus"}
)

#: (minimum flags, minimum events, threshold) of the stop list, chosen on the tune part.
CANDIDATE = (8, 3, 0.3)
#: Outlet score checked on the held-out part: sum of word probabilities >= 0.1, all words
#: (the first look); the app's own-voice sum, floor 0.15, is ``eval_loaded.py``'s row.
SCORE_FLOOR = 0.1


def shipped_probs(bdocs: Sequence[BasilDoc]) -> Probs:
    """Word probabilities of :func:`base_model` (trained on BABE only)."""
    out: Probs = {}
    for n, bd in enumerate(bdocs):
        batch = [([w.text for w in s.words], [w.categories for w in s.words]) for s in bd.sentences]
        out[n] = base_model().score_sentences(batch)[0]
    return out


def blind_lexicons(settings: TermSettings | None = None) -> LexiconSet:
    """Slant's lexicons without :data:`ADDED_FROM_TUNE`."""
    lex = load_lexicons(settings)
    cats = tuple(
        dataclasses.replace(c, terms=tuple(t for t in c.terms if t.text not in ADDED_FROM_TUNE))
        for c in lex.categories
    )
    return dataclasses.replace(lex, categories=cats)


@contextmanager
def lexicons_as(loader: Callable[..., LexiconSet]) -> Iterator[None]:
    """Make the round-two helpers tag words with ``loader``'s lexicons for a while."""
    saved = adapt_loaded.load_lexicons, train_loaded.load_lexicons
    adapt_loaded.load_lexicons = train_loaded.load_lexicons = loader
    try:
        yield
    finally:
        adapt_loaded.load_lexicons, train_loaded.load_lexicons = saved


def parts(shared: Path) -> list[tuple[str, list[BasilDoc]]]:
    """The tune part tagged with the full lexicons, and with the blind ones."""
    docs = [d for d in load_basil(shared) if not held_out(d.event)]
    full = basil_sentences(docs)
    with lexicons_as(blind_lexicons):
        blind = basil_sentences(docs)
    return [("full lexicons", full), ("blind lexicons", blind)]


def stop_lemmas(
    bdocs: Sequence[BasilDoc], probs: Probs, ns: Sequence[int], t: float, k: int, e: int
) -> set[str]:
    """Lemmas flagged >= ``k`` times over >= ``e`` events of ``ns`` and never in a span."""
    flags: Counter[str] = Counter()
    right: Counter[str] = Counter()
    events: defaultdict[str, set[str]] = defaultdict(set)
    for n in ns:
        bd = bdocs[n]
        for s, row in zip(bd.sentences, probs[n], strict=True):
            for w, y, q in zip(s.words, s.labels, row, strict=True):
                if q >= t:
                    key = lemma(w.text.lower())
                    flags[key] += 1
                    right[key] += y
                    events[key].add(bd.doc.event)
    return {w for w, c in flags.items() if c >= k and not right[w] and len(events[w]) >= e}


def suppress(bd: BasilDoc, rows: list[list[float]], stop: set[str]) -> list[list[float]]:
    """The word probabilities of one article with the stop list's words set to 0."""
    return [
        [0.0 if lemma(w.text.lower()) in stop else q for w, q in zip(s.words, row, strict=True)]
        for s, row in zip(bd.sentences, rows, strict=True)
    ]


def cv_suppressed(bdocs: Sequence[BasilDoc], probs: Probs, t: float, k: int, e: int) -> Probs:
    """Out-of-fold: each fold's words filtered by the stop list of the other folds."""
    groups = [bd.doc.event for bd in bdocs]
    out: Probs = {}
    for train, test in GroupKFold(n_splits=5).split(np.zeros(len(bdocs)), groups=groups):
        stop = stop_lemmas(bdocs, probs, train.tolist(), t, k, e)
        for n in test:
            out[int(n)] = suppress(bdocs[n], probs[int(n)], stop)
    return out


def row(bdocs: Sequence[BasilDoc], name: str, probs: Probs, t: float) -> str:
    p, r, f, _, _ = evaluate(bdocs, probs, t, False, "own_count")
    pairs = agreement(bdocs, own_count(probs, t))
    return f"| {name} @ {t} | {p:.3f} | {r:.3f} | {f:.3f} | {pairs} |"


def part_stop(named: list[tuple[str, list[BasilDoc]]]) -> None:
    """The shipped model with and without an out-of-fold stop list."""
    for title, bdocs in named:
        print(f"\n{title}\n| candidate | P | R | F1 | pairwise | pick |\n|---|---|---|---|---|---|")
        shipped = shipped_probs(bdocs)
        for t in (0.25, 0.3):
            print(row(bdocs, "shipped", shipped, t))
            for k, e in ((3, 2), (5, 2), (5, 3), (8, 3)):
                probs = cv_suppressed(bdocs, shipped, t, k, e)
                print(row(bdocs, f"stop list k {k}, events {e}", probs, t), flush=True)


# --- word-class features ----------------------------------------------------------------

_SUFFIXES = ("ly", "ous", "ive", "ic", "ist", "ism", "ful", "less", "ed", "ing", "able", "al")


def _textblob_dir() -> Path | None:
    spec = importlib.util.find_spec("textblob")  # finds it without importing it (nor NLTK)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "en"


@cache
def textblob_sentiment() -> dict[str, tuple[float, float, float]]:
    """Word -> (mean polarity, mean subjectivity, max intensity) over its senses."""
    folder = _textblob_dir()
    if folder is None:
        return {}
    senses: defaultdict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for w in ET.parse(folder / "en-sentiment.xml").getroot().iter("word"):
        values = (float(w.get(k) or 0) for k in ("polarity", "subjectivity", "intensity"))
        senses[str(w.get("form")).lower()].append(tuple(values))  # type: ignore[arg-type]
    return {
        f: (float(np.mean([s[0] for s in v])), float(np.mean([s[1] for s in v])),
            max(s[2] for s in v))
        for f, v in senses.items()
    }  # fmt: skip


@cache
def brill_tags() -> dict[str, str]:
    """Word -> its first Penn tag in TextBlob's copy of Brill's lexicon (two letters)."""
    folder = _textblob_dir()
    out: dict[str, str] = {}
    if folder is None:
        return out
    for line in (folder / "en-lexicon.txt").read_text("utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 2 and not line.startswith(";"):
            out.setdefault(fields[0].lower(), fields[1][:2])
    return out


@cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy words textstat ships."""
    import textstat

    path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
    return frozenset(path.read_text("utf-8").split())


def class_features(words: Sequence[Token], k: int, kind: str, own: bool) -> dict[str, float]:
    """Word-class features of word ``k`` (no word identities) under ``kind``."""
    low = words[k].text.lower()
    f: dict[str, float] = {}
    if "vader" in kind and low in vader():
        v = vader()[low]
        f |= {"va": abs(v) / 4, "vneg" if v < 0 else "vpos": 1.0}
    if "tb" in kind and low in textblob_sentiment():
        pol, subj, intensity = textblob_sentiment()[low]
        f |= {"tbs": subj, "tbp": abs(pol), "tbneg": float(pol < 0), "tbint": float(intensity > 1)}
    if "pos" in kind:
        tags = brill_tags()
        f["pos=" + tags.get(low, "?")] = 1.0
        if k + 1 < len(words):
            f["npos=" + tags.get(words[k + 1].text.lower(), "?")] = 1.0
    if "easy" in kind and low in easy_words():
        f["easy"] = 1.0
    if "suf" in kind and len(low) >= 5:
        f |= {"suf=" + s: 1.0 for s in _SUFFIXES[:1] if low.endswith(s)}
        f |= {"suf=" + s: 1.0 for s in _SUFFIXES[1:] if low.endswith(s)}
    if "quote" in kind and not own:
        f["quote"] = 1.0
    if "cap" in kind and k and words[k].text[0].isupper():
        f["cap"] = 1.0
    return f


def _babe_word_rows(words: Sequence[Token], k: int, kind: str, own: bool) -> dict[str, float]:
    """The shipped word features (``vocab``: identities and neighbours; ``nolex``: without
    the lexicon categories) plus class features."""
    f = {
        n: 1.0
        for n in word_features(words, k)
        if ("vocab" in kind or n.split("=", 1)[0] not in ("w", "p", "n"))
        and ("nolex" not in kind or not n.startswith("lex="))
    }
    return f | class_features(words, k, kind, own)


def babe_class_model(bdocs: Sequence[BasilDoc], babe: Sequence[Sentence], kind: str) -> Probs:
    """The BABE word model retrained with word-class features, applied to the tune part."""
    rows = [_babe_word_rows(s.words, k, kind, True) for s in babe for k in range(len(s.words))]
    vec, clf = fit(rows, [y for s in babe for y in s.labels], 0.2)
    x, where = [], []
    for n, bd in enumerate(bdocs):
        for si, (s, own) in enumerate(zip(bd.sentences, bd.own, strict=True)):
            for k in range(len(s.words)):
                x.append(_babe_word_rows(s.words, k, kind, own[k]))
                where.append((n, si, k))
    return to_probs(bdocs, where, clf.predict_proba(vec.matrix(x))[:, 1].tolist())


def class_layer(bdocs: Sequence[BasilDoc], kind: str) -> Probs:
    """A BASIL-trained layer (out-of-fold) over the BABE logit plus word-class features."""
    model = base_model()
    rows, labels, where = [], [], []
    for n, bd in enumerate(bdocs):
        for si, (s, own) in enumerate(zip(bd.sentences, bd.own, strict=True)):
            logits = model.word_logits([w.text for w in s.words], [w.categories for w in s.words])
            for k in range(len(s.words)):
                rows.append({"babe": logits[k]} | class_features(s.words, k, kind, own[k]))
                labels.append(s.labels[k])
                where.append((n, si, k))
    out = adapt_loaded.out_of_fold(rows, labels, [bdocs[n].doc.event for n, _, _ in where])
    return to_probs(bdocs, where, out.tolist())


def part_class(named: list[tuple[str, list[BasilDoc]]], shared: Path) -> None:
    """Word-class features, as a BASIL layer and inside the BABE model (best threshold rows)."""
    if _textblob_dir() is None:
        print("textblob is not installed: its features are left out (pip install textblob)")
    for title, bdocs in named:
        loader = load_lexicons if title.startswith("full") else blind_lexicons
        with lexicons_as(loader):
            babe = train_loaded.build(shared)
        print(f"\n{title}\n| candidate | P | R | F1 | pairwise | pick |\n|---|---|---|---|---|---|")
        for kind in ("", "vader", "vader tb", "vader tb pos easy suf quote cap"):
            probs = class_layer(bdocs, kind)
            for t in (0.04, 0.05, 0.06, 0.08):
                print(row(bdocs, f"BASIL layer: BABE logit + {kind or 'nothing'}", probs, t))
        kinds = ("vocab", "vocab nolex", "vocab vader", "vocab tb", "vocab vader tb pos easy suf")
        for kind in (*kinds, "vader tb"):
            probs = babe_class_model(bdocs, babe, kind)
            for t in (0.2, 0.25, 0.3, 0.35, 0.4):
                print(row(bdocs, f"BABE model: {kind}", probs, t), flush=True)


def part_score(named: list[tuple[str, list[BasilDoc]]]) -> None:
    """Outlet scores against the annotators' count, with the candidate stop list applied."""
    k, e, t = CANDIDATE
    for title, bdocs in named:
        shipped = shipped_probs(bdocs)
        filtered = cv_suppressed(bdocs, shipped, t, k, e)
        scores: dict[str, Score] = {
            "article length (words)": lambda n, bd: sum(len(s.words) for s in bd.sentences),
            "shipped: own-voice words flagged at 0.30": own_count(shipped, t),
            "own-voice words flagged, stop list": own_count(filtered, t),
            "all words flagged, stop list": prob_count(filtered, t),
        }
        for floor in (0.05, 0.1, 0.15, 0.2):
            scores[f"sum of probabilities >= {floor}, own voice"] = prob_sum(filtered, True, floor)
            scores[f"sum of probabilities >= {floor}, all words"] = prob_sum(filtered, False, floor)
        scores["flagged words per 1,000 words, stop list"] = density(filtered, t)
        print(f"\n{title}\n| outlet score | pairwise | pick | r within events | ties |")
        print("|---|---|---|---|---|")
        for name, value in scores.items():
            r = within_event_r(bdocs, value)
            print(f"| {name} | {agreement(bdocs, value)} {r:.2f} | {ties(bdocs, value)} |")


def within_event_r(bdocs: Sequence[BasilDoc], value: Score) -> float:
    """Correlation of a score with the ``lex`` counts, both demeaned within each event."""
    by_event: defaultdict[str, list[tuple[float, float]]] = defaultdict(list)
    for n, bd in enumerate(bdocs):
        by_event[bd.doc.event].append((len(bd.doc.gold), float(value(n, bd))))
    pairs = [
        (g - np.mean([a for a, _ in arts]), v - np.mean([b for _, b in arts]))
        for arts in by_event.values()
        for g, v in arts
    ]
    return float(np.corrcoef(np.asarray(pairs).T)[0, 1])


def density(probs: Probs, t: float) -> Score:
    """Words of probability >= ``t`` per 1,000 words."""
    return lambda n, bd: 1000 * prob_count(probs, t)(n, bd) / max(1, sum(map(len, probs[n])))


def ties(bdocs: Sequence[BasilDoc], value: Score) -> str:
    """Pairs with different ``lex`` counts that the score ties (counted wrong by the rule)."""
    by_event: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for n, bd in enumerate(bdocs):
        by_event[bd.doc.event].append((len(bd.doc.gold), float(value(n, bd))))
    tied = sum(
        g1 != g2 and v1 == v2
        for arts in by_event.values()
        for i, (g1, v1) in enumerate(arts)
        for g2, v2 in arts[i + 1 :]
    )
    return f"{tied} tied"


def prob_count(probs: Probs, t: float) -> Score:
    """Words of probability >= ``t``, own voice and quoted."""
    return lambda n, bd: sum(q >= t for r in probs[n] for q in r)


def part_babe(shared: Path) -> None:
    """BABE cross-validation by outlet (as ``train_loaded.py``), with the words switched off."""
    from sklearn.metrics import precision_recall_fscore_support

    from analysis.terms.learned import sentence_features

    sents = train_loaded.build(shared)
    rows, labels, owner = train_loaded.word_rows(sents)
    owners, y_word = np.asarray(owner), np.asarray(labels)
    probs = np.zeros(len(rows))
    for train, test in train_loaded.folds(sents):
        mask, out = np.isin(owners, train), np.isin(owners, test)
        vec, clf = fit([r for r, m in zip(rows, mask, strict=True) if m], y_word[mask], 0.2)
        x = vec.matrix([r for r, m in zip(rows, out, strict=True) if m])
        probs[out] = clf.predict_proba(x)[:, 1]
    off = np.asarray(
        [lemma(w.text.lower()) in train_loaded.SWITCHED_OFF for s in sents for w in s.words]
    )
    y = np.asarray([s.biased for s in sents])
    for name, p in (("as trained", probs), ("words switched off", np.where(off, 0.0, probs))):
        wp, wr, wf, _ = precision_recall_fscore_support(y_word, p >= 0.3, average="binary")
        top = train_loaded.top_words(sents, p, owner)
        srows = [sentence_features(s.words, t) for s, t in zip(sents, top, strict=True)]
        logits = np.zeros(len(sents))
        for train, test in train_loaded.folds(sents):
            vec, clf = fit([srows[i] for i in train], y[train], train_loaded.SENTENCE_C)
            logits[test] = clf.decision_function(vec.matrix([srows[i] for i in test]))
        sp, sr, sf, _ = precision_recall_fscore_support(y, logits > 0, average="binary")
        print(f"| {name} | {wp:.3f} | {wr:.3f} | {wf:.3f} | {sp:.3f} | {sr:.3f} | {sf:.3f} |")
    print(f"switched-off words in BABE: {off.sum()}, of them marked biased: {y_word[off].sum()}")


def final_check(shared: Path) -> None:
    """Fit the stop list on the whole tune part; print the candidate's held-out row (once)."""
    from eval_loaded import Output, score

    from analysis.model import Span

    k, e, t = CANDIDATE
    docs = load_basil(shared)
    tune = basil_sentences([d for d in docs if not held_out(d.event)])
    test = basil_sentences([d for d in docs if held_out(d.event)])
    stop = stop_lemmas(tune, shipped_probs(tune), range(len(tune)), t, k, e)
    base = shipped_probs(test)
    probs = {n: suppress(bd, base[n], stop) for n, bd in enumerate(test)}
    counts: dict[str, dict[int, Output]] = {"own-voice count": {}, "probability sum": {}}
    for n, bd in enumerate(test):
        spans = [
            Span(w.start, w.end)
            for s, r in zip(bd.sentences, probs[n], strict=True)
            for w, q in zip(s.words, r, strict=True)
            if q >= t
        ]
        counts["own-voice count"][id(bd.doc)] = (spans, float(own_count(probs, t)(n, bd)))
        value = float(prob_sum(probs, False, SCORE_FLOOR)(n, bd))
        counts["probability sum"][id(bd.doc)] = (spans, value)
    held = [bd.doc for bd in test]
    print(f"stop list (whole tune part): {sorted(stop)}")
    print(f"held-out part: {len({d.event for d in held})} events, {len(held)} articles")
    for name, outputs in counts.items():
        print(score(held, outputs).row(f"stop list k {k}, events {e} @ {t}; score: {name}"))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--part", choices=("stop", "class", "score", "babe"), default="stop")
    parser.add_argument("--fit", action="store_true", help="print the stop list to ship")
    parser.add_argument("--final-held-out", action="store_true")
    args = parser.parse_args(argv)
    if args.final_held_out:
        final_check(args.shared)
        return
    if args.part == "babe":
        part_babe(args.shared)
        return
    named = parts(args.shared)
    if args.fit:
        k, e, t = CANDIDATE
        bdocs = named[0][1]
        print(sorted(stop_lemmas(bdocs, shipped_probs(bdocs), range(len(bdocs)), t, k, e)))
    elif args.part == "stop":
        part_stop(named)
    elif args.part == "class":
        part_class(named, args.shared)
    else:
        part_score(named)


if __name__ == "__main__":
    main()
