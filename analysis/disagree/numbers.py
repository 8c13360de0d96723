"""Numbers and quantities in text, normalised to ranges with a unit and what they count.

Found: counts ("62 people", "eleven officers"), money ("$480 million", "2.1 billion
crowns"), percentages, durations ("30 years", "48-hour"), dates ("March 20", "2019",
"Friday"), clock times and vague quantities ("dozens", "tens of thousands", "nearly
100", "a dozen", "about 3,000", "at least 12"). Hedging words widen the range: "about X"
is X ± 10 %, "nearly X" is 90 %–100 % of X, "at least X" is X and up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from analysis.disagree.nouns import STOP, counted_noun, lemma, next_words, object_of, surroundings
from analysis.disagree.periods import period_of
from analysis.disagree.values import INF, Quantity

__all__ = ["describe", "find_quantities", "lemma"]

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "tn": 1e12, "dozen": 12,
}  # fmt: skip
# Vague amounts as ranges: what a careful reader would accept for each word.
_VAGUE = {
    "hundreds of thousands": (2e5, 999_999), "tens of thousands": (2e4, 99_999),
    "thousands": (2000, 9999), "hundreds": (200, 999), "dozens": (24, 99),
    "tens of millions": (2e7, 99_999_999), "hundreds of millions": (2e8, 999_999_999),
    "scores": (40, 199), "millions": (2e6, 999_999_999), "several": (3, 9),
    "a few": (2, 5), "a handful": (2, 6), "a couple of": (2, 3), "a dozen": (10, 14),
}  # fmt: skip
# "several dozen", "a few hundred": a vague amount of a scale (36-108, 200-500).
_VAGUE_SCALES = ("dozen", "hundred", "thousand", "million", "billion")
# Modifier -> (low factor, high factor); None for high means open-ended.
_MODS: Mapping[str, tuple[float, float | None]] = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1), "some": (0.9, 1.1), "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1), "almost": (0.9, 1.0), "nearly": (0.9, 1.0),
    "close to": (0.9, 1.0), "just under": (0.9, 1.0), "more than": (1.0, None),
    "over": (1.0, None), "at least": (1.0, None), "upwards of": (1.0, None),
    "well over": (1.0, None), "just over": (1.0, 1.1), "no fewer than": (1.0, None),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0),
    "at most": (0.0, 1.0), "up to": (0.0, 1.0), "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0), "no more than": (0.0, 1.0),
}  # fmt: skip
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "crown": "crowns", "yuan": "CNY",
    "ruble": "RUB", "rouble": "RUB", "rupee": "INR", "yen": "JPY", "peso": "peso",
}  # fmt: skip
_CALENDAR = frozenset(("date", "weekday", "time", "year"))
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# "Sept. 11", "Jan. 6": abbreviated months (with their dot) are dates too.
_MONTH_ABBR = "jan feb mar apr jun jul aug sep sept oct nov dec".split()


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?:{_alt(_UNITS)})"
_QUANT = re.compile(
    rf"(?<![\w.,])(?:(?P<mod>{_alt(_MODS)})\s+)?"
    rf"(?:(?P<vague>{_alt(_VAGUE)})(?:\s+(?P<vscale>{_alt(_VAGUE_SCALES)})\b)?"
    rf"|(?:between\s+|from\s+)?(?:(?P<cur>US\$|[$£€¥])\s?)?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_alt(_SCALES)})\b)?"
    rf"(?:\s?(?:[-–]\s?to|-|–|to|and)\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_alt(_SCALES)})\b)?)?"
    rf"(?:\s?(?P<pct>%|percent\b|per cent\b))?)"
    rf"(?![\w])",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b(?P<month>{_alt(_MONTHS)}|(?:{_alt(_MONTH_ABBR)})\.)"
    rf"\s+(?P<day>\d{{1,2}})\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_alt(_MONTHS)})\b"
    rf"|\b(?P<weekday>{_alt(_WEEKDAYS)})\b"
    rf"|\b(?P<clock>\d{{1,2}})(?::(?P<minute>\d\d))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w$£€.,])(?:1[89]\d\d|20\d\d)(?![\w,%]|\.\d)")


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, described: bool = True
) -> tuple[Quantity, ...]:
    """Return the quantities in ``text[start:end]``, in order, offsets into ``text``.

    Args:
        text: The whole article text.
        start: Where the span to search starts.
        end: Where it ends (the end of the text when None).
        described: Whether to fill in the words around each (see :func:`describe`);
            callers that compare few of them describe those later.

    Returns:
        Quantities, each with a range, a unit and what it counts.
    """
    end = len(text) if end is None else end
    triggers = _triggers(text, start, end)
    found = [
        *_year_ranges(text, start, end),
        *_dates(text, end, triggers),
        *_counts(text, end, triggers),
    ]
    taken: list[Quantity] = []
    for q in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if not any(q.start < t.end and t.start < q.end for t in taken):
            taken.append(describe(text, q) if described else q)
    return tuple(taken)


def describe(text: str, q: Quantity) -> Quantity:
    """Return ``q`` with the words around it in ``text`` (context, names, what it dates)."""
    around = surroundings(text, q.start, q.end)
    return Quantity(  # not dataclasses.replace: this runs for every figure compared
        q.start, q.end, q.low, q.high, q.unit, q.counts, q.vague, q.text,
        around.context, around.names, around.near, around.act, q.implied, around.stems,
        "" if q.unit in _CALENDAR else period_of(text, q.start, q.end),
    )  # fmt: skip


_YEAR_RANGE = re.compile(
    r"\b(?:from|between)\s+((?:1[89]|20)\d\d)\s+(?:to|and|until)\s+((?:1[89]|20)\d\d)\b"
    r"|\b((?:1[89]|20)\d\d)\s?[-–]\s?((?:1[89]|20)?\d\d)\b(?![-–]\w)"
)
_NUMBER_WORDS = frozenset(
    w for key in (*_UNITS, *_VAGUE) for w in key.split() if w not in ("a", "of")
)
_DATE_WORDS = frozenset((*_MONTHS, *_WEEKDAYS, *_MONTH_ABBR))
# Where a quantity can be: a digit, a currency sign, a number, vague-amount or calendar word.
# Searched in the lower-cased text: a short case-sensitive alternation is fast.
_TRIGGER = re.compile(rf"\d+|[$£€¥]|\b(?:{_alt(_NUMBER_WORDS | _DATE_WORDS)})\b")
_TRIGGER_ANY_CASE = re.compile(_TRIGGER.pattern, re.IGNORECASE)


def _triggers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) of every trigger in ``text[start:end]``."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        return [
            (m.start(), m.end(), m[0].lower()) for m in _TRIGGER_ANY_CASE.finditer(text, start, end)
        ]
    return [(m.start(), m.end(), m[0]) for m in _TRIGGER.finditer(low, start, end)]


def _scan(
    pattern: re.Pattern[str],
    text: str,
    end: int,
    triggers: list[tuple[int, int, str]],
    words: frozenset[str],
    back: int,
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that cover a trigger (a digit, a sign or one of ``words``).

    Running a pattern with long alternations over every position of a text is slow; it
    runs only in a window around each trigger, reaching ``back`` characters before it.
    """
    done = 0
    for t_start, t_end, tok in triggers:
        if t_start < done or not (tok[0].isdigit() or tok in "$£€¥" or tok in words):
            continue
        for m in pattern.finditer(text, max(done, t_start - back), min(end, t_end + 80)):
            if m.start() > t_start:
                break
            if m.end() > t_start:
                done = m.end()
                yield m
                break


