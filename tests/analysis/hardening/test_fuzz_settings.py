"""Hypothesis: arbitrary JSON into the settings schema; only SettingsError may escape."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import SettingsError
from analysis.settings_schema import RULES, settings_from_json, validate_settings

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["model", "ratio", "\ud800", "x" * 5000]),
)
JSONISH = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
SECTION = st.fixed_dictionaries(
    {},
    optional={name: JSONISH for rules in RULES.values() for name in rules},
)


@FUZZ
@given(
    data=st.one_of(
        JSONISH, st.fixed_dictionaries({}, optional={"alignment": SECTION, "terms": SECTION})
    )
)
def test_settings_schema_accepts_only_valid_settings(data: Any) -> None:
    try:
        result = settings_from_json(data)
    except SettingsError as exc:
        assert exc.code.startswith("settings") and str(exc).endswith(".")
        return
    validate_settings(result)  # whatever is accepted passes the same checks again
