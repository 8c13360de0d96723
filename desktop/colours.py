"""Colours of outlets, passage clusters and lexicon categories, checked against the palette.

Hues come from a fixed colour-blind-friendly list (Okabe–Ito plus a few). Backgrounds drawn
behind text are blended into the palette's base colour and then checked: if the palette's
text colour would fall below :data:`MIN_CONTRAST` on them, the tint is reduced until it
passes, so the same code stays readable in light and dark mode.
"""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor, QPalette

__all__ = [
    "MIN_CONTRAST",
    "OUTLET_COLOURS",
    "blend",
    "category_colour",
    "cluster_background",
    "cluster_hue",
    "contrast_ratio",
    "outlet_colour",
    "readable_tint",
    "relative_luminance",
]

MIN_CONTRAST = 4.5  # WCAG AA for body text

OUTLET_COLOURS = (
    "#0072b2",  # blue
    "#d55e00",  # vermilion
    "#009e73",  # green
    "#cc79a7",  # purple-pink
    "#e69f00",  # orange
    "#56b4e9",  # sky
    "#7f6a00",  # olive
    "#8a2be2",  # violet
)

_CLUSTER_HUES = (
    "#4e9ee8", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#edc948",
    "#76b7b2", "#ff9da7", "#9c755f", "#a0cbe8", "#8cd17d", "#d4a6c8",
)  # fmt: skip

_CATEGORY_HUES = ("#d62728", "#9467bd", "#ff7f0e", "#17becf", "#bcbd22", "#e377c2", "#2ca02c")


def outlet_colour(index: int) -> str:
    """Return the default colour (``#rrggbb``) of the ``index``-th outlet."""
    return OUTLET_COLOURS[index % len(OUTLET_COLOURS)]


def cluster_hue(index: int) -> QColor:
    """Return the full-strength hue of the ``index``-th passage cluster."""
    return QColor(_CLUSTER_HUES[index % len(_CLUSTER_HUES)])


def category_colour(name: str, palette: QPalette) -> QColor:
    """Return a stable colour for a lexicon category, readable as a line on the base colour.

    The hue is picked from the category name's hash so it does not change between runs.
    """
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    colour = QColor(_CATEGORY_HUES[digest[0] % len(_CATEGORY_HUES)])
    base = palette.color(QPalette.ColorRole.Base)
    # an underline only needs 3:1 against the background (WCAG non-text contrast)
    for _ in range(20):  # bounded: lighter() of pure black stays black
        if contrast_ratio(colour, base) >= 3.0:
            break
        colour = colour.lighter(125) if _is_dark(base) else colour.darker(115)
    return colour


def cluster_background(index: int, palette: QPalette, strength: float = 0.35) -> QColor:
    """Return the background of a cluster's passages, readable under the palette's text."""
    return readable_tint(cluster_hue(index), palette, strength)


def readable_tint(hue: QColor, palette: QPalette, strength: float) -> QColor:
    """Blend ``hue`` into the palette's base colour, weakening it until text stays readable.

    Args:
        hue: The colour to tint with.
        palette: Supplies the base (background) and text colours.
        strength: Initial share of ``hue`` in the blend (0..1).

    Returns:
        A colour on which the palette's text colour has at least :data:`MIN_CONTRAST`.
    """
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    alpha = strength
    tint = blend(hue, base, alpha)
    while contrast_ratio(tint, text) < MIN_CONTRAST and alpha > 0.0:
        alpha = max(0.0, alpha - 0.05)
        tint = blend(hue, base, alpha)
    return tint


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """Return ``top`` painted over ``bottom`` with opacity ``alpha``."""
    a = min(1.0, max(0.0, alpha))
    return QColor(
        round(top.red() * a + bottom.red() * (1 - a)),
        round(top.green() * a + bottom.green() * (1 - a)),
        round(top.blue() * a + bottom.blue() * (1 - a)),
    )


def relative_luminance(colour: QColor) -> float:
    """Return the WCAG relative luminance of a colour (0 black .. 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """Return the WCAG contrast ratio of two colours (1..21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _is_dark(colour: QColor) -> bool:
    return relative_luminance(colour) < 0.5
