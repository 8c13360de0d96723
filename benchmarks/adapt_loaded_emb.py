"""Fifth round: static word vectors (WordLlama's token table) in the BABE word model.

Run by hand (needs ../shared and scikit-learn):
    .venv/bin/python benchmarks/adapt_loaded_emb.py [--shared PATH] [--only NAME,...]
    .venv/bin/python benchmarks/adapt_loaded_emb.py --babe [--only NAME,...]  # BABE CV by outlet
    .venv/bin/python benchmarks/adapt_loaded_emb.py --babe --only shipped     # shipped config
    .venv/bin/python benchmarks/adapt_loaded_emb.py --sentence    # sentence-vector candidates
    .venv/bin/python benchmarks/adapt_loaded_emb.py --diag NAME   # words a candidate adds/drops
    .venv/bin/python benchmarks/adapt_loaded_emb.py --final-held-out OLD_MODEL.json  # once

A word's **vector** is the mean of its (lower-cased) tokens' rows of WordLlama's 32,000 x 256
token table (``analysis.text.embedding``), each dimension standardised over the table. Its
**context** is the mean of its two neighbours' vectors (zeros at the sentence's ends). Both
are linear in the token rows, so a linear model over them is the mean of per-token scores:
what the app would ship is a score per token, not the table.

Candidates (``CANDIDATES``) are BABE word models, trained on BABE only, with the shipped
features and the vectors added (or the vectors replacing word identities and endings). On
BASIL's **tune** part (46 events) each is compared with the shipped model in the same run,
under the full lexicons and the "blind" ones of round four (``adapt_loaded_stop.py``), with
the stop list of round four learned out-of-fold (5 folds by event) for every row, the
shipped one included. Figures: span P/R/F1 (``eval_loaded.py``'s rule), and the app's score
(own-voice sum of word probabilities >= the floor) by pairwise order and outlet pick.
``--sentence`` tries the sentence's vector in the sentence model (BABE cross-validation by
outlet; on the tune part the AUC of the sentence probability for "holds a ``lex`` span").
``--final-held-out`` prints the held-out table (baselines, the shipped model, the word-vector
candidate :data:`CHECK`) and the sentence AUC of the model file given (the one before the
sentence vector) against the shipped one; it was run once, after deciding
(``docs/lexicons.md``, fifth round).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import train_loaded  # noqa: E402
from adapt_loaded import BasilDoc, Probs, basil_sentences, decode, evaluate  # noqa: E402
from adapt_loaded_stop import (  # noqa: E402
    blind_lexicons,
    cv_suppressed,
    lexicons_as,
    parts,
    shipped_probs,
    stop_lemmas,
    suppress,
)
from adapt_loaded_word import agreement, prob_sum  # noqa: E402
from train_loaded import Sentence, Vectorizer  # noqa: E402

from analysis.terms.learned import LearnedModel, Token, lemma, word_features  # noqa: E402
from analysis.text.embedding import load_embedder  # noqa: E402


@dataclass(frozen=True)
class Candidate:
    """A word-model configuration: which sparse features, which vectors, their scale, C."""

    sparse: str  # "all", "nowords" (no identities, endings, neighbours) or "none"
    word_vec: bool
    ctx_vec: bool
    scale: float = 1.0
    c: float = train_loaded.WORD_C
    rare_only: bool = False  # the word vector only for forms seen < 2 times in training
    one_token: bool = False  # the word vector only for forms that are a single token


CANDIDATES = {
    "retrained": Candidate("all", False, False),
    "+vec": Candidate("all", True, False),
    "+vec+ctx": Candidate("all", True, True),
    "+vec x0.3": Candidate("all", True, False, 0.3),
    "+vec+ctx x0.3": Candidate("all", True, True, 0.3),
    "vec+ctx+lex nowords": Candidate("nowords", True, True),
    "+vec x0.1": Candidate("all", True, False, 0.1),
    "+vec x0.03": Candidate("all", True, False, 0.03),
    "+vec rare": Candidate("all", True, False, 1.0, rare_only=True),
    "+vec rare x0.3": Candidate("all", True, False, 0.3, rare_only=True),
    "+vec 1tok x0.1": Candidate("all", True, False, 0.1, one_token=True),
    "+vec 1tok x0.3": Candidate("all", True, False, 0.3, one_token=True),
}
THRESHOLDS = (0.25, 0.3, 0.35, 0.4)
FLOOR = 0.15
STOP = (8, 3)


@cache
def standard_table() -> np.ndarray:
    """WordLlama's token table, each dimension standardised over the 32,000 tokens."""
    table = load_embedder().table.astype(np.float64)
    return ((table - table.mean(axis=0)) / table.std(axis=0)).astype(np.float32)


