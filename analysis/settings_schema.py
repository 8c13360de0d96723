"""The one validated schema of the comparison settings: each field's type and range.

The Settings dialog takes its spin-box ranges from here, project and result files are read
through :func:`settings_from_json`, the app's saved preferences through
:func:`alignment_from_json`, and :func:`analysis.compare` checks its settings with
:func:`validate_settings` before any work starts. A value of the wrong type or out of range
(a unit size of 0 would make the aligner loop for ever) is refused with one sentence naming
the setting, never coerced and never passed on.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analysis.align.settings import AlignmentSettings
from analysis.errors import SettingsError
from analysis.settings import CompareSettings
from analysis.terms.settings import TermSettings

__all__ = [
    "RULES",
    "Rule",
    "alignment_from_json",
    "check_value",
    "settings_from_json",
    "validate_settings",
]

_MAX_TEXT = 4096  # longest text setting (a folder path) accepted
_MAX_ITEMS = 1000  # most category names in a list


@dataclass(frozen=True, slots=True)
class Rule:
    """What one setting may hold.

    Attributes:
        kind: ``int``, ``float``, ``bool``, ``str``, ``path`` (text or None) or ``names``
            (a list of short texts).
        low: Least value (numbers only).
        high: Greatest value (numbers only).
        choices: The only values a ``str`` setting may take, when not empty.
    """

    kind: str
    low: float = 0.0
    high: float = 0.0
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        """The rule in words: 'a whole number from 20 to 1,000,000'."""
        if self.kind == "int":
            return f"a whole number from {self.low:,.0f} to {self.high:,.0f}"
        if self.kind == "float":
            return f"a number from {self.low:g} to {self.high:g}"
        if self.kind == "bool":
            return "true or false"
        if self.choices:
            return "one of " + ", ".join(f"'{c}'" for c in self.choices)
        if self.kind == "names":
            return f"a list of at most {_MAX_ITEMS} names"
        return f"a text of at most {_MAX_TEXT} characters" + (
            " or nothing" if self.kind == "path" else ""
        )


#: Every setting's rule, keyed by section (``alignment``, ``terms``) and field name.
RULES: dict[str, dict[str, Rule]] = {
    "alignment": {
        "scorer": Rule("str", choices=("model", "ratio")),
        "min_probability": Rule("float", 0.0, 1.0),
        "min_score": Rule("float", 0.0, 100.0),
        "edited_min_similarity": Rule("float", 0.0, 100.0),
        "contained_min_cover": Rule("float", 0.0, 1.0),
        "contained_min_words": Rule("int", 1, 1000),
        "complete_up_to": Rule("int", 2, 10_000),
        "max_candidates": Rule("int", 1, 1000),
        "min_candidate_cosine": Rule("float", 0.0, 1.0),
        "max_unit_chars": Rule("int", 20, 1_000_000),
        "max_total_chars": Rule("int", 1000, 100_000_000),
        "common_source_share": Rule("float", 0.0, 1.0),
        "lead_sentences": Rule("int", 0, 100),
        "fact_min_probability": Rule("float", 0.0, 1.0),
        "fact_candidates": Rule("int", 1, 1000),
        "fact_min_cosine": Rule("float", 0.0, 1.0),
        "fact_max_links": Rule("int", 1, 100),
        "fact_context_up_to": Rule("int", 0, 10_000),
        "fact_paraphrase_share": Rule("float", 0.0, 1.0),
        "event_gate_max_articles": Rule("int", 0, 100_000),
        "event_gate_min_score": Rule("float", 0.0, 100.0),
        "event_gate_merge_share": Rule("float", 0.0, 10.0),
    },
    "terms": {
        "disabled_categories": Rule("names"),
        "user_lexicon_dir": Rule("path"),
        "use_user_lexicons": Rule("bool"),
        "kwic_width": Rule("int", 10, 1000),
    },
}
_SECTIONS: dict[str, type[Any]] = {"alignment": AlignmentSettings, "terms": TermSettings}


def check_value(section: str, name: str, value: Any) -> Any:
    """Return ``value`` in its settings form (lists become tuples), or refuse it.

    Raises:
        SettingsError: When the value has the wrong type or lies outside the range.
    """
    rule = RULES[section][name]
    ok, clean = _fits(rule, value)
    if not ok:
        shown = _show(value)
        label = name.replace("_", " ")
        raise SettingsError(
            f"The setting '{label}' must be {rule.describe()}, not {shown}.",
            code=f"settings.{section}.{name}",
        )
    return clean


def _show(value: Any) -> str:
    """A short, printable form of a refused value (never the whole of a huge one)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**18:
        return "a number that large"  # repr() of a 5,000-digit int raises
    text = repr(value)
    return text if len(text) <= 40 and text.isprintable() else f"that {type(value).__name__}"


def _fits(rule: Rule, value: Any) -> tuple[bool, Any]:
    if rule.kind == "bool":
        return isinstance(value, bool), value
    if rule.kind in ("int", "float"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False, value
        if rule.kind == "int" and not isinstance(value, int):
            return False, value
        # a 5,000-digit int would overflow float(); it is out of range anyway
        if isinstance(value, int) and abs(value) > 10**18:
            return False, value
        ok = math.isfinite(value) and rule.low <= value <= rule.high
        return ok, float(value) if rule.kind == "float" else value
    if rule.kind == "names":
        if not isinstance(value, list | tuple) or len(value) > _MAX_ITEMS:
            return False, value
        return all(_short_text(v) for v in value), tuple(value)
    if rule.kind == "path" and value is None:
        return True, None
    ok = _short_text(value) and (not rule.choices or value in rule.choices)
    return ok, value


def _short_text(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return False
    try:
        value.encode("utf-8")  # a lone surrogate cannot be saved or shown
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def _section_from_json(section: str, data: Any) -> Any:
    cls = _SECTIONS[section]
    if data is None:
        return cls()
    if not isinstance(data, Mapping):
        raise SettingsError(
            f"The {section} settings must be a table of names and values.",
            code=f"settings.{section}",
        )
    rules = RULES[section]
    values = {k: check_value(section, k, v) for k, v in data.items() if k in rules}
    return dataclasses.replace(cls(), **values)


def alignment_from_json(data: Any) -> AlignmentSettings:
    """Read alignment settings; unknown keys are ignored, missing ones take defaults.

    Raises:
        SettingsError: When a known key has the wrong type or range.
    """
    result: AlignmentSettings = _section_from_json("alignment", data)
    return result


def settings_from_json(data: Any) -> CompareSettings:
    """Read comparison settings; unknown keys are ignored, missing ones take defaults.

    Raises:
        SettingsError: When the data is not a table, or a value has the wrong type or range.
    """
    if not isinstance(data, Mapping):
        raise SettingsError("The settings must be a table of names and values.")
    return CompareSettings(
        alignment=_section_from_json("alignment", data.get("alignment")),
        terms=_section_from_json("terms", data.get("terms")),
    )


def validate_settings(settings: CompareSettings) -> None:
    """Check every value of ``settings`` against :data:`RULES`.

    Raises:
        SettingsError: For the first value of the wrong type or out of range.
    """
    for section in RULES:
        part = getattr(settings, section)
        for name in RULES[section]:
            check_value(section, name, getattr(part, name))
