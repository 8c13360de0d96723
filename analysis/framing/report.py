"""The framing analysis of a comparison: :func:`analyse_framing` → :class:`FramingReport`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from analysis.framing.attribution import find_attributions
from analysis.framing.frames import FrameEmphasis, frame_emphasis
from analysis.framing.headlines import HeadlineCheck, check_headline
from analysis.framing.quotes import quotation_spans
from analysis.framing.quoting import Quote, Source, extract_quotes, sources_of
from analysis.framing.sentiment import METHOD, Sentiment, sentence_scores, sentiment_of
from analysis.framing.stance import (
    HedgeProfile,
    VerbProfile,
    VerbUse,
    hedge_profile,
    speech_forms,
    verb_profile,
    verb_stances,
)
from analysis.model import Article, Span, count_words
from analysis.progress import CancelFn, ProgressFn, check_cancelled
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import TermHit, find_terms

__all__ = [
    "ArticleFraming",
    "FramingReport",
    "PassageFraming",
    "PassageMember",
    "SpeakerRow",
    "analyse_framing",
]


class _Passage(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class _Member(Protocol):
    @property
    def passage(self) -> _Passage: ...


class _Cluster(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def members(self) -> Sequence[_Member]: ...


class AlignmentLike(Protocol):
    """What framing needs of :class:`analysis.align.Alignment`: its clusters."""

    @property
    def clusters(self) -> Sequence[_Cluster]: ...


@dataclass(frozen=True, slots=True)
class ArticleFraming:
    """Quotes, sources and sentiment of one article.

    Attributes:
        article: Article id.
        outlet: Outlet name.
        quotes: Direct and indirect quotes, in text order.
        sources: Sources credited (one per attribution), named or anonymous.
        quotation_spans: All direct-quotation spans (marks included).
        quoted_words: Words inside direct quotations.
        words: Words of the article.
        quote_share: ``quoted_words / words`` (0 for an empty article).
        sentiment: VADER over the article's sentences (a rough lexicon measure).
    """

    article: str
    outlet: str
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    quotation_spans: tuple[Span, ...]
    quoted_words: int
    words: int
    quote_share: float
    sentiment: Sentiment

    @property
    def anonymous_sources(self) -> tuple[Source, ...]:
        """The sources left unnamed."""
        return tuple(s for s in self.sources if s.anonymous)


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """Who is quoted by which outlet: one speaker (merged by surname key) across articles.

    Attributes:
        key: Matching key ("halden").
        name: The fullest name seen ("Mira Halden").
        counts: ``(article id, number of quotes credited)`` for articles quoting them.
    """

    key: str
    name: str
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class PassageMember:
    """One article's version of an aligned passage, as framed by that outlet.

    ``kind`` says how the outlet carries the passage: ``verbatim``, ``edited``,
    ``paraphrase`` or ``partial`` (its sentence shares a fact of the passage); empty in
    results saved before kinds were recorded.
    """

    article: str
    span: Span
    verbs: tuple[VerbUse, ...]
    hedges: HedgeProfile
    sentiment: Sentiment
    kind: str = ""


@dataclass(frozen=True, slots=True)
class PassageFraming:
    """An aligned passage compared across outlets: a row of the omission matrix.

    ``cluster`` is the alignment cluster, or None for sentences joined only by links
    outside every cluster (most often "shares a fact" links).
    """

    cluster: int | None
    members: tuple[PassageMember, ...]

    @property
    def verb_changes(self) -> bool:
        """Whether the outlets carrying it attribute it with different verbs.

        A passage of several sentences can hold several verbs: the outlets' verb sequences
        (in text order) are compared, so a change in the second sentence counts too.
        """
        verbs = {tuple(u.verb for u in m.verbs) for m in self.members if m.verbs}
        return len(verbs) > 1


@dataclass(frozen=True, slots=True)
class FramingReport:
    """Everything the framing analysis found, each finding with its spans."""

    articles: tuple[ArticleFraming, ...]
    speakers: tuple[SpeakerRow, ...]
    verbs: tuple[VerbProfile, ...]
    hedges: tuple[HedgeProfile, ...]
    headlines: tuple[HeadlineCheck, ...]
    frames: tuple[FrameEmphasis, ...]
    passages: tuple[PassageFraming, ...]
    sentiment_method: str = METHOD

    def for_article(self, article_id: str) -> ArticleFraming:
        """Return the framing of one article.

        Raises:
            KeyError: If the article is not part of the report.
        """
        for item in self.articles:
            if item.article == article_id:
                return item
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class _One:
    framing: ArticleFraming
    verbs: VerbProfile
    hedges: HedgeProfile
    headline: HeadlineCheck
    frames: FrameEmphasis
    hits: tuple[TermHit, ...]
    scores: tuple[float, ...]


def analyse_framing(
    articles: Sequence[Article],
    alignment: AlignmentLike | None,
    lexicons: LexiconSet,
    *,
    hits: Mapping[str, Sequence[TermHit]] | None = None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> FramingReport:
    """Analyse quotes, sources, verbs, hedges, headlines, sentiment and frames.

    Args:
        articles: The articles compared.
        alignment: Their passage alignment (None: no per-passage comparison).
        lexicons: Term lexicons (attribution-verb stances, hedges, boosters, loaded flags).
        hits: Term hits per article id, when the terms step already found them with the
            same lexicons (saves matching again).
        progress: Called with ``(fraction, label)``.
        is_cancelled: Polled between articles and between the stages of each article
            (a 20 MB article takes minutes).

    Returns:
        The frozen report.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    forms, stances = speech_forms(lexicons), verb_stances(lexicons)
    done: list[_One] = []
    for index, article in enumerate(articles):
        check_cancelled(is_cancelled)
        if progress is not None:
            progress(index / max(1, len(articles)), f"Framing: {article.outlet}")
        known = hits.get(article.id) if hits is not None else None
        done.append(_analyse_one(article, lexicons, forms, stances, known, is_cancelled))
    check_cancelled(is_cancelled)
    by_id = {a.id: a for a in articles}
    passages = _passages(alignment, by_id, {o.framing.article: o for o in done})
    headlines = _headline_links(alignment, articles, tuple(o.headline for o in done))
    if progress is not None:
        progress(1.0, "Framing done")
    return FramingReport(
        articles=tuple(o.framing for o in done),
        speakers=_speaker_rows(o.framing for o in done),
        verbs=tuple(o.verbs for o in done),
        hedges=tuple(o.hedges for o in done),
        headlines=headlines,
        frames=tuple(o.frames for o in done),
        passages=passages,
    )