_vectors: dict[str, np.ndarray] = {}
_lengths: dict[str, int] = {}


def form_vectors(forms: Sequence[str]) -> np.ndarray:
    """Rows: the mean standardised token vector of each lower-case word form."""
    missing = sorted({f for f in forms if f not in _vectors})
    if missing:
        table = standard_table()
        for form, ids in zip(missing, load_embedder().token_ids(missing), strict=True):
            _vectors[form] = table[ids].mean(axis=0) if ids else np.zeros(table.shape[1], "f4")
            _lengths[form] = len(ids)
    return np.stack([_vectors[f] for f in forms]) if forms else np.zeros((0, 256), "f4")


def dense(words: Sequence[Token], cand: Candidate, known: frozenset[str]) -> np.ndarray:
    """The vector block of every word of one sentence (``known``: forms seen in training)."""
    if not (cand.word_vec or cand.ctx_vec) or not words:
        return np.zeros((len(words), 0), "f4")
    forms = [w.text.lower() for w in words]
    vec = form_vectors(forms)
    if cand.rare_only:
        vec = vec * np.asarray([[f not in known] for f in forms], "f4")
    if cand.one_token:
        vec = vec * np.asarray([[_lengths[f] == 1] for f in forms], "f4")
    blocks = [vec] if cand.word_vec else []
    if cand.ctx_vec:
        pad = np.zeros((1, vec.shape[1]), "f4")
        blocks.append((np.vstack([pad, vec[:-1]]) + np.vstack([vec[1:], pad])) / 2)
    return np.hstack(blocks) * cand.scale


def sparse_row(words: Sequence[Token], k: int, cand: Candidate) -> dict[str, float]:
    """The shipped word features of word ``k`` that ``cand`` keeps."""
    names = word_features(words, k)
    if cand.sparse == "nowords":
        names = [n for n in names if n.split("=", 1)[0] not in ("w", "p", "n", "s3", "s4")]
    elif cand.sparse == "none":
        names = [n for n in names if n.startswith("lex=")]
    return dict.fromkeys(names, 1.0)


def rows(
    sentences: Sequence[Sentence], cand: Candidate, known: frozenset[str]
) -> tuple[list[dict[str, float]], Any]:
    """Sparse feature rows and the dense block of every word of ``sentences``."""
    srows = [sparse_row(s.words, k, cand) for s in sentences for k in range(len(s.words))]
    blocks = [dense(s.words, cand, known) for s in sentences if s.words]
    return srows, np.vstack(blocks) if blocks else np.zeros((0, 0), "f4")


def matrix(vec: Vectorizer, srows: list[dict[str, float]], block: np.ndarray) -> Any:
    x = vec.matrix(srows)
    return sparse.hstack([x, sparse.csr_matrix(block)], format="csr") if block.size else x


Model = tuple[Vectorizer, Any, frozenset[str]]


