"""Speaker-attribution rules added after the BASIL evaluation, each with its negative."""

from __future__ import annotations

import pytest

from analysis.framing.attribution import Attribution, find_attributions
from analysis.framing.quotes import quotation_spans
from analysis.framing.quoting import extract_quotes, sources_of
from analysis.framing.speakers import is_outlet, surname_key
from analysis.framing.speech import SPEECH_VERB_FORMS
from analysis.model import Article


def article(*paragraphs: str, title: str = "Headline here") -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet="T", source="t")


def attributions(art: Article) -> tuple[Attribution, ...]:
    return find_attributions(art, SPEECH_VERB_FORMS, quotation_spans(art.text))


def speakers_by_verb(art: Article) -> dict[str, str | None]:
    return {a.verb: a.key for a in attributions(art)}


def direct_speakers(art: Article) -> dict[str, str | None]:
    spans = quotation_spans(art.text)
    quotes = extract_quotes(art, attributions(art), spans)
    return {q.span.slice(art.text): q.attribution and q.attribution.key for q in quotes if q.direct}


def named_sources(art: Article) -> list[str]:
    return [s.name for s in sources_of(art, attributions(art)) if not s.anonymous]


# --- headline fragments are never speakers -------------------------------------------
def test_title_case_after_a_headline_verb_is_not_a_speaker() -> None:
    art = article(
        "Trump said the imports would stop.",
        title="Trump Calls Hunting A 'Horror Show,' Says He's Unlikely To Allow Imports",
    )
    names = named_sources(art)
    assert not any("Unlikely" in n or "Imports" in n for n in names)
    assert "Trump" in names  # the body's own speaker is still found


def test_a_short_subject_opening_the_headline_is_its_speaker() -> None:
    art = article("The senator spoke on Friday.", title="Ted Cruz Says Rival Planted Story")
    heads = [a for a in attributions(art) if a.sentence == 0]
    assert [(a.verb, a.key) for a in heads] == [("says", "cruz")]


def test_headline_words_never_become_a_pronoun_antecedent() -> None:
    art = article(
        "The law aims to protect companies.",
        '"I support this law," the governor said.',
        title="Indiana Governor Says Legislators May Clarify Law",
    )
    keys = {a.key for a in attributions(art)}
    assert not keys & {"may", "legislators may", "clarify law"}


# --- news outlets are never speakers -------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "She said they did not meet again, according to the Post.",
        "According to The Hill, Cheney sought to clarify her position on the vote.",
        "The Times reported that he had corresponded with the campaign for months.",
        "Fox News reported that the senator would resign within the week.",
    ],
)
def test_outlet_names_are_never_sources(sentence: str) -> None:
    names = named_sources(article(sentence))
    assert not any(is_outlet(n.split()) for n in names)
    assert not {"Post", "Hill", "Times", "Fox News"} & set(names)


def test_the_listener_after_told_is_not_the_speaker() -> None:
    art = article(
        'Trump responded Tuesday, telling the Times it was "highly inappropriate for a judge."'
    )
    assert speakers_by_verb(art)["telling"] == "trump"


@pytest.mark.parametrize(
    ("words", "outlet"),
    [
        ("The Washington Post", True),
        ("Fox News", True),
        ("CNN", True),
        ("Politico", True),
        ("Michael Bloomberg", False),
        ("Interior Minister Mira Halden", False),
        ("the transport ministry", False),
    ],
)
def test_is_outlet(words: str, outlet: bool) -> None:
    assert is_outlet(words.split()) is outlet


# --- documents speak -----------------------------------------------------------------
def test_a_document_is_a_named_non_person_speaker() -> None:
    art = article('"You paid into Medicare for years," the advertisement says. It ran twice.')
    assert direct_speakers(art)['"You paid into Medicare for years,"'] == "advertisement"
    attr = attributions(art)[0]
    assert attr.kind == "named"


def test_a_document_is_not_a_pronoun_antecedent() -> None:
    art = article(
        "Mr. Ryan spoke at the college on Thursday.",
        '"We would be remiss in our duty to you," the letter says.',
        '"The budget is cruel to the poor," he said.',
    )
    assert speakers_by_verb(art)["said"] == "ryan"


def test_according_to_a_document_names_the_document_not_its_modifiers() -> None:
    art = article(
        "The agency concluded that the herd had grown, "
        "according to a notice published Friday in the Federal Register."
    )
    names = named_sources(art)
    assert "notice" in names
    assert not any("Register" in n for n in names)


# --- verbs that report speech only next to a quotation --------------------------------
def test_continued_after_a_quotation_is_an_attribution() -> None:
    art = article("\"Why can't Mitt Romney run his race and I'll run mine?\" Akin continued.")
    assert speakers_by_verb(art)["continued"] == "akin"


def test_continued_without_a_quotation_is_no_attribution() -> None:
    art = article("The brawl over Medicare continued on Tuesday in Washington.")
    assert "continued" not in speakers_by_verb(art)


def test_went_on_introducing_a_quotation_is_an_attribution() -> None:
    art = article('Mr. Trump went on: "It only energizes my base even more."')
    assert speakers_by_verb(art)["went on"] == "trump"


# --- participles after a clause take the sentence's subject ---------------------------
def test_participle_after_an_introductory_clause_takes_the_subject() -> None:
    art = article(
        "Asked whether he meant it, Mr. Santorum did not back down, saying, "
        '"I think the president has a very bad record."'
    )
    assert direct_speakers(art)['"I think the president has a very bad record."'] == "santorum"


def test_participle_after_a_comma_is_not_credited_to_the_pronoun_after_it() -> None:
    art = article(
        "President Obama endorsed Hillary Clinton on Thursday, "
        'saying she has the "courage" and the skill for the job.'
    )
    assert speakers_by_verb(art)["saying"] == "obama"


