"""The words that attribute speech: speech verbs, "according to", and their inflections.

This is grammar, not a slant lexicon: it decides *whether* a clause reports speech. Which
stance a verb takes (neutral, distancing, endorsing, emotive) comes from the terms
lexicons (:data:`analysis.terms.lexicon.ATTRIBUTION_VERB_CATEGORIES`).
"""

from __future__ import annotations

import re

__all__ = ["QUOTE_BOUND", "SPEECH_VERB_FORMS", "lemma_of", "speech_verb_at"]

# Base forms of verbs that report what someone said (regular inflection applies).
_REGULAR = (
    "accuse acknowledge add admit advise affirm agree allege announce argue ask assert assure "
    "boast brag caution cite concede conclude condemn confirm contend declare decry deny "
    "describe disclose dismiss emphasise emphasize estimate explain fume insist indicate "
    "lament maintain mention observe plead predict recall recount reiterate remark repeat reply "
    "respond retort reveal scoff sneer snap stress suggest testify threaten urge warn whine "
    "yell criticise criticize hail mock rail quip slam rant gush scream shout"
).split()
# Bases that are as often nouns ("a claim", "State Department"): only their past form counts.
_NOUNISH = (
    "answer blast charge claim comment complain demand note object pledge praise promise "
    "protest question rage report signal state tweet vow"
).split()
_DOUBLING = frozenset({"slam", "snap", "quip", "admit"})
# Irregular and phrasal forms: surface form -> base form.
_IRREGULAR = {
    **dict.fromkeys(("say", "says", "said", "saying"), "say"),
    **dict.fromkeys(("tell", "tells", "told", "telling"), "tell"),
    **dict.fromkeys(("write", "writes", "wrote", "writing"), "write"),
    **dict.fromkeys(("continue", "continues", "continued", "continuing"), "continue"),
    **dict.fromkeys(("went on", "goes on", "going on"), "go on"),
    **dict.fromkeys(("calls", "called", "calling"), "call"),
    **dict.fromkeys(("speaks", "spoke", "speaking"), "speak"),
    **dict.fromkeys(("hit back", "hits back"), "hit back"),
    **dict.fromkeys(("fire back", "fired back", "fires back"), "fire back"),
    **dict.fromkeys(("lash out", "lashed out", "lashes out"), "lash out"),
    **dict.fromkeys(("point out", "pointed out", "points out"), "point out"),
}


#: Bases that report speech only next to a quotation ('"…," Akin continued', 'He went on:
#: "…"', 'what he called "Obama's war on religion"'); elsewhere "the brawl continued" or
#: "she called a meeting" is no attribution.
QUOTE_BOUND = frozenset({"continue", "go on", "call"})


def _regular_forms(base: str) -> dict[str, str]:
    """Base, third person, past and participle of a regular verb."""
    stem = base[:-1] if base.endswith("e") else base
    if base in _DOUBLING:
        stem = base + base[-1]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        third, past = base[:-1] + "ies", base[:-1] + "ied"
    else:
        third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
        past = stem + "ed"
    return {base: base, third: base, past: base, stem + "ing": base}


def _all_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in _REGULAR:
        forms.update(_regular_forms(base))
    for base in _NOUNISH:
        past = next(f for f, b in _regular_forms(base).items() if f.endswith("ed") and b == base)
        forms[past] = base
    forms.update(_IRREGULAR)
    return forms


#: Every surface form (lower case, possibly two words) mapped to its base form.
SPEECH_VERB_FORMS: dict[str, str] = _all_forms()
_PHRASAL = sorted((f for f in SPEECH_VERB_FORMS if " " in f), key=len, reverse=True)
_VERB_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(f) for f in _PHRASAL) + r"|[a-z]+)\b", re.IGNORECASE
)


def lemma_of(form: str) -> str | None:
    """Return the base form of a speech-verb form ("claimed" → "claim"), or None."""
    return SPEECH_VERB_FORMS.get(" ".join(form.lower().split()))


def speech_verb_at(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return the speech verbs in ``text[start:end]`` as ``(start, end, base form)``.

    Args:
        text: The article text.
        start: Window start.
        end: Window end.
    """
    found: list[tuple[int, int, str]] = []
    for match in _VERB_RE.finditer(text, start, end):
        base = SPEECH_VERB_FORMS.get(match.group().lower())
        if base is not None:
            found.append((match.start(), match.end(), base))
    return found
