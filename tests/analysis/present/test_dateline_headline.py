"""A text that opens with its dateline-led lead has no headline, and no headline finding.

Wire copy pasted as plain text often has no headline line: its first line is the lead,
"RIVERTON, Ont. — The council …". Taken as a headline, the place name is a word the body
"never mentions" and the key findings called the headline unsupported. All text here is
our own, fictional.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.dateline import is_dateline_lead, looks_like_lead, starts_with_dateline
from analysis.ingest import load_source
from analysis.ingest.dispatch import load_pasted
from analysis.model import Article
from analysis.pipeline import compare
from analysis.present import key_findings

_LEAD = (
    "NORTH HAVEN, Ont. — The town council of North Haven voted on Tuesday night to close "
    "the old ferry pier for the winter after inspectors found cracks in two of its pilings."
)
_BODY = (
    "The council said the pier would reopen in April if repairs were finished in time.",
    "Fishermen who use the pier said the closure would cost them a season of work.",
    "The mayor, Ada Brill, said the town had no choice once the inspectors reported.",
)


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("NORTH HAVEN, Ont. — The council voted", True),
        ("PORT ELLIS — The council voted", True),
        ("KESTON (Herald Wire) - The council voted", True),
        ("ST. CLARE'S, N.L. -- The council voted", True),
        ("US - China talks resume in the spring", False),  # an acronym, not a place
        ("BREAKING — Council votes to close the pier", False),  # a kicker, not a place
        ("Council closes pier — fishermen angry", False),
        ("Report: council closes pier for winter", False),
    ],
)
def test_a_dateline_is_a_place_in_capitals_then_a_dash(line: str, dateline: bool) -> None:
    assert starts_with_dateline(line) is dateline


def test_only_a_paragraph_long_dateline_line_is_taken_for_the_lead() -> None:
    assert is_dateline_lead(_LEAD)
    assert not is_dateline_lead("PORT ELLIS — what the pier vote means")  # headline-sized
    assert looks_like_lead(_LEAD) and not looks_like_lead("Council closes the ferry pier")
    assert looks_like_lead(" ".join(["word"] * 31))  # a paragraph, whatever its start


def test_pasted_text_opening_with_its_lead_has_no_headline() -> None:
    article = load_pasted("\n".join((_LEAD, *_BODY)), outlet="Haven Post")
    assert article.title == ""
    assert article.text.startswith("NORTH HAVEN, Ont.")  # the lead stays body text
    assert article.headline.start == article.headline.end  # no headline paragraph
    assert len(article.paragraphs) == 1 + len(_BODY)  # the lead, then the body


def test_a_headline_line_above_the_lead_is_still_the_headline() -> None:
    article = load_pasted("\n".join(("Town shuts its ferry pier", _LEAD, *_BODY)), outlet="P")
    assert article.title == "Town shuts its ferry pier"


def _article(outlet: str, title: str, *paragraphs: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="t")


def test_no_headline_finding_about_a_lead_taken_for_a_headline() -> None:
    # A loader that kept the lead as the title (e.g. a JSON file): the finding stays silent.
    as_title = _article("Haven Post", _LEAD, *_BODY)
    other = _article(
        "Lakeside Daily",
        "Mayor Brill orders the ferry pier demolished",  # the body never says demolished
        "The town council of North Haven voted on Tuesday to close the ferry pier for winter.",
        *_BODY,
    )
    result = compare((as_title, other))
    assert result.framing is not None
    unsupported = {h.article for h in result.framing.headlines if not h.supported}
    assert as_title.id in unsupported  # the framing check alone does flag the lead ...
    found = [f for f in key_findings(result, limit=20) if f.kind == "headline"]
    assert [f.evidence[0].article for f in found] == [other.id]  # ... the finding does not


def test_a_text_without_headline_gets_no_headline_finding_nor_a_no_verdict() -> None:
    from analysis.present.framing_more import headlines_table

    pasted = load_pasted("\n".join((_LEAD, *_BODY)), outlet="Haven Post")
    other = _article("Lakeside Daily", "Mayor Brill orders the ferry pier demolished", *_BODY)
    result = compare((pasted, other))
    found = [f for f in key_findings(result, limit=20) if f.kind == "headline"]
    assert pasted.id not in {e.article for f in found for e in f.evidence}
    verdicts = dict(zip(
        (c.text for c in headlines_table(result).column("Outlet")),
        (c.text for c in headlines_table(result).column("Supported")),
        strict=True,
    ))  # fmt: skip
    assert verdicts["Haven Post"] == "– (no headline)"
    assert verdicts["Lakeside Daily"].startswith("no")


def test_a_word_document_opening_with_its_lead_has_no_headline(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(_LEAD)
    for para in _BODY:
        document.add_paragraph(para)
    path = tmp_path / "haven.docx"
    document.save(str(path))
    article = load_source(str(path), outlet="Haven Post")
    assert article.title == ""
    assert article.text.startswith("NORTH HAVEN, Ont.")
