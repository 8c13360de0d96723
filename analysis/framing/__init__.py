"""Framing: quotations and their speakers, attribution verbs, hedges, headlines, frames.

Public API:

* :func:`quotation_spans` / :func:`in_quotation` — direct quotations by quote marks;
* :func:`analyse_framing` → :class:`FramingReport` (per article: quotes with speakers,
  sources named/anonymous, quote share, VADER sentiment; who is quoted by which outlet;
  attribution-verb profiles; hedges/boosters; headline checks; frame emphasis; and, per
  aligned passage, the verb, hedges and sentiment of each outlet);
* :func:`analysis.steps.framing_step` — the pipeline step (framing, distinctive vocabulary,
  readability);
* :func:`framing_to_json` / :func:`framing_from_json` and the vocabulary/readability pairs.
"""

from analysis.framing.attribution import Attribution
from analysis.framing.frames import FrameEmphasis
from analysis.framing.headlines import HeadlineCheck
from analysis.framing.quotes import in_quotation, quotation_spans
from analysis.framing.quoting import Quote, Source
from analysis.framing.report import (
    ArticleFraming,
    FramingReport,
    PassageFraming,
    PassageMember,
    SpeakerRow,
    analyse_framing,
)
from analysis.framing.sentiment import Sentiment
from analysis.framing.stance import HedgeProfile, VerbProfile, VerbUse

__all__ = [
    "ArticleFraming",
    "Attribution",
    "FrameEmphasis",
    "FramingReport",
    "HeadlineCheck",
    "HedgeProfile",
    "PassageFraming",
    "PassageMember",
    "Quote",
    "Sentiment",
    "Source",
    "SpeakerRow",
    "VerbProfile",
    "VerbUse",
    "analyse_framing",
    "in_quotation",
    "quotation_spans",
]
