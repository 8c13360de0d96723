"""Third round: a word-level model trained on BASIL's tune part (and BABE), tune part only.

Run by hand (needs ../shared and scikit-learn):
    .venv/bin/python benchmarks/adapt_loaded_word.py [--shared PATH] [--part word|joint|babe|score]
    .venv/bin/python benchmarks/adapt_loaded_word.py --final-held-out   # once, after deciding

Only the BASIL **tune** part (``held_out(event)`` false in ``eval_terms.py``, 46 events, 138
articles, 203 ``lex`` spans) is read by the parts; every figure that learns from BASIL is
out-of-fold over 5 folds grouped by event. Figures: span precision/recall/F1 with the rule of
``eval_loaded.py`` (one shared character, one span per flagged word), the most-loaded-outlet
pick (36 tune events with a unique maximum) and, because 36 picks are noisy, the **pairwise
agreement**: over every pair of articles of one event whose ``lex`` counts differ (105
pairs), how often the score orders them as the counts do (article length alone: 66/105).

* ``word``: per-token logistic regression on BASIL tune folds over the shipped BABE model's
  word logit plus some of: lexicon categories, inside a quotation, capitalised, sentence
  position in the article, first word of its sentence, the word itself and a crude lemma,
  word endings, neighbouring words, length, VADER valence (the lexicon vaderSentiment ships).
* ``joint``: the same features learned from BABE's biased-word labels and BASIL tune folds
  together (BABE rows marked ``src=babe``, weighted ``w``).
* ``babe``: the BABE word model retrained with VADER valence and lemma features (no BASIL
  learning; the threshold is read off the tune part).
* ``score``: outlet scores as estimates of the annotators' measure (the count of ``lex``
  spans in the whole article, quotes included): counts and sums of probabilities, own voice
  or all, the BASIL-calibrated expected count, article length.

``--final-held-out`` trains the round's best candidate on the whole tune part and scores the
held-out part once, for the record; it was run after the decision in ``docs/lexicons.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from adapt_loaded import BasilDoc, Probs, base_model, basil_sentences, decode, evaluate  # noqa: E402
from eval_terms import held_out, load_basil  # noqa: E402
from train_loaded import Sentence, build, fit  # noqa: E402

from analysis.terms.learned import Token, lemma, word_features  # noqa: E402

Features = dict[str, float]
THRESHOLDS = (0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2)


@cache
def vader() -> dict[str, float]:
    """VADER's word valences (single alphabetic entries), read from the installed package."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


def position(sentence: int) -> str:
    """Bucket of a sentence's index in the article (0 is the headline)."""
    if sentence == 0:
        return "title"
    if sentence <= 2:
        return str(sentence)
    return "3-5" if sentence <= 5 else "6-10" if sentence <= 10 else "late"


_BASE = {"w": "word", "p": "ctx", "n": "ctx", "l": "len", "s3": "suf", "s4": "suf"}


def token_features(
    words: Sequence[Token], k: int, kind: str, babe: float | None, own: bool, sentence: int | None
) -> Features:
    """Features of word ``k`` under the feature set ``kind`` (space-separated names)."""
    f: Features = {} if babe is None or "babe" not in kind else {"babe": babe}
    for name in word_features(words, k):
        key = name.split("=", 1)[0]
        wanted = "cap" if name == "cap" else _BASE.get(key, key)
        if wanted in kind:
            f[name] = 1.0
    low = words[k].text.lower()
    if "lem" in kind:
        f["lem=" + lemma(low)] = 1.0
    if "vader" in kind and low in vader():
        v = vader()[low]
        f[f"va={min(int(abs(v) + 0.5), 3)}"] = 1.0
        f["vs=" + ("+" if v > 0 else "-")] = 1.0
    if "quote" in kind and not own:
        f["quote"] = 1.0
    if "pos" in kind and sentence is not None:
        f["pos=" + position(sentence)] = 1.0
    if "first" in kind and k == 0:
        f["first"] = 1.0
    return f


Where = list[tuple[int, int, int]]


def basil_rows(bdocs: Sequence[BasilDoc], kind: str) -> tuple[list[Features], list[int], Where]:
    """One row per word of the tune part, with its label and (article, sentence, word)."""
    model = base_model()
    rows: list[Features] = []
    labels: list[int] = []
    where: Where = []
    for n, bd in enumerate(bdocs):
        for si, (s, own) in enumerate(zip(bd.sentences, bd.own, strict=True)):
            logits = model.word_logits([w.text for w in s.words], [w.categories for w in s.words])
            for k in range(len(s.words)):
                rows.append(token_features(s.words, k, kind, logits[k], own[k], si))
                labels.append(s.labels[k])
                where.append((n, si, k))
    return rows, labels, where


def babe_rows(babe: Sequence[Sentence], kind: str) -> tuple[list[Features], list[int]]:
    """BABE's words as rows (no BABE-model logit: it was trained on them), marked ``src``."""
    rows, labels = [], []
    for s in babe:
        for k in range(len(s.words)):
            f = token_features(s.words, k, kind, None, True, None)
            f["src=babe"] = 1.0
            rows.append(f)
            labels.append(s.labels[k])
    return rows, labels