def test_a_dateline_is_not_the_subject() -> None:
    art = article(
        "DENVER — Two states filed a challenge on Thursday, saying that Colorado was at fault."
    )
    assert speakers_by_verb(art).get("saying") != "denver"


# --- names written with labels, initials and places -----------------------------------
def test_party_state_label_is_skipped() -> None:
    art = article('Sen. John Cornyn, R-TX, who heads the committee, said, "It is a blockbuster."')
    assert speakers_by_verb(art)["said"] == "cornyn"


def test_middle_initial_keeps_the_whole_name() -> None:
    art = article('"I\'m in shock," said Representative Patrick T. McHenry.')
    assert speakers_by_verb(art)["said"] == "mchenry"


def test_place_after_of_is_not_the_speaker() -> None:
    art = article("Senator Lindsey Graham of South Carolina said that he would relent.")
    assert speakers_by_verb(art)["said"] == "graham"


def test_name_suffix_is_not_the_key() -> None:
    assert surname_key("Donald Trump Jr.") == "trump"
    assert surname_key("Martin Luther King Jr") == "king"


# --- pronouns ------------------------------------------------------------------------
def test_pronoun_prefers_a_person_named_after_the_last_speaker() -> None:
    art = article(
        '"We stand by it," Elizabeth Lauten wrote on Friday.',
        '"It was a fine ceremony," President Obama said.',
        "Lauten later apologized for her post.",
        '"I judged them too quickly," she said.',
    )
    assert attributions(art)[-1].key == "lauten"


def test_pronoun_keeps_the_last_speaker_when_nobody_is_named_since() -> None:
    art = article(
        '"We stand by it," Elizabeth Lauten wrote on Friday.',
        '"It was a fine ceremony," President Obama said.',
        "The turkeys were pardoned at noon.",
        '"They were lovely birds," he said.',
    )
    assert attributions(art)[-1].key == "obama"


def test_pronoun_chain_carries_past_three_sentences() -> None:
    art = article(
        '"First," Mira Halden said.',
        '"Second," she added.',
        '"Third," she warned.',
        '"Fourth," she insisted.',
        '"Fifth," she stressed.',
    )
    assert {a.key for a in attributions(art)} == {"halden"}


def test_place_and_programme_names_are_not_pronoun_antecedents() -> None:
    art = article(
        "Cuts to Social Security in South Carolina were debated.",
        '"We are fighting proposals to cut benefits," he said.',
    )
    assert speakers_by_verb(art)["said"] not in {"security", "carolina", "social security"}


# --- crediting across a sentence break at the closing mark -----------------------------
def test_attribution_after_an_exclaimed_quotation_credits_it_and_its_continuation() -> None:
    art = article(
        "“We are not going to pay for such a stupid wall!” Mr. Calderón told CNBC. "
        "“And it is going to be completely useless.”"
    )
    found = direct_speakers(art)
    assert found["“We are not going to pay for such a stupid wall!”"] == "calderón"
    assert found["“And it is going to be completely useless.”"] == "calderón"


def test_attribution_after_a_paragraph_break_does_not_credit_the_quotation() -> None:
    art = article("“We are not going to pay for such a stupid wall!”", "Mr. Calderón told CNBC.")
    assert direct_speakers(art)["“We are not going to pay for such a stupid wall!”"] is None


# --- "called" reports speech only before a quotation ----------------------------------
def test_called_before_a_quotation_is_an_attribution() -> None:
    art = article('Republican spokesman Tim Miller called Biden "unhinged and out of touch."')
    assert speakers_by_verb(art)["called"] == "miller"


def test_called_without_a_quotation_and_the_noun_calls_are_not() -> None:
    art = article(
        "Mr. Obama called a meeting of his cabinet on Monday.",
        'Amid calls for him to drop out, Moore said, "Our nation is at a crossroads."',
    )
    verbs = speakers_by_verb(art)
    assert "called" not in verbs
    assert "calls" not in verbs
    assert verbs["said"] == "moore"


def test_he_or_she_reaches_back_to_the_last_speaker_when_nobody_is_nearer() -> None:
    narration = [f"The committee met again in room {n} of the old building." for n in range(5)]
    art = article('"We will win," Mira Halden said.', *narration, '"We must," she said.')
    assert attributions(art)[-1].key == "halden"


def test_he_or_she_does_not_reach_back_past_eight_sentences() -> None:
    narration = [f"The committee met again in room {n} of the old building." for n in range(9)]
    art = article('"We will win," Mira Halden said.', *narration, '"We must," she said.')
    assert attributions(art)[-1].key is None


def test_group_nouns_at_a_sentence_start_are_anonymous_not_named() -> None:
    art = article("Proponents say the law should protect vendors from lawsuits.")
    attr = attributions(art)[0]
    assert (attr.kind, attr.key) == ("anonymous", None)


def test_a_possessive_or_a_bare_title_is_not_a_pronoun_antecedent() -> None:
    art = article(
        "Enter Ms. Harlow, who disliked President Obama’s speech.",
        '"It was a poor speech," she said.',
    )
    assert attributions(art)[-1].key not in {"ms", "enter ms", "obama"}


def test_a_description_after_a_quotation_resolves_like_a_title() -> None:
    art = article(
        "Donald Trump responded on Tuesday in a long interview.",
        '"I think it is a disgrace to the court," the presumptive Republican nominee said.',
    )
    assert attributions(art)[-1].key == "trump"


def test_what_he_calls_before_a_quotation_is_an_attribution() -> None:
    art = article(
        "Gov. Rick Perry spoke in Iowa.",
        "He vowed to end what he calls “Obama’s war on religion” this year.",
    )
    assert speakers_by_verb(art)["calls"] == "perry"
