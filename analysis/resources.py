"""The one place that finds Slant's shipped data files.

``resources`` is a package, so :func:`importlib.resources.files` resolves it the same way
from a checkout, an editable install and an installed wheel.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["resource", "resource_root"]


def resource_root() -> Traversable:
    """Return the root of the shipped ``resources`` folder."""
    return files("resources")


def resource(*parts: str) -> Traversable:
    """Return a shipped resource by its path parts, e.g. ``resource("samples", "x.txt")``.

    Args:
        *parts: Path components below ``resources/``.

    Returns:
        A traversable that may or may not exist; check with ``.is_file()``.
    """
    node = resource_root()
    for part in parts:
        node = node.joinpath(part)
    return node
