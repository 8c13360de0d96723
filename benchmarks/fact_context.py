"""Does a contextual sentence model help the shared-fact model?  (issue #9 item 3; study)

Run by hand (needs ../shared, ``onnxruntime`` and the model files, none of them a
dependency of Slant):
    .venv/bin/python benchmarks/fact_context.py ONNX TOKENIZER_JSON [--splits train train2]

ONNX is a sentence-transformers model exported to ONNX (its first output the token states,
mean-pooled here over the attention mask), TOKENIZER_JSON its Hugging Face tokenizer file.
The run is ``cv_fact_vectors.py``'s leave-one-event-out comparison with ``emb_cos`` (the
sentence cosine) computed from this model instead of WordLlama's token table; the other
vector features are not used. Unit texts are the aligner's case-folded words joined by
spaces (the models tried are uncased).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv_fact_vectors as cv
import fact_vectors


class Contextual:
    """Mean-pooled, unit-length sentence vectors from an ONNX model, cached by text."""

    def __init__(self, onnx: str, tokenizer: str) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        self.session = ort.InferenceSession(onnx, opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tok = Tokenizer.from_file(tokenizer)
        self.tok.enable_truncation(128)
        self.tok.enable_padding()
        self.cache: dict[str, np.ndarray] = {}
        self.states: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.seconds = 0.0
        outs = self.session.get_outputs()
        self.output = next(k for k, o in enumerate(outs) if len(o.shape) == 3)

    def encode(self, texts: list[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self.cache}, key=len)
        start = time.perf_counter()
        for lo in range(0, len(todo), 64):
            batch = todo[lo : lo + 64]
            enc = self.tok.encode_batch(batch)
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            states = self.session.run(None, feed)[self.output]
            pooled = (states * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
            for k, (t, v) in enumerate(zip(batch, pooled, strict=True)):
                self.cache[t] = v.astype(np.float32)
                n = int(mask[k].sum())
                rows = states[k, 1 : n - 1].astype(np.float32)  # without [CLS] and [SEP]
                rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
                self.states[t] = (rows, ids[k, 1 : n - 1].copy())
        self.seconds += time.perf_counter() - start
        return np.vstack([self.cache[t] for t in texts])


_TEXTS: dict[int, list[str]] = {}


def token_scores(
    model: Contextual, texts: list[str], ia: np.ndarray, ib: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """BERTScore-like soft coverage of each side by the other, from contextual token states.

    Each token's best cosine to the other sentence's tokens, averaged with the tokens' idf
    in this comparison (word pieces counted once per unit). Returned as (higher, lower) of
    the two directions: the better-covered side is the one that says less (a partial link).
    """
    df: dict[int, int] = {}
    for t in texts:
        for i in set(model.states[t][1].tolist()):
            df[i] = df.get(i, 0) + 1
    n = len(texts)
    idf = {i: float(np.log((n + 1) / (c + 1))) for i, c in df.items()}
    weights = {t: np.array([idf[i] for i in model.states[t][1].tolist()]) for t in set(texts)}
    hi, lo = np.zeros(len(ia)), np.zeros(len(ia))
    for k, (a, b) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        ta, tb = texts[a], texts[b]
        (sa, _), (sb, _) = model.states[ta], model.states[tb]
        if len(sa) == 0 or len(sb) == 0:
            continue
        sim = sa @ sb.T
        wa, wb = weights[ta], weights[tb]
        ca = float((sim.max(axis=1) * wa).sum() / max(wa.sum(), 1e-9))
        cb = float((sim.max(axis=0) * wb).sum() / max(wb.sum(), 1e-9))
        hi[k], lo[k] = max(ca, cb), min(ca, cb)
    return hi, lo


def patch(model: Contextual) -> None:
    """Make the vector table carry contextual sentence vectors, and put the contextual
    token coverage in place of the soft-overlap columns (emb_soft = higher side,
    emb_soft_min = lower side)."""
    import train_facts

    original = fact_vectors.VectorTable.build.__func__  # type: ignore[attr-defined]
    features = fact_vectors.vector_features

    def build(cls, tokens, table):  # type: ignore[no-untyped-def]
        vt = original(cls, tokens, table)
        texts = [" ".join(t.words) for t in tokens]
        out = cls(model.encode(texts), vt.stem, vt.plain, vt.tokens)
        _TEXTS.clear()
        _TEXTS[id(out)] = texts
        return out

    def vector_features(vt, table, ia, ib):  # type: ignore[no-untyped-def]
        out = features(vt, table, ia, ib)
        hi, lo = token_scores(model, _TEXTS[id(vt)], ia, ib)
        out[:, 2], out[:, 3] = hi, lo
        return out

    fact_vectors.VectorTable.build = classmethod(build)  # type: ignore[method-assign,assignment]
    fact_vectors.vector_features = vector_features
    train_facts.vector_features = vector_features  # type: ignore[attr-defined]


def frame_mode() -> None:
    """Add mode ``frame`` to the harness: as ``two``, but only pairs whose specific evidence
    lies outside the attribution frame (``analysis.align.fact_frame``) are rescored. The column
    ``content_specific`` is a mask, not a feature: the model gets a zero weight for it."""
    fit, install = cv.fit, cv.install
    mask = "content_specific"

    def fit_without_mask(rows, names, keep):  # type: ignore[no-untyped-def]
        if mask not in names:
            return fit(rows, names, keep)
        k = names.index(mask)
        mean, scale, coef, intercept = fit(rows, names[:k] + names[k + 1 :], keep)
        return (
            np.insert(mean, k, 0.0),
            np.insert(scale, k, 1.0),
            np.insert(coef, k, 0.0),
            intercept,
        )

    def install_frame(mode, base, cand, share):  # type: ignore[no-untyped-def]
        install("two" if mode == "frame" else mode, base, cand, share)
        if mode != "frame":
            return

        def frame(xm: np.ndarray) -> np.ndarray:
            spec = cv.fact_links.specific(xm[:, : cv.N_BASE]) & (xm[:, -1] > 0)
            return np.where(spec, cv._prob(cand, xm), cv._prob(base, xm[:, : cv.N_BASE]))

        cv.fact_links.fact_probabilities = frame

    cv.fit, cv.install = fit_without_mask, install_frame


COVER, BOTH = "emb_soft,emb_soft_min", "emb_cos,emb_soft,emb_soft_min"
SPEC_COVER = "contextual token coverage, specific pairs only"
SPEC_BOTH = "contextual cosine + coverage, specific pairs only"
SPEC_COS = "contextual cosine, specific pairs only"
# (label, features, mode, threshold, specific share); indices are --only's
CONFIGS = [
    ("base (shipped rule)", "base", "one", 0.45, 0.82),
    ("contextual cosine", "emb_cos", "one", 0.45, 0.82),
    ("contextual cosine", "emb_cos", "one", 0.50, 0.82),
    ("contextual cosine", "emb_cos", "one", 0.55, 0.82),
    (SPEC_COS, "emb_cos", "two", 0.45, 0.82),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.45, 0.82),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.50, 0.82),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.55, 0.82),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.60, 0.82),
    ("contextual coverage + cosine", BOTH, "one", 0.45, 0.82),
    ("contextual coverage + cosine", BOTH, "one", 0.55, 0.82),
    (SPEC_COVER, COVER, "two", 0.45, 0.82),
    (SPEC_COVER, COVER, "two", 0.45, 0.90),
    (SPEC_COVER, COVER, "two", 0.45, 1.00),
    (SPEC_COVER, COVER, "two", 0.45, 1.10),
    (SPEC_COVER, COVER, "two", 0.50, 1.00),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.65, 0.82),
    ("contextual token coverage (higher, lower)", COVER, "one", 0.70, 0.82),
    (SPEC_COS, "emb_cos", "two", 0.45, 0.70),
    (SPEC_COS, "emb_cos", "two", 0.45, 0.60),
    (SPEC_COS, "emb_cos", "two", 0.45, 0.6444),
    (SPEC_COS, "emb_cos", "two", 0.45, 0.7556),
    (SPEC_COVER, COVER, "two", 0.45, 0.8222),
    (SPEC_COVER, COVER, "two", 0.45, 0.8667),
    (SPEC_BOTH, BOTH, "two", 0.45, 0.7111),
    (SPEC_BOTH, BOTH, "two", 0.45, 0.7778),
    (SPEC_BOTH, BOTH, "two", 0.45, 0.8444),
    (SPEC_BOTH, BOTH, "two", 0.45, 0.9111),
]

# Session 7: the same families, rescoring only pairs whose specific evidence lies outside
# the attribution frame (mode "frame", analysis/align/fact_frame.py); the grid of the rule in
# docs/alignment.md, written before it was run. Index 0 is the shipped configuration.
FRAME = ",content_specific"
FRAME_CONFIGS = [
    ("base (shipped rule)", "base", "one", 0.45, 0.82),
    *((f"{SPEC_COS}, frame", "emb_cos" + FRAME, "frame", 0.45, s / 45) for s in range(27, 37)),
    *((f"{SPEC_COVER}, frame", COVER + FRAME, "frame", 0.45, s / 45) for s in range(37, 46)),
    *((f"{SPEC_BOTH}, frame", BOTH + FRAME, "frame", 0.45, s / 45) for s in range(32, 43)),
]

NAMES = {"emb_cos": "ctx_cos", "emb_soft": "ctx_cover_hi", "emb_soft_min": "ctx_cover_lo"}


def write(spec: str, share: float, splits: tuple[str, ...]) -> None:
    """Fit a configuration on all events of ``splits`` and write the shipped model file
    (the ``content_specific`` mask is no feature of it: analysis.align.fact_frame applies it)."""
    import json

    from train_facts import collect

    rows = collect(40, 0.01, vectors=True, splits=splits)
    names = tuple(n for n in cv.feature_set(spec) if n != "content_specific")
    mean, scale, coef, intercept = cv.fit(rows, names, np.ones(len(rows.y), dtype=bool))
    out = {
        "about": (
            "Second-stage logistic regression for pairs with specific evidence outside the "
            "attribution frame (analysis/align/fact_context.py, fact_frame.py): the "
            "shared-fact features and contextual sentence-model features (all-MiniLM-L6-v2, "
            f"int8 ONNX), trained on the BASIL {' + '.join(splits)} gold by "
            "benchmarks/fact_context.py --write; chosen by the rule in docs/alignment.md "
            "(session 7). p = sigmoid(((x - mean) / scale) . coef + intercept)."
        ),
        "features": [NAMES.get(n, n) for n in names],
        "mean": [round(float(v), 8) for v in mean],  # type: ignore[union-attr]
        "scale": [round(float(v), 8) for v in scale],  # type: ignore[union-attr]
        "coef": [round(float(v), 8) for v in coef],  # type: ignore[union-attr]
        "intercept": round(float(intercept), 8),  # type: ignore[arg-type]
        "specific_share": round(share, 6),
    }
    path = Path(__file__).resolve().parent.parent / "resources" / "models" / "facts_context.json"
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(rows.y)} rows, features {out['features'][-3:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("onnx")
    parser.add_argument("tokenizer")
    parser.add_argument("--splits", nargs="+", default=["train"], choices=["train", "train2"])
    parser.add_argument("--only", nargs="*", type=int, help="indices into CONFIGS (0 = base)")
    parser.add_argument("--frame", action="store_true", help="the session-7 grid (FRAME_CONFIGS)")
    parser.add_argument("--write", type=int, help="index into the grid: fit it, write the model")
    args = parser.parse_args()
    model = Contextual(args.onnx, args.tokenizer)
    patch(model)
    frame_mode()
    grid = FRAME_CONFIGS if args.frame else CONFIGS
    if args.write is not None:
        _, spec, _, _, share = grid[args.write]
        write(spec, share, tuple(args.splits))
        return
    cv.CONFIGS[:] = [grid[i] for i in args.only] if args.only else grid
    sys.argv = [sys.argv[0], "--splits", *args.splits]
    cv.main()
    print(f"contextual model: {len(model.cache)} distinct units in {model.seconds:.1f} s")


if __name__ == "__main__":
    main()