def _year_ranges(text: str, start: int, end: int) -> Iterator[Quantity]:
    for m in _YEAR_RANGE.finditer(text, start, end):
        low, high = int(m[1] or m[3]), int(m[2] or m[4])
        if high < 100:  # "1950-53": the century of the first year
            high += low - low % 100
        if high < low:
            continue
        yield Quantity(m.start(), m.end(), low, high, "year", "", False, m[0])


def _dates(text: str, end: int, triggers: list[tuple[int, int, str]]) -> Iterator[Quantity]:
    for m in _scan(_DATE, text, end, triggers, _DATE_WORDS, 0):
        s, e = m.start(), m.end()
        if m["month"] or m["month2"]:
            month = _month(m["month"] or m["month2"])
            day = int(m["day"] or m["day2"])
            if 1 <= day <= 31:
                value = month * 100 + day
                yield Quantity(s, e, value, value, "date", "", False, m[0])
        elif m["weekday"]:
            value = _WEEKDAYS.index(m["weekday"].lower()) + 1
            yield Quantity(s, e, value, value, "weekday", "", False, m[0])
        elif m["clock"]:
            hour = int(m["clock"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
            value = hour * 60 + int(m["minute"] or 0)
            yield Quantity(s, e, value, value, "time", "", False, m[0])
    for t_start, _, tok in triggers:
        if not (len(tok) == 4 and tok.isdigit()):
            continue
        year = _YEAR.match(text, t_start, end)
        if year is not None and not _in_a_name(text, year.start(), year.end(), bare=True):
            value = int(year[0])
            yield Quantity(year.start(), year.end(), value, value, "year", "", False, year[0])


def _month(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("Sept.")."""
    key = word.lower().rstrip(".")[:3]
    return [m[:3] for m in _MONTHS].index(key) + 1


def _counts(text: str, end: int, triggers: list[tuple[int, int, str]]) -> Iterator[Quantity]:
    for m in _scan(_QUANT, text, end, triggers, _NUMBER_WORDS, 30):
        if not (m["vague"] or m["num"]):
            continue
        if m["num"] and _is_year(m):
            continue
        s, e = m.start(), m.end()
        if _not_an_amount(text, s, e) or _coded(text, s, e):
            continue
        low, high, vague = _range(m)
        unit, counts, q_end = _unit_and_noun(text, m, e)
        if unit == "count" and not counts and _in_a_name(text, s, e, bare=_bare(m)):
            continue  # "Flight 370"; but "Grimm two years ago" is a duration
        e = q_end
        if m["mod"] and m["mod"].lower() == "some" and not m["num"]:
            continue
        if not counts and unit == "count" and m["vague"] and m["vague"].lower() in _CROWDS:
            # "Thousands march", "Tens of thousands defy": a crowd, but not written out
            yield Quantity(s, e, low, high, unit, "people", vague, text[s:e], implied=True)
            continue
        yield Quantity(s, e, low, high, unit, counts, vague, text[s:e])


_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_ODDS_AFTER = re.compile(
    rf"(?:-in-|\s+in\s+{_SMALL}\b|-to-|\s+out\s+of\b|:\d\d|-years?-old|\s+years?\s+old\b)",
    re.IGNORECASE,
)  # also clock times ("3:30") and ages ("23-year-old")
_ODDS_BEFORE = re.compile(rf"\b{_SMALL}(?:-in-|\s+in\s+|-to-|\s+out\s+of\s+)$", re.IGNORECASE)


def _not_an_amount(text: str, start: int, end: int) -> bool:
    """Odds ("one-in-three"), ranks ("No. 3"), ages ("Hoyer, 77,", "23-year-old"), clocks.

    Also "one of" ("one of the committees"): one member of a group, not a count of it.
    """
    after = text[end : end + 12]
    before = text[max(0, start - 12) : start]
    if text[start:end].lower() == "one" and after.startswith(" of "):
        return True
    if _ODDS_AFTER.match(after) or _ODDS_BEFORE.search(before):
        return True
    if re.search(r"\b(?:No|no|Number|number)\.?\s*$", before):
        return True
    return bool(re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r",", after))


_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*)\s$")
_NOT_NAMES = (
    STOP
    | frozenset((*_MONTHS, *_WEEKDAYS, *_MONTH_ABBR))
    | frozenset("until through during since from between by per page chapter".split())
)


def _in_a_name(text: str, start: int, end: int, *, bare: bool) -> bool:
    """Numbers that name rather than count: "9/11", "G-20", "COVID-19", "Flight 370".

    A bare number right after a capitalised word ("Apollo 11", "Vision 2030") is part of
    a name, unless the next word is capitalised too (a title-case headline: "Police Say 11
    Officers Hurt").
    """
    before = text[max(0, start - 12) : start]
    if _coded(text, start, end):
        return True
    name = _NAME_BEFORE.search(before)
    if not bare or name is None or name[1].lower() in _NOT_NAMES:
        return False
    lead = text[max(0, start - len(before) + name.start() - 3) : start - len(before) + name.start()]
    if not lead.strip() or lead.rstrip()[-1] in '.!?:;"“—':
        return False  # the first word of a sentence ("Later 200 people gathered")
    return not re.match(r"[-\s]+[A-Z]", text[end : end + 3])


def _coded(text: str, start: int, end: int) -> bool:
    """A number written into a code or a date: "9/11", "G-20", "COVID-19"."""
    before = text[max(0, start - 12) : start]
    if (before.endswith("/") and before[-2:-1].isdigit()) or re.match(r"/\d", text[end : end + 2]):
        return True
    return bool(re.search(r"\b[A-Za-z]{1,6}-$", before)) and not before.endswith(("mid-", "Mid-"))


def _bare(m: re.Match[str]) -> bool:
    """A figure in digits alone ("370"), no hedge, sign, scale or range."""
    plain = not (m["mod"] or m["cur"] or m["pct"] or m["scale"] or m["num2"])
    return bool(m["num"]) and m["num"][0].isdigit() and plain


def _is_year(m: re.Match[str]) -> bool:
    raw = m["num"]
    return bool(re.fullmatch(r"(1[89]|20)\d\d", raw)) and not (m["scale"] or m["pct"] or m["cur"])


def _number(raw: str, scale: str | None) -> float:
    key = raw.lower()
    value = float(_UNITS[key]) if key in _UNITS else float(raw.replace(",", ""))
    return value * _SCALES.get((scale or "").lower(), 1.0)


def _range(m: re.Match[str]) -> tuple[float, float, bool]:
    if m["vague"]:
        bounds = _VAGUE[m["vague"].lower()]
        times = _SCALES[m["vscale"].lower()] if m["vscale"] else 1.0
        return float(bounds[0]) * times, float(bounds[1]) * times, True
    value = _number(m["num"], m["scale"] or m["scale2"])
    low: float = value
    high: float = value
    vague = False
    if m["num2"]:
        high = _number(m["num2"], m["scale2"] or m["scale"])
        low, high, vague = min(value, high), max(value, high), True
    elif not m["mod"] and _rounded(m["num"], m["scale"]):
        # "43 million", "43,000": a writer's rounding, read as one unit of the last digit
        # either side, so "$43 million" and "$43,885,310" are compatible, not contradictory.
        step = _last_digit_unit(m["num"]) * _SCALES.get((m["scale"] or "").lower(), 1.0)
        step = min(step, value / 2)  # "100,000" is 50,000-150,000, not 0-200,000
        low, high, vague = value - step, value + step, True
    if m["mod"]:
        lo_f, hi_f = _MODS[m["mod"].lower()]
        low, high = low * lo_f, INF if hi_f is None else high * hi_f
        vague = True
    return low, high, vague


def _rounded(raw: str, scale: str | None) -> bool:
    digits = raw.replace(",", "")
    if not digits.replace(".", "").isdigit():
        return False  # a number word
    if scale and scale.lower() in ("million", "billion", "trillion", "m", "bn", "mn", "tn"):
        return True
    return "." not in digits and len(digits) >= 4 and digits.endswith("000")


def _last_digit_unit(raw: str) -> float:
    digits = raw.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped))


_CROWDS = frozenset(
    ("hundreds of thousands", "tens of thousands", "thousands", "hundreds", "dozens", "scores")
)


def _unit_and_noun(text: str, m: re.Match[str], end: int) -> tuple[str, str, int]:
    """Return the unit, the lemma of what is counted, and the end of the quantity."""
    if m["pct"]:
        return "percent", counted_noun(text, end) or object_of(text, end), end
    if m["cur"]:
        return f"money:{_CURRENCY_SIGNS[m['cur']]}", object_of(text, end), end
    words = next_words(text, end, 4)
    for i, (word, w_end) in enumerate(words):
        lem = lemma(word.lower())
        if lem in _CURRENCY_WORDS:
            return f"money:{_CURRENCY_WORDS[lem]}", "", w_end
        unit = lem.split("-")[-1] if "-" in lem else lem
        if unit in _TIME_UNITS and (i == 0 or "-" in word):
            return f"duration:{unit}", "", w_end
        if i > 2:
            break
    if _CROWD_OF.search(text[max(0, m.start() - 30) : m.start()]):
        return "count", "people", end  # "a mob of 10,000 lays siege": the mob's people
    return "count", counted_noun(text, end), end


_CROWD_OF = re.compile(
    r"\b(?:mob|crowd|group|army|caravan|rally|gathering|throng|procession)s? of\s+$",
    re.IGNORECASE,
)