def fit(sentences: Sequence[Sentence], cand: Candidate) -> Model:
    counts = Counter(w.text.lower() for s in sentences for w in s.words)
    known = frozenset(f for f, n in counts.items() if n >= train_loaded.MIN_COUNT)
    srows, block = rows(sentences, cand, known)
    vec = Vectorizer(srows)
    clf = LogisticRegression(C=cand.c, max_iter=2000, solver="liblinear")
    clf.fit(matrix(vec, srows, block), np.asarray([y for s in sentences for y in s.labels]))
    return vec, clf, known


def predict(model: Model, sentences: Sequence[Sentence], cand: Candidate) -> Any:
    srows, block = rows(sentences, cand, model[2])
    if not srows:
        return np.zeros(0)
    return model[1].predict_proba(matrix(model[0], srows, block))[:, 1]


def basil_probs(model: Model, bdocs: Sequence[BasilDoc], cand: Candidate) -> Probs:
    """Per article, per sentence, per word probabilities of a BABE-trained candidate."""
    flat = predict(model, [s for bd in bdocs for s in bd.sentences], cand)
    out: Probs = {}
    at = 0
    for n, bd in enumerate(bdocs):
        out[n] = []
        for s in bd.sentences:
            out[n].append(flat[at : at + len(s.words)].tolist())
            at += len(s.words)
    return out


def table_rows(name: str, bdocs: Sequence[BasilDoc], probs: Probs) -> list[str]:
    """One row per threshold, the stop list applied out-of-fold."""
    out = []
    for t in THRESHOLDS:
        stopped = cv_suppressed(bdocs, probs, t, *STOP)
        p, r, f, _, _ = evaluate(bdocs, stopped, t, False, "own_count")
        score = agreement(bdocs, prob_sum(stopped, True, FLOOR))
        flags = sum(q >= t for rows_ in stopped.values() for row in rows_ for q in row)
        out.append(f"| {name} @ {t} | {flags} | {p:.3f} | {r:.3f} | **{f:.3f}** | {score} |")
    return out


def part_tune(shared: Path, names: Sequence[str]) -> None:
    """Every candidate beside the shipped model on the tune part, full and blind lexicons."""
    for title, bdocs in parts(shared):
        loader = train_loaded.load_lexicons if title.startswith("full") else blind_lexicons
        with lexicons_as(loader):
            babe = train_loaded.build(shared)
        print(f"\n### {title}\n\n| candidate | flagged | P | R | F1 | pairwise | pick |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(table_rows("shipped model", bdocs, shipped_probs(bdocs))), flush=True)
        for name in names:
            cand = CANDIDATES[name]
            t0 = time.perf_counter()
            model = fit(babe, cand)
            probs = basil_probs(model, bdocs, cand)
            print("\n".join(table_rows(name, bdocs, probs)))
            print(f"<!-- {name}: {time.perf_counter() - t0:.0f} s -->", flush=True)


def part_babe(shared: Path, names: Sequence[str]) -> None:
    """BABE 5-fold cross-validation by outlet: word and sentence figures per candidate."""
    sents = train_loaded.build(shared)
    y = np.asarray([s.biased for s in sents])
    y_word = np.asarray([v for s in sents for v in s.labels])
    off = np.asarray(
        [lemma(w.text.lower()) in train_loaded.SWITCHED_OFF for s in sents for w in s.words]
    )
    owner = [n for n, s in enumerate(sents) for _ in s.words]
    print("| candidate | word P | R | F1 @0.3 | F1 with switch-offs | sentence P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        cand = CANDIDATES[name]
        probs = np.zeros(len(y_word))
        starts = np.cumsum([0] + [len(s.words) for s in sents])
        for train, test in train_loaded.folds(sents):
            model = fit([sents[i] for i in train], cand)
            flat = predict(model, [sents[i] for i in test], cand)
            idx = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in test])
            probs[idx] = flat
        wp, wr, wf, _ = precision_recall_fscore_support(y_word, probs >= 0.3, average="binary")
        off_f = precision_recall_fscore_support(
            y_word, np.where(off, 0, probs) >= 0.3, average="binary"
        )[2]
        top = train_loaded.top_words(sents, probs, owner)
        sp, sr, sf = sentence_cv(sents, top, y)
        print(
            f"| {name} | {wp:.3f} | {wr:.3f} | {wf:.3f} | {off_f:.3f} | {sp:.3f} | {sr:.3f} | "
            f"{sf:.3f} |",
            flush=True,
        )