def to_probs(bdocs: Sequence[BasilDoc], where: Where, values: Sequence[float]) -> Probs:
    """Per article, per sentence, per word probabilities from flat row values."""
    probs: Probs = {n: [[0.0] * len(s.words) for s in bd.sentences] for n, bd in enumerate(bdocs)}
    for (n, si, k), p in zip(where, values, strict=True):
        probs[n][si][k] = float(p)
    return probs


def out_of_fold(
    bdocs: Sequence[BasilDoc],
    kind: str,
    c: float,
    extra: tuple[list[Features], list[int]] | None = None,
    weight: float = 1.0,
) -> Probs:
    """Out-of-fold word probabilities on the tune part (5 folds grouped by event)."""
    rows, labels, where = basil_rows(bdocs, kind)
    groups = [bdocs[n].doc.event for n, _, _ in where]
    out = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=5).split(np.zeros(len(rows)), groups=groups):
        x = [rows[i] for i in train]
        y = [labels[i] for i in train]
        w = [1.0] * len(x)
        if extra is not None:
            x, y, w = x + extra[0], y + extra[1], w + [weight] * len(extra[0])
        vec, clf = fit(x, y, c, np.asarray(w))
        out[test] = clf.predict_proba(vec.matrix([rows[i] for i in test]))[:, 1]
    return to_probs(bdocs, where, out.tolist())


Score = Callable[[int, BasilDoc], float]


def agreement(bdocs: Sequence[BasilDoc], value: Score) -> str:
    """Pairwise agreement with the ``lex`` counts within events, and the outlet pick."""
    by_event: dict[str, list[tuple[int, float]]] = {}
    for n, bd in enumerate(bdocs):
        by_event.setdefault(bd.doc.event, []).append((len(bd.doc.gold), value(n, bd)))
    agree = pairs = right = picks = 0
    for arts in by_event.values():
        for i, (g1, s1) in enumerate(arts):
            for g2, s2 in arts[i + 1 :]:
                if g1 != g2:
                    pairs += 1
                    agree += (s1 - s2) * (g1 - g2) > 0
        best = max(g for g, _ in arts)
        if len(arts) == 3 and best > 0 and sum(g == best for g, _ in arts) == 1:
            picks += 1
            right += max(arts, key=lambda a: a[1])[0] == best
    return f"{agree}/{pairs} | {right}/{picks}"


def own_count(probs: Probs, t: float) -> Score:
    return lambda n, bd: sum(
        q >= t and o
        for row, own in zip(probs[n], bd.own, strict=True)
        for q, o in zip(row, own, strict=True)
    )


def prob_sum(probs: Probs, own_only: bool, floor: float = 0.0) -> Score:
    return lambda n, bd: sum(
        q
        for row, own in zip(probs[n], bd.own, strict=True)
        for q, o in zip(row, own, strict=True)
        if (o or not own_only) and q >= floor
    )


def rows_for(name: str, bdocs: Sequence[BasilDoc], probs: Probs) -> None:
    """Print one table row per threshold: span P/R/F1, pairwise agreement and pick."""
    for t in THRESHOLDS:
        p, r, f, _, _ = evaluate(bdocs, probs, t, False, "own_count")
        pick = agreement(bdocs, own_count(probs, t))
        print(f"| {name} @ {t} | {p:.3f} | {r:.3f} | {f:.3f} | {pick} |", flush=True)


WORD_SETS = (
    ("babe", 1.0),
    ("babe quote cap pos first", 1.0),
    ("babe lex quote cap pos first", 1.0),
    ("babe lex quote cap pos first vader", 1.0),
    ("babe quote cap pos first word lem suf", 0.3),
    ("babe quote cap pos first word lem suf ctx len vader", 0.1),
    ("babe lex quote cap pos first word lem suf ctx len vader", 0.1),
)


def shipped_probs(bdocs: Sequence[BasilDoc]) -> Probs:
    """Word probabilities of the shipped model (trained on BABE only)."""
    model = base_model()
    out: Probs = {}
    for n, bd in enumerate(bdocs):
        batch = [([w.text for w in s.words], [w.categories for w in s.words]) for s in bd.sentences]
        out[n] = model.score_sentences(batch)[0]
    return out


def part_word(bdocs: list[BasilDoc]) -> None:
    """BASIL-trained per-token models over the BABE logit and the listed features."""
    shipped = shipped_probs(bdocs)
    for t in (0.25, 0.3, 0.35):
        p, r, f, _, _ = evaluate(bdocs, shipped, t, False, "own_count")
        pick = agreement(bdocs, own_count(shipped, t))
        print(f"| shipped @ {t} | {p:.3f} | {r:.3f} | {f:.3f} | {pick} |")
    for kind, c in WORD_SETS:
        rows_for(f"{kind}, C {c}", bdocs, out_of_fold(bdocs, kind, c))


