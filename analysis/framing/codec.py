"""JSON for the frozen dataclasses of the framing, vocabulary and readability sections.

Dataclasses become objects keyed by field name, tuples become arrays, spans become
``{"start", "end"}`` (as everywhere in Slant's JSON), enums their values. Decoding walks the
field types, so every value comes back as the same frozen type it was.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from analysis.errors import ProjectError

__all__ = ["decode", "encode"]

T = TypeVar("T")


# Field names per dataclass type, looked up once: ``dataclasses.fields`` and
# ``is_dataclass`` on every value made encoding a 100-article result take seconds.
_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = frozenset((str, int, float, bool, type(None)))


def encode(value: Any) -> Any:
    """Return ``value`` (dataclasses, tuples, enums, primitives) as JSON-ready data."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELDS.get(kind)
    if names is not None:
        return {name: encode(getattr(value, name)) for name in names}
    if kind is tuple or kind is list:
        return [encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        return encode(value)
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


def decode(cls: type[T], data: Any, section: str) -> T:
    """Rebuild a value of type ``cls`` from :func:`encode` output.

    Args:
        cls: The dataclass to build.
        data: Decoded JSON.
        section: Section name for the error message.

    Raises:
        ProjectError: When the data does not fit the type.
    """
    try:
        return typing.cast(T, _decode(cls, data))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProjectError(f"The {section} section of this file is malformed ({exc}).") from exc


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        return _decode(next(a for a in args if a is not type(None)), data)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list):
            raise TypeError(f"expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        return tuple(_decode(a, item) for a, item in zip(args, data, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, Mapping):
            raise TypeError(f"expected an object for {tp.__name__}")
        hints = _hints(tp)
        values = {
            f.name: _decode(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data or f.default is dataclasses.MISSING
        }
        return tp(**values)
    return _primitive(tp, data)


def _primitive(tp: Any, data: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if tp in (int, str, bool) and type(data) is tp:
        return data
    if tp is Any:
        return data
    raise TypeError(f"expected {getattr(tp, '__name__', tp)}, got {type(data).__name__}")