def _analyse_one(
    article: Article,
    lexicons: LexiconSet,
    forms: dict[str, str],
    stances: dict[str, str],
    known: Sequence[TermHit] | None,
    is_cancelled: CancelFn | None = None,
) -> _One:
    spans = quotation_spans(article.text)
    hits = tuple(known) if known is not None else find_terms(article, lexicons, spans)
    check_cancelled(is_cancelled)
    scores = sentence_scores(article)
    check_cancelled(is_cancelled)
    attributions = find_attributions(article, forms, spans)
    check_cancelled(is_cancelled)
    quoted = sum(count_words(s.slice(article.text)) for s in spans)
    words = article.word_count
    framing = ArticleFraming(
        article=article.id,
        outlet=article.outlet,
        quotes=extract_quotes(article, attributions, spans),
        sources=sources_of(article, attributions),
        quotation_spans=spans,
        quoted_words=quoted,
        words=words,
        quote_share=round(quoted / words, 4) if words else 0.0,
        sentiment=sentiment_of(article, scores=scores),
    )
    return _One(
        framing=framing,
        verbs=verb_profile(article, attributions, stances),
        hedges=hedge_profile(article.id, hits, max(0, words - quoted)),
        headline=check_headline(article, hits, lexicons.loaded_names, spans),
        frames=frame_emphasis(article, spans),
        hits=hits,
        scores=scores,
    )


def _speaker_rows(framings: Any) -> tuple[SpeakerRow, ...]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, str] = {}
    for framing in framings:
        for quote in framing.quotes:
            attr = quote.attribution
            if attr is None or attr.key is None or attr.speaker is None:
                continue
            counts[attr.key][framing.article] += 1
            if len(attr.speaker) > len(names.get(attr.key, "")):
                names[attr.key] = attr.speaker
    rows = [SpeakerRow(k, names[k], tuple(v.items())) for k, v in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-sum(n for _, n in r.counts), r.key)))


def _passages(
    alignment: AlignmentLike | None, articles: dict[str, Article], done: dict[str, _One]
) -> tuple[PassageFraming, ...]:
    """The passages of the omission matrix that two or more outlets carry, framed.

    With the aligner's :class:`~analysis.align.Alignment` these are the matrix's rows (so
    an outlet whose sentence shares a fact of a passage is compared on it too, its kind
    recorded); with anything else offering clusters, one passage per cluster.
    """
    if alignment is None:
        return ()
    from analysis.align.values import Alignment
    from analysis.omission import CellKind, matrix_rows

    if not isinstance(alignment, Alignment):
        out = []
        for cluster in alignment.clusters:
            found = (_member(m.passage, "", articles, done) for m in cluster.members)
            out.append(PassageFraming(int(cluster.id), tuple(m for m in found if m)))
        return tuple(out)
    rows: list[PassageFraming] = []
    for row in matrix_rows(tuple(articles.values()), alignment, unique=False):
        carried = [c for c in row.cells if c.kind is not CellKind.MISSING]
        members = [_member(c, c.kind.value, articles, done) for c in carried]
        rows.append(PassageFraming(row.cluster, tuple(m for m in members if m is not None)))
    return tuple(rows)


def _headline_links(
    alignment: AlignmentLike | None,
    articles: Sequence[Article],
    checks: tuple[HeadlineCheck, ...],
) -> tuple[HeadlineCheck, ...]:
    """Name, for each headline, the other articles linked to it and how (kind labelled)."""
    from analysis.align.values import Alignment
    from analysis.omission import LinkIndex, rank

    if not isinstance(alignment, Alignment):
        return checks
    order = {a.id: i for i, a in enumerate(articles)}
    index = LinkIndex(alignment.links)
    out = []
    for check in checks:
        best: dict[str, str] = {}
        head = check.headline
        for link in index.overlapping(check.article, head.start, head.end):
            other = link.b if link.a.article == check.article else link.a
            kind = str(link.kind)
            if other.article in order and rank(kind) < rank(best.get(other.article, "")):
                best[other.article] = kind
        shared = tuple(sorted(best.items(), key=lambda x: order[x[0]]))
        out.append(replace(check, shared_with=shared) if shared else check)
    return tuple(out)


def _member(
    passage: _Passage, kind: str, articles: dict[str, Article], done: dict[str, _One]
) -> PassageMember | None:
    article, one = articles.get(passage.article), done.get(passage.article)
    if article is None or one is None:
        return None
    span = Span(passage.start, passage.end)
    verbs = tuple(u for u in one.verbs.uses if span.contains(u.span))
    words = count_words(span.slice(article.text))
    hedges = hedge_profile(article.id, one.hits, words, within=span)
    feeling = sentiment_of(article, span, one.scores)
    return PassageMember(article.id, span, verbs, hedges, feeling, kind)
