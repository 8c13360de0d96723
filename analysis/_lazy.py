"""Lazy package exports (PEP 562), so that ``import analysis`` stays cheap.

The command line and the desktop window import the package before they need numpy, the
aligner or scikit-learn; each public name is imported from its module on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return module ``__getattr__`` and ``__dir__`` that import exported names on demand.

    Args:
        namespace: The package's ``globals()``; resolved names are cached there.
        exports: Public name → module that defines it.

    Returns:
        The ``(__getattr__, __dir__)`` pair to assign at module level.
    """

    def getattr_(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *exports})

    return getattr_, dir_
