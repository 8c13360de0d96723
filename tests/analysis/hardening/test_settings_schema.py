"""Issue 12, item 1: one validated settings schema (types and ranges) everywhere."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.align.settings import AlignmentSettings
from analysis.align.units import build_units
from analysis.errors import SettingsError
from analysis.model import Article
from analysis.pipeline import compare
from analysis.settings import CompareSettings
from analysis.settings_schema import (
    RULES,
    alignment_from_json,
    settings_from_json,
    validate_settings,
)


def _pair() -> tuple[Article, Article]:
    return (
        Article.from_parts(title="A", paragraphs=["One two three."], outlet="A", source="a"),
        Article.from_parts(title="B", paragraphs=["Four five six."], outlet="B", source="b"),
    )


@pytest.mark.parametrize("size", [0, -1, -10_000])
def test_unit_size_of_zero_or_below_is_refused_in_one_sentence(size: int) -> None:
    with pytest.raises(SettingsError) as info:
        settings_from_json({"alignment": {"max_unit_chars": size}})
    message = str(info.value)
    assert "max unit chars" in message and "20 to 1,000,000" in message
    assert message.count(".") == 1 and "\n" not in message


def test_compare_refuses_a_unit_size_of_zero_instead_of_looping() -> None:
    bad = CompareSettings(alignment=AlignmentSettings(max_unit_chars=0))
    with pytest.raises(SettingsError):
        compare(_pair(), bad)


def test_chunking_advances_even_when_called_with_a_zero_unit_size() -> None:
    article = Article.from_parts(title="T", paragraphs=["word " * 50], outlet="A", source="a")
    units = build_units([article], 0)  # the loop used to never advance here
    assert len(units) > 1


@pytest.mark.parametrize(
    ("section", "name", "value"),
    [
        ("alignment", "min_probability", 1.5),
        ("alignment", "min_probability", float("nan")),
        ("alignment", "min_score", float("inf")),
        ("alignment", "max_candidates", "8"),
        ("alignment", "max_candidates", 8.5),
        ("alignment", "max_candidates", True),
        ("alignment", "max_total_chars", 10**5000),
        ("alignment", "scorer", "magic"),
        ("alignment", "scorer", None),
        ("terms", "kwic_width", 0),
        ("terms", "use_user_lexicons", "yes"),
        ("terms", "disabled_categories", "hedges"),
        ("terms", "disabled_categories", [1, 2]),
        ("terms", "user_lexicon_dir", 42),
        ("terms", "user_lexicon_dir", "bad\ud800"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else type(v).__name__,
)
def test_wrong_types_and_ranges_are_refused(section: str, name: str, value: object) -> None:
    with pytest.raises(SettingsError) as info:
        settings_from_json({section: {name: value}})
    assert name.replace("_", " ") in str(info.value)
    assert info.value.code == f"settings.{section}.{name}"


def test_good_values_round_trip_and_unknown_keys_are_ignored() -> None:
    data = {
        "alignment": {"max_unit_chars": 400, "min_probability": 1, "future_key": 3},
        "terms": {"disabled_categories": ["hedges"], "user_lexicon_dir": None},
    }
    settings = settings_from_json(data)
    assert settings.alignment.max_unit_chars == 400
    assert settings.alignment.min_probability == 1.0
    assert settings.terms.disabled_categories == ("hedges",)
    validate_settings(settings)


def test_a_section_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(SettingsError):
        settings_from_json({"alignment": [1, 2]})
    with pytest.raises(SettingsError):
        alignment_from_json("max_unit_chars=0")


def test_every_setting_has_a_rule_and_every_default_passes_it() -> None:
    for section, rules in RULES.items():
        part = getattr(CompareSettings(), section)
        assert set(rules) == {f.name for f in dataclasses.fields(part)}
    validate_settings(CompareSettings())
