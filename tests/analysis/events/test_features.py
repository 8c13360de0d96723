"""The tokens an article contributes to its grouping vector."""

from __future__ import annotations

from analysis import Article
from analysis.events import GroupingSettings
from analysis.events.features import LEAD_SENTENCES, _stop_words, article_tokens

BODY = [
    "Harbour workers in Velden walked out at dawn. Cranes stood idle. Ships queued offshore. "
    "The port authority called it the longest stoppage since the shipyard closed.",
    "Older disputes were settled by arbitration.",
]


def tokens(**weights: int) -> list[str]:
    article = Article.from_parts(
        title="Velden dockers strike", paragraphs=BODY, outlet="Courier", source="c.txt"
    )
    return article_tokens(article, _stop_words(), GroupingSettings(**weights))


def test_lead_words_repeat_by_the_lead_weight_and_later_words_do_not() -> None:
    plain, led = tokens(lead_weight=0), tokens(lead_weight=2)
    assert LEAD_SENTENCES == 3
    for word in ("walked", "cranes", "ships"):  # the first three sentences after the headline
        assert (plain.count(word), led.count(word)) == (1, 3)
    for word in ("stoppage", "arbitration"):  # the fourth sentence on: body only
        assert plain.count(word) == led.count(word) == 1


def test_headline_and_name_weights_repeat_their_tokens() -> None:
    counted = tokens(headline_weight=3, name_weight=2)
    assert counted.count("dockers") == 3  # headline only
    assert counted.count("name:velden") == 4  # named in the headline and the lead, each ×2
    assert "strike" in counted and "the" not in counted