def sentence_cv(
    sents: Sequence[Sentence], top: Sequence[float], y: np.ndarray, vector: float = 0.0
) -> tuple[float, ...]:
    """Sentence precision/recall/F1 with this ``top_word`` (and the sentence vector)."""
    from analysis.terms.learned import sentence_features

    srows = [sentence_features(s.words, t) for s, t in zip(sents, top, strict=True)]
    block = train_loaded.sentence_block(sents, vector)
    logits = np.zeros(len(sents))
    for train, test in train_loaded.folds(sents):
        vec, clf = train_loaded.fit(
            [srows[i] for i in train], y[train], train_loaded.SENTENCE_C, block=block[train]
        )
        logits[test] = clf.decision_function(vec.matrix([srows[i] for i in test], block[test]))
    p, r, f, _ = precision_recall_fscore_support(y, logits > 0, average="binary")
    return float(p), float(r), float(f)


def part_diag(shared: Path, name: str, t: float = 0.3) -> None:
    """Word forms a candidate flags and the shipped model does not (tune part, full lexicons)."""
    bdocs = parts(shared)[0][1]
    cand = CANDIDATES[name]
    probs = basil_probs(fit(train_loaded.build(shared), cand), bdocs, cand)
    base = shipped_probs(bdocs)
    gained: Counter[str] = Counter()
    gained_right: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    lost_right: Counter[str] = Counter()
    for n, bd in enumerate(bdocs):
        for s, new, old in zip(bd.sentences, probs[n], base[n], strict=True):
            for w, y, q, q0 in zip(s.words, s.labels, new, old, strict=True):
                form = w.text.lower()
                if q >= t > q0:
                    gained[form] += 1
                    gained_right[form] += y
                elif q0 >= t > q:
                    lost[form] += 1
                    lost_right[form] += y
    for label, counts, right in (("gained", gained, gained_right), ("lost", lost, lost_right)):
        total, hit = sum(counts.values()), sum(right.values())
        print(f"{label}: {total} flags over {len(counts)} forms, {hit} inside a lex span")
        print(", ".join(f"{f} {c}/{right[f]}" for f, c in counts.most_common(60)))


#: Sentence-vector candidates: (pooling, scale). "unit": WordLlama's own pooling (mean of
#: the sentence's tokens, unit length); "mean": mean of the words' standardised vectors,
#: weighted by their tokens (linear in the token rows, so shippable as per-token scores).
SENTENCE_CANDIDATES = (
    ("none", 0.0),
    ("unit", 4.0),
    ("unit", 16.0),
    ("mean", 0.3),
    ("mean", 1.0),
    ("mean", 2.0),
    ("mean", 3.0),
)


def sentence_block(sents: Sequence[Sentence], pooling: str, scale: float) -> np.ndarray:
    """One row per sentence: its vector under ``pooling``, times ``scale``."""
    if pooling == "unit":
        return load_embedder().embed([" ".join(w.text for w in s.words) for s in sents]) * scale
    table = standard_table()
    forms = sorted({w.text.lower() for s in sents for w in s.words})
    ids = dict(zip(forms, load_embedder().token_ids(forms), strict=True))
    out = np.zeros((len(sents), table.shape[1]), "f4")
    for n, s in enumerate(sents):
        toks = [i for w in s.words for i in ids[w.text.lower()]]
        if toks:
            out[n] = table[toks].mean(axis=0)
    return out * scale


