"""Attribution-verb stance and hedging per article.

The stance of a verb (neutral, distancing, endorsing, emotive) is the terms lexicon
category listing it (:data:`analysis.terms.lexicon.ATTRIBUTION_VERB_CATEGORIES`); verbs in
none of them are ``unclassified``. Hedges and boosters are the hits of the ``hedges`` and
``intensifiers`` categories, counted per 1,000 words of the article, own voice and quoted
speech apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.framing.attribution import Attribution
from analysis.framing.speech import SPEECH_VERB_FORMS
from analysis.model import Article, Span
from analysis.terms.inflect import inflections
from analysis.terms.lexicon import ATTRIBUTION_VERB_CATEGORIES, BOOSTERS, HEDGES, LexiconSet
from analysis.terms.matcher import TermHit

__all__ = [
    "UNCLASSIFIED",
    "HedgeProfile",
    "VerbProfile",
    "VerbUse",
    "hedge_profile",
    "speech_forms",
    "verb_profile",
    "verb_stances",
]

UNCLASSIFIED = "unclassified"


@dataclass(frozen=True, slots=True)
class VerbUse:
    """One attribution verb as used: evidence for the verb profile and passage comparison.

    Attributes:
        article: Article id.
        span: The verb in the text.
        verb: As written, lower case ("claimed").
        stance: Lexicon category name (``verbs_distancing`` …) or ``unclassified``.
        speaker: Who it attributes to, when known.
    """

    article: str
    span: Span
    verb: str
    stance: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class VerbProfile:
    """How one article attributes speech: counts per stance and the uses behind them."""

    article: str
    outlet: str
    counts: tuple[tuple[str, int], ...]
    uses: tuple[VerbUse, ...]

    def share(self, stance: str) -> float:
        """Share of this article's attribution verbs with the given stance (0 when none)."""
        total = sum(n for _, n in self.counts)
        return dict(self.counts).get(stance, 0) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class HedgeProfile:
    """Hedges and boosters of one article (or one passage).

    Attributes:
        article: Article id.
        words: Words counted (the article or the passage).
        hedges: Hedge hits in the outlet's own voice, and inside quotations.
        boosters: Booster (intensifier) hits, own voice and quoted.
        hedge_rate: Own-voice hedges per 1,000 words.
        booster_rate: Own-voice boosters per 1,000 words.
        evidence: The hits counted.
    """

    article: str
    words: int
    hedges: tuple[int, int]
    boosters: tuple[int, int]
    hedge_rate: float
    booster_rate: float
    evidence: tuple[Span, ...]


def verb_stances(lexicons: LexiconSet) -> dict[str, str]:
    """Map every surface form of the lexicon's attribution verbs to its stance category."""
    out: dict[str, str] = {}
    for name in ATTRIBUTION_VERB_CATEGORIES:
        try:
            category = lexicons.category(name)
        except KeyError:
            continue  # switched off by the user
        for term in category.terms:
            forms = set(term.forms) | {term.key}
            if term.inflect and " " not in term.key:
                forms |= inflections(term.key)
            for form in forms:
                out.setdefault(" ".join(form.lower().split()), name)
    return out


def speech_forms(lexicons: LexiconSet) -> dict[str, str]:
    """Speech-verb forms (form → base) of the grammar list plus the lexicon's verbs."""
    forms = dict(SPEECH_VERB_FORMS)
    for form in verb_stances(lexicons):
        forms.setdefault(form, SPEECH_VERB_FORMS.get(form, form))
    return forms


def verb_profile(
    article: Article, attributions: Sequence[Attribution], stances: Mapping[str, str]
) -> VerbProfile:
    """Count an article's attribution verbs by stance ("according to" is not a verb)."""
    uses = tuple(
        VerbUse(article.id, a.verb_span, a.verb, stances.get(a.verb, UNCLASSIFIED), a.speaker)
        for a in attributions
        if a.lemma != "according to"
    )
    counts = Counter(u.stance for u in uses)
    order = (*ATTRIBUTION_VERB_CATEGORIES, UNCLASSIFIED)
    return VerbProfile(article.id, article.outlet, tuple((s, counts[s]) for s in order), uses)


def hedge_profile(
    article_id: str, hits: Sequence[TermHit], words: int, within: Span | None = None
) -> HedgeProfile:
    """Count hedge and booster hits of one article, optionally only inside ``within``.

    Args:
        article_id: The article.
        hits: Its term hits.
        words: Word count of the article (or of ``within``).
        within: Restrict to hits inside this span (a passage).
    """
    chosen = [
        h
        for h in hits
        if h.category in (HEDGES, BOOSTERS) and (within is None or within.contains(h.span))
    ]
    counts = Counter((h.category, h.in_quote) for h in chosen)
    hedges = (counts[HEDGES, False], counts[HEDGES, True])
    boosters = (counts[BOOSTERS, False], counts[BOOSTERS, True])
    per = 1000.0 / words if words else 0.0
    return HedgeProfile(
        article_id,
        words,
        hedges,
        boosters,
        round(hedges[0] * per, 3),
        round(boosters[0] * per, 3),
        tuple(h.span for h in chosen),
    )