def part_joint(bdocs: list[BasilDoc], babe: list[Sentence]) -> None:
    """BABE's biased words and BASIL tune folds in one model."""
    for kind, c, weight in (
        ("lex quote cap pos first word lem suf ctx len vader", 0.2, 1.0),
        ("lex quote cap pos first word lem suf ctx len vader", 0.2, 0.3),
        ("quote cap pos first word lem suf ctx len vader", 0.2, 1.0),
    ):
        extra = babe_rows(babe, kind)
        probs = out_of_fold(bdocs, kind, c, extra, weight)
        rows_for(f"joint {kind}, C {c}, BABE weight {weight}", bdocs, probs)


def part_babe(bdocs: list[BasilDoc], babe: list[Sentence]) -> None:
    """The BABE word model with VADER and lemma features, thresholds read on the tune part."""
    for kind, c in (("word ctx len suf cap lex", 0.2), ("word ctx len suf cap lex vader", 0.2),
                    ("word ctx len suf cap lex vader lem", 0.2)):  # fmt: skip
        rows, labels = babe_rows(babe, kind)
        vec, clf = fit(rows, labels, c)
        x, _, where = basil_rows(bdocs, kind)
        for row in x:
            row["src=babe"] = 1.0  # scored as BABE rows were trained
        probs = to_probs(bdocs, where, clf.predict_proba(vec.matrix(x))[:, 1].tolist())
        for t in (0.25, 0.3, 0.35, 0.4):
            p, r, f, _, _ = evaluate(bdocs, probs, t, False, "own_count")
            pick = agreement(bdocs, own_count(probs, t))
            print(f"| BABE model, {kind} @ {t} | {p:.3f} | {r:.3f} | {f:.3f} | {pick} |")


def part_score(bdocs: list[BasilDoc]) -> None:
    """Outlet scores as estimates of the number of ``lex`` spans."""
    shipped = shipped_probs(bdocs)
    calibrated = out_of_fold(bdocs, "babe", 1.0)  # Platt scaling of the BABE logit on BASIL
    scores: dict[str, Score] = {
        "article length (words)": lambda n, bd: sum(len(s.words) for s in bd.sentences),
        "shipped: own-voice flagged words (0.30)": own_count(shipped, 0.3),
        "own-voice and quoted flagged words (0.30)": lambda n, bd: sum(
            q >= 0.3 for row in shipped[n] for q in row
        ),
        "sum of BABE word probabilities, own voice": prob_sum(shipped, True),
        "sum of BABE word probabilities, all": prob_sum(shipped, False),
        "expected lex words (BASIL-calibrated), own voice": prob_sum(calibrated, True),
        "expected lex words (BASIL-calibrated), all": prob_sum(calibrated, False),
        "expected lex words, all, words >= 0.02 only": prob_sum(calibrated, False, 0.02),
    }
    print("| outlet score (tune part) | pairwise agreement | pick |\n|---|---|---|")
    for name, value in scores.items():
        print(f"| {name} | {agreement(bdocs, value)} |")


#: The round's best candidate on the tune part (span F1), checked once on the held-out part.
CANDIDATE = ("babe lex quote cap pos first", 1.0, 0.06)


def final_check(shared: Path) -> None:
    """Fit :data:`CANDIDATE` on the whole tune part; print its held-out row (run once)."""
    from eval_loaded import Output, score

    kind, c, t = CANDIDATE
    docs = load_basil(shared)
    tune = basil_sentences([d for d in docs if not held_out(d.event)])
    test = basil_sentences([d for d in docs if held_out(d.event)])
    rows, labels, _ = basil_rows(tune, kind)
    vec, clf = fit(rows, labels, c)
    x, _, where = basil_rows(test, kind)
    probs = to_probs(test, where, clf.predict_proba(vec.matrix(x))[:, 1].tolist())
    outputs: dict[int, Output] = {}
    for n, bd in enumerate(test):
        spans = [
            span
            for s, row in zip(bd.sentences, probs[n], strict=True)
            for span in decode(s.words, row, t, merge=False)
        ]
        outputs[id(bd.doc)] = (spans, float(own_count(probs, t)(n, bd)))
    held = [bd.doc for bd in test]
    print(f"held-out part: {len({d.event for d in held})} events, {len(held)} articles")
    print(score(held, outputs).row(f"{kind}, C {c} @ {t} (trained on the whole tune part)"))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--part", choices=("word", "joint", "babe", "score"), default="word")
    parser.add_argument("--final-held-out", action="store_true")
    args = parser.parse_args(argv)
    if args.final_held_out:
        final_check(args.shared)
        return
    docs = [d for d in load_basil(args.shared) if not held_out(d.event)]
    bdocs = basil_sentences(docs)
    print(f"tune part: {len({d.event for d in docs})} events, {len(docs)} articles")
    print("| model @ threshold | P | R | F1 | pairwise | pick |\n|---|---|---|---|---|---|")
    if args.part == "word":
        part_word(bdocs)
    elif args.part == "score":
        part_score(bdocs)
    elif args.part == "joint":
        part_joint(bdocs, build(args.shared))
    else:
        part_babe(bdocs, build(args.shared))


if __name__ == "__main__":
    main()