def sentence_fit(srows: list[dict[str, float]], block: np.ndarray, y: Any) -> tuple[Any, Any]:
    vec = Vectorizer(srows)
    clf = LogisticRegression(C=train_loaded.SENTENCE_C, max_iter=2000, solver="liblinear")
    return vec, clf.fit(matrix(vec, srows, block), y)


def part_sentence(shared: Path) -> None:
    """Sentence vectors in the sentence model: BABE CV by outlet, and BASIL tune ranking."""
    from sklearn.metrics import roc_auc_score

    from analysis.terms.learned import sentence_features

    sents = train_loaded.build(shared)
    cand = CANDIDATES["retrained"]
    y = np.asarray([s.biased for s in sents])
    starts = np.cumsum([0] + [len(s.words) for s in sents])
    probs = np.zeros(starts[-1])
    for train, test in train_loaded.folds(sents):
        model = fit([sents[i] for i in train], cand)
        idx = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in test])
        probs[idx] = predict(model, [sents[i] for i in test], cand)
    owner = [n for n, s in enumerate(sents) for _ in s.words]
    top = train_loaded.top_words(sents, probs, owner)
    srows = [sentence_features(s.words, t) for s, t in zip(sents, top, strict=True)]
    bdocs = parts(shared)[0][1]
    bsents = [s for bd in bdocs for s in bd.sentences]
    word_model = fit(sents, cand)
    flat = predict(word_model, bsents, cand)
    bstarts = np.cumsum([0] + [len(s.words) for s in bsents])
    btop = [float(flat[a:b].max()) if b > a else 0.0 for a, b in itertools.pairwise(bstarts)]
    brows = [sentence_features(s.words, t) for s, t in zip(bsents, btop, strict=True)]
    by = np.asarray([s.biased for s in bsents])
    print("| sentence vector | BABE P | R | F1 | BASIL tune AUC (sentence has a lex span) |")
    print("|---|---|---|---|---|")
    for pooling, scale in SENTENCE_CANDIDATES:
        block = sentence_block(sents, pooling, scale) if scale else np.zeros((0, 0))
        logits = np.zeros(len(sents))
        for train, test in train_loaded.folds(sents):
            part = block[train] if block.size else block
            vec, clf = sentence_fit([srows[i] for i in train], part, y[train])
            test_block = block[test] if block.size else block
            logits[test] = clf.decision_function(matrix(vec, [srows[i] for i in test], test_block))
        p, r, f, _ = precision_recall_fscore_support(y, logits > 0, average="binary")
        vec, clf = sentence_fit(srows, block, y)
        bblock = sentence_block(bsents, pooling, scale) if scale else np.zeros((0, 0))
        auc = roc_auc_score(by, clf.decision_function(matrix(vec, brows, bblock)))
        print(f"| {pooling} x{scale} | {p:.3f} | {r:.3f} | {f:.3f} | {auc:.3f} |", flush=True)


#: The vector word model checked once on the held-out part beside the decided configuration
#: (the shipped word model): the best vector candidate of the tune part, at its threshold.
CHECK = ("+vec x0.03", 0.3)


def sentence_auc(bdocs: Sequence[BasilDoc], model: LearnedModel) -> float:
    """ROC AUC of the sentence probability for "the sentence holds a ``lex`` span"."""
    from sklearn.metrics import roc_auc_score

    probs: list[float] = []
    labels: list[int] = []
    for bd in bdocs:
        batch = [([w.text for w in s.words], [w.categories for w in s.words]) for s in bd.sentences]
        probs += model.score_sentences(batch)[1]
        labels += [s.biased for s in bd.sentences]
    return float(roc_auc_score(labels, probs))


