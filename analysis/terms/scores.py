"""Per-article loaded-language scores with an interval, from the learned model.

The **score** of an article is the expected number of loaded words in the outlet's own
voice: the sum of the learned model's word probabilities over its own-voice words, counting
only words whose probability reaches the model's ``score_floor`` (0.15: the long tail of
almost-neutral words would otherwise add up to a measure of length). Words inside direct
quotations are flagged and shown too, but kept out of the score: a quoted slur is the
speaker's, not the outlet's. Chosen on BASIL's tune part over the count of flagged words,
which ordered same-event articles against the annotators' counts worse than article length
(see ``docs/lexicons.md``); the rate per 1,000 own-voice words is given beside it.

The **interval** is a 95 % percentile bootstrap over the own-voice sentences (1,000
resamples of the sentences, summing their scores; fixed seed, so the same article always
gets the same interval). Two outlets whose intervals overlap are not distinguishable by
this measure.

Each sentence also gets the sentence model's calibrated probability that it uses loaded
wording; the most probable sentences are the evidence the app and reports list.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.model import Article, Span
from analysis.terms.lexicon import Category
from analysis.terms.matcher import TermHit

if TYPE_CHECKING:  # numpy and the model load on first use, not with the package
    from analysis.terms.learned import LearnedModel

__all__ = [
    "LEARNED",
    "LoadedScore",
    "LoadedSentence",
    "distinguishable",
    "learned_category",
    "score_article",
    "standings",
    "summary",
]

_NONE: frozenset[str] = frozenset()

#: Category of the words the learned model flags.
LEARNED = "learned"
RESAMPLES = 1000
SEED = 20_100
TOP_SENTENCES = 5


@dataclass(frozen=True, slots=True)
class LoadedSentence:
    """One sentence with its probability and the words that drove it.

    Attributes:
        start: Offset of the sentence in ``Article.text``.
        end: Offset after it.
        probability: Calibrated probability that it uses loaded wording.
        in_quote: Whether it is mostly direct quotation (the speaker's words).
        words: Spans of its flagged words (model or loaded lexicon), in order.
    """

    start: int
    end: int
    probability: float
    in_quote: bool
    words: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class LoadedScore:
    """The loaded-language score of one article.

    Attributes:
        article: The article id.
        score: Expected loaded words in the outlet's own voice (sum of the word
            probabilities that reach the model's ``score_floor``; one decimal).
        interval: 95 % bootstrap interval ``(low, high)`` of ``score``.
        rate: ``score`` per 1,000 own-voice words.
        sentences: Own-voice sentences (those not mostly quotation).
        quoted_sentences: Sentences that are mostly quotation.
        top: The most loaded sentences, own voice and quoted, by falling probability;
            only sentences with at least one flagged word, the evidence behind the score.
    """

    article: str
    score: float
    interval: tuple[float, float]
    rate: float
    sentences: int
    quoted_sentences: int
    top: tuple[LoadedSentence, ...]


def learned_category(model: LearnedModel) -> Category:
    """The category under which the model's words appear in the hits."""
    return Category(
        name=LEARNED,
        description="Words the learned model (trained on BABE) finds loaded in context.",
        loaded=True,
        rationale="Learned from expert-annotated news sentences; see docs/lexicons.md.",
        terms=(),
        source=model.name,
        version="",
    )


def _inside(span: Span, quotes: Sequence[Span]) -> int:
    return sum(max(0, min(span.end, q.end) - max(span.start, q.start)) for q in quotes)


def _interval(counts: Sequence[float]) -> tuple[float, float]:
    if len(counts) < 2:
        return (round(float(sum(counts)), 1),) * 2
    import numpy as np

    rng = np.random.default_rng(SEED)
    values = np.asarray(counts, dtype=np.float64)
    sums = values[rng.integers(0, len(values), size=(RESAMPLES, len(values)))].sum(axis=1)
    low, high = np.percentile(sums, [2.5, 97.5])
    return (round(float(low), 1), round(float(high), 1))


def _by_sentence(article: Article, hits: Sequence[TermHit]) -> list[list[TermHit]]:
    """The hits lying in each sentence (a hit crossing two sentences goes to the first)."""
    starts = [s.start for s in article.sentences]
    out: list[list[TermHit]] = [[] for _ in starts]
    for hit in hits:
        at = bisect_right(starts, hit.start) - 1
        if at >= 0:
            out[at].append(hit)
    return out


def score_article(
    article: Article,
    lexicon: Sequence[TermHit],
    quotes: Sequence[Span],
    model: LearnedModel,
    loaded_names: frozenset[str],
) -> tuple[LoadedScore, tuple[TermHit, ...]]:
    """Score one article and flag its loaded words.

    Args:
        article: The article.
        lexicon: Its lexicon hits (their categories are model features).
        quotes: Its direct-quotation spans.
        model: The learned model.
        loaded_names: Names of the loaded lexicon categories (their hits are highlighted).

    Returns:
        The score and the model's hits (category :data:`LEARNED`).
    """
    from analysis.terms.learned import word_spans

    sentences = list(article.sentences)
    words = [word_spans(article.text, s.start, s.end) for s in sentences]
    nears = _by_sentence(article, lexicon)
    batch = [
        ([w[2] for w in found], _categories(found, near))
        for found, near in zip(words, nears, strict=True)
    ]
    word_probs, sentence_probs = model.score_sentences(batch)
    own: list[float] = []
    own_words = 0
    listed: list[LoadedSentence] = []
    hits: list[TermHit] = []
    for n, sent in enumerate(sentences):
        flagged = [
            _hit(article, w, quotes)
            for w, q in zip(words[n], word_probs[n], strict=True)
            if q >= model.word_threshold
        ]
        hits += flagged
        in_quote = bool(quotes) and 2 * _inside(sent, quotes) > len(sent)
        if not in_quote:
            own.append(_own_sum(words[n], word_probs[n], quotes, model.score_floor))
            own_words += len(words[n])
        marks = {Span(h.start, h.end) for h in flagged}
        marks |= {Span(h.start, h.end) for h in nears[n] if h.category in loaded_names}
        ordered = tuple(sorted(marks, key=lambda s: s.start))
        p = round(sentence_probs[n], 3)
        listed.append(LoadedSentence(sent.start, sent.end, p, in_quote, ordered))
    top = _top([s for s in listed if not s.in_quote]) + _top([s for s in listed if s.in_quote])
    score = round(sum(own), 1)
    rate = round(1000.0 * score / own_words, 2) if own_words else 0.0
    result = LoadedScore(
        article.id, score, _interval(own), rate, len(own), len(listed) - len(own), top
    )
    return result, tuple(hits)


def _own_sum(
    words: Sequence[tuple[int, int, str]],
    probs: Sequence[float],
    quotes: Sequence[Span],
    floor: float,
) -> float:
    """Sum of the probabilities >= ``floor`` of the words of a sentence outside quotations."""
    total = 0.0
    for (start, end, _), p in zip(words, probs, strict=True):
        if p >= floor and not (quotes and 2 * _inside(Span(start, end), quotes) > end - start):
            total += p
    return total


def _categories(
    found: Sequence[tuple[int, int, str]], near: Sequence[TermHit]
) -> list[frozenset[str]]:
    """Each word's lexicon categories (the hits over it); most sentences have none.

    One sweep over words and hits in text order (``found`` is in order and its words do not
    overlap): a hit enters the open set when a word ends after it starts and leaves once a
    word starts at or after its end, so the work is linear in words plus hits, not their
    product (a sentence of 200 KB without punctuation has tens of thousands of both).
    """
    if not near:
        return [_NONE] * len(found)
    pending = sorted(near, key=lambda h: h.start)
    open_hits: list[tuple[int, int, str]] = []  # heap of (end, order, category)
    out: list[frozenset[str]] = []
    nxt = 0
    for start, end, _ in found:
        while nxt < len(pending) and pending[nxt].start < end:
            hit = pending[nxt]
            heapq.heappush(open_hits, (hit.end, nxt, hit.category))
            nxt += 1
        while open_hits and open_hits[0][0] <= start:
            heapq.heappop(open_hits)
        out.append(frozenset(c for _, _, c in open_hits) if open_hits else _NONE)
    return out


def _top(sentences: Sequence[LoadedSentence]) -> tuple[LoadedSentence, ...]:
    # A sentence with no flagged word adds (almost) nothing to the score: listing it as "most
    # loaded" would show a neutral outlet's "did not respond to a request for comment".
    with_words = [s for s in sentences if s.words]
    return tuple(sorted(with_words, key=lambda s: (-s.probability, s.start))[:TOP_SENTENCES])


def _hit(article: Article, word: tuple[int, int, str], quotes: Sequence[Span]) -> TermHit:
    start, end, text = word
    quoted = bool(quotes) and 2 * _inside(Span(start, end), quotes) > end - start
    return TermHit(article.id, start, end, text.lower(), LEARNED, quoted)


def distinguishable(a: LoadedScore, b: LoadedScore) -> bool:
    """Whether two scores' intervals do not overlap (one outlet is clearly above)."""
    return a.interval[1] < b.interval[0] or b.interval[1] < a.interval[0]


def standings(
    intervals: Mapping[str, tuple[float, float]], names: Mapping[str, str]
) -> dict[str, str]:
    """Say, per outlet, which others it is above, below, or not distinguishable from.

    Args:
        intervals: Article id -> the score's interval ``(low, high)``.
        names: Article id -> outlet name.

    Returns:
        Article id -> e.g. "above B; not distinguishable from C" (empty with one outlet).
    """
    out: dict[str, str] = {}
    for aid, (low, high) in intervals.items():
        above: list[str] = []
        below: list[str] = []
        same: list[str] = []
        for other, (o_low, o_high) in intervals.items():
            if other == aid:
                continue
            name = names.get(other, other)
            (above if o_high < low else below if high < o_low else same).append(name)
        parts = [f"above {', '.join(above)}"] if above else []
        parts += [f"below {', '.join(below)}"] if below else []
        parts += [f"not distinguishable from {', '.join(same)}"] if same else []
        out[aid] = "; ".join(parts)
    return out


def summary(intervals: Mapping[str, tuple[float, float]], names: Mapping[str, str]) -> str:
    """One sentence on whether the scores rank the outlets at all."""
    ids = list(intervals)
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    if not pairs:
        return ""
    apart = [
        (a, b)
        for a, b in pairs
        if intervals[a][1] < intervals[b][0] or intervals[b][1] < intervals[a][0]
    ]
    if not apart:
        return (
            "The outlets are not distinguishable by this score: every pair's intervals "
            "overlap, so the bars do not rank them."
        )
    if len(apart) == len(pairs):
        return "Every pair of outlets is distinguishable: no two intervals overlap."
    return (
        f"{len(apart)} of {len(pairs)} pairs of outlets are distinguishable; "
        "the others' intervals overlap, so they are not ranked against each other."
    )
