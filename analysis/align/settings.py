"""Settings of the passage aligner: thresholds and scorer choice, tuned on data.

Every value is a plain number or string with a default, so the settings serialise as
JSON and travel with each result. ``docs/alignment.md`` tells how each default was
chosen (MSRP cross-validation, BASIL hand checks, the sample's answer key).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AlignmentSettings"]


@dataclass(frozen=True, slots=True)
class AlignmentSettings:
    """Thresholds and scorer choice of the passage aligner.

    Attributes:
        scorer: ``"model"`` (logistic regression over several rapidfuzz scores, shipped
            in ``resources/models/matcher.json``) or ``"ratio"`` (rapidfuzz ``ratio``
            alone against ``min_score``).
        min_probability: Least model probability (0–1) for two sentences to match. The
            MSRP-tuned accuracy optimum is lower; this is raised for precision because
            same-event articles share names and numbers in unrelated sentences.
        min_score: With ``scorer="ratio"``: least ``ratio`` (0–100) for a match.
        edited_min_similarity: Least word-level Indel similarity (0–100) for a match to
            count as ``edited`` rather than ``paraphrase``.
        contained_min_cover: Least share (0–1) of the shorter sentence's words found in
            order in the longer one for the two to match on that alone (a trimmed
            sentence, one half of a merged one, or one with words inserted).
        contained_min_words: Fewest words the shorter side needs for the containment rule.
        complete_up_to: Up to this many articles, every sentence may link to its
            counterpart in every other article.
        max_candidates: With more articles, most candidate partners kept per sentence
            (nearest by TF-IDF cosine), which keeps large inputs close to linear; clusters
            still gather every article that carries a passage.
        min_candidate_cosine: Least TF-IDF cosine between two sentences to score them.
        max_unit_chars: Sentences longer than this are cut into chunks of about this size
            (keeps one pathological 20 MB "sentence" from stalling the scorers).
        max_total_chars: Inputs above this many characters are refused with a clear error.
        common_source_share: Least share of an article that is verbatim or edited copy of
            the other for a pair to be flagged as likely common-source (wire) copy.
        lead_sentences: Body sentences that count as the lead of an article.
        fact_min_probability: Least shared-fact model probability (0–1) for two sentences
            to be linked as sharing a fact (1.0 turns shared facts off). A pair that
            shares a rare word, a number or a word trigram needs only
            ``fact_links.SPECIFIC_SHARE`` of it. Chosen on the BASIL train events and the
            sample's answer key (docs/alignment.md).
        fact_candidates: Up to ``complete_up_to`` articles, nearest partners per sentence
            scored for shared facts (beyond, ``fact_max_links``).
        fact_min_cosine: Least idf-weighted cosine of content words to score a pair.
        fact_max_links: Most shared-fact links of one sentence into one other article.
        fact_paraphrase_share: Least share of each side's content weight that the two
            sentences share for a shared-fact link to count as a paraphrase, not partial.
        fact_context_up_to: Up to this many articles, the pairs that share a rare word, a
            number or a word trigram outside the attribution frame are scored again with a
            small sentence model (:mod:`analysis.align.fact_context`); 0 turns it off. It
            reads about 225 sentences a second on two cores (12 articles: about 2 s), so
            larger comparisons keep the lexical model alone.
        event_gate_max_articles: Up to this many articles, the comparison is grouped into
            events (:mod:`analysis.align.event_gate`); 0 turns the event gate off.
        event_gate_min_score: Least score (0–100) a non-verbatim link between articles of
            different events needs, when the comparison mixes events.
        event_gate_merge_share: Two groups of articles stay one event when the links per
            article pair between them reach this share of the links per article pair
            inside groups (the grouping splits some stories told from different angles).
    """

    scorer: str = "model"
    min_probability: float = 0.5
    min_score: float = 75.0
    edited_min_similarity: float = 60.0
    contained_min_cover: float = 0.85
    contained_min_words: int = 6
    complete_up_to: int = 20
    max_candidates: int = 8
    min_candidate_cosine: float = 0.2
    max_unit_chars: int = 1000
    max_total_chars: int = 12_000_000
    common_source_share: float = 0.4
    lead_sentences: int = 2
    fact_min_probability: float = 0.45
    fact_candidates: int = 40
    fact_min_cosine: float = 0.01
    fact_max_links: int = 3
    fact_paraphrase_share: float = 0.6
    fact_context_up_to: int = 12
    event_gate_max_articles: int = 200
    event_gate_min_score: float = 90.0
    event_gate_merge_share: float = 0.3