def final_check(shared: Path, before: Path) -> None:
    """The held-out table, once: baselines, the app's model, the vector candidate."""
    import json

    from eval_loaded import Output, methods, score
    from eval_terms import held_out, load_basil

    from analysis.terms.learned import load_model, model_from_json

    docs = load_basil(shared)
    tune = basil_sentences([d for d in docs if not held_out(d.event)])
    test = basil_sentences([d for d in docs if held_out(d.event)])
    name, t = CHECK
    cand = CANDIDATES[name]
    model = fit(train_loaded.build(shared), cand)
    stop = stop_lemmas(tune, basil_probs(model, tune, cand), range(len(tune)), t, *STOP)
    base = basil_probs(model, test, cand)
    probs = {n: suppress(bd, base[n], stop) for n, bd in enumerate(test)}
    outputs: dict[int, Output] = {}
    for n, bd in enumerate(test):
        spans = [
            span
            for s, row in zip(bd.sentences, probs[n], strict=True)
            for span in decode(s.words, row, t, merge=False)
        ]
        outputs[id(bd.doc)] = (spans, float(prob_sum(probs, True, FLOOR)(n, bd)))
    held = [bd.doc for bd in test]
    print(f"held-out part: {len({d.event for d in held})} events, {len(held)} articles")
    print("| method | flagged | precision | recall | F1 | outlet pick | pairwise | tied |")
    print("|---|---|---|---|---|---|---|---|")
    for label, run in methods(shared).items():
        print(score(held, {id(d): run(d) for d in held}).row(label))
    print(score(held, outputs).row(f"word vectors {name} @ {t}, stop list {sorted(stop)}"))
    old = model_from_json(json.loads(before.read_text("utf-8")))
    for part, bdocs in (("tune", tune), ("held-out", test)):
        print(
            f"sentence AUC ({part}): before {sentence_auc(bdocs, old):.3f}, "
            f"with the sentence vector {sentence_auc(bdocs, load_model()):.3f}"
        )


def part_shipped_babe(shared: Path) -> None:
    """BABE figures of the shipped configuration, with and without the switched-off words."""
    sents = train_loaded.build(shared)
    cand = CANDIDATES["retrained"]
    y = np.asarray([s.biased for s in sents])
    y_word = np.asarray([v for s in sents for v in s.labels])
    starts = np.cumsum([0] + [len(s.words) for s in sents])
    probs = np.zeros(starts[-1])
    for train, test in train_loaded.folds(sents):
        idx = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in test])
        probs[idx] = predict(fit([sents[i] for i in train], cand), [sents[i] for i in test], cand)
    off = np.asarray(
        [lemma(w.text.lower()) in train_loaded.SWITCHED_OFF for s in sents for w in s.words]
    )
    owner = [n for n, s in enumerate(sents) for _ in s.words]
    print("| word model | sentence vector | word P | R | F1 | sentence P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, p in (("as trained", probs), ("switch-offs", np.where(off, 0.0, probs))):
        wp, wr, wf, _ = precision_recall_fscore_support(y_word, p >= 0.3, average="binary")
        top = train_loaded.top_words(sents, p, owner)
        for vector in (0.0, train_loaded.SENTENCE_VECTOR):
            sp, sr, sf = sentence_cv(sents, top, y, vector)
            print(
                f"| {name} | x{vector} | {wp:.3f} | {wr:.3f} | {wf:.3f} | {sp:.3f} | {sr:.3f} "
                f"| {sf:.3f} |",
                flush=True,
            )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--only", default=",".join(CANDIDATES))
    parser.add_argument("--babe", action="store_true")
    parser.add_argument("--diag", metavar="NAME")
    parser.add_argument("--sentence", action="store_true")
    parser.add_argument("--final-held-out", metavar="BEFORE_MODEL_JSON", type=Path)
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    if args.babe and args.only == "shipped":
        part_shipped_babe(args.shared)
    elif args.final_held_out:
        final_check(args.shared, args.final_held_out)
    elif args.sentence:
        part_sentence(args.shared)
    elif args.diag:
        part_diag(args.shared, args.diag)
    elif args.babe:
        part_babe(args.shared, names)
    else:
        part_tune(args.shared, names)


if __name__ == "__main__":
    main()
