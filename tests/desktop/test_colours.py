from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.colours import (
    MIN_CONTRAST,
    category_colour,
    cluster_background,
    cluster_hue,
    contrast_ratio,
    readable_tint,
)


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    return palette


DARK = _palette("#1e1e1e", "#e6e6e6")
LIGHT = _palette("#ffffff", "#000000")


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [DARK, LIGHT], ids=["dark", "light"])
@pytest.mark.parametrize("strength", [0.18, 0.38, 0.75, 1.0])
def test_cluster_backgrounds_keep_text_readable(palette: QPalette, strength: float) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    for index in range(24):
        background = cluster_background(index, palette, strength)
        assert contrast_ratio(text, background) >= MIN_CONTRAST, index


def test_dark_mode_tint_is_dark_not_a_light_pastel() -> None:
    tint = readable_tint(cluster_hue(0), DARK, 0.38)
    assert tint.lightness() < 128


def test_full_strength_hue_is_weakened_until_readable() -> None:
    hue = QColor("#f0f0f0")  # a near-white tint would hide light text in dark mode
    tint = readable_tint(hue, DARK, 1.0)
    assert contrast_ratio(DARK.color(QPalette.ColorRole.Text), tint) >= MIN_CONTRAST
    assert tint != hue


@pytest.mark.parametrize("palette", [DARK, LIGHT], ids=["dark", "light"])
def test_category_underlines_stand_out_from_the_background(palette: QPalette) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    for name in ("labels", "emotive", "hedges", "moral", "conflict_metaphor", "x", "y"):
        assert contrast_ratio(category_colour(name, palette), base) >= 3.0


def test_category_colour_is_stable() -> None:
    assert category_colour("labels", LIGHT) == category_colour("labels", LIGHT)
