"""Records to plain JSON data and back, driven by their type hints (for the store and the outputs)."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(value: Any) -> Any:
    """A record (or anything inside one) as JSON-ready data; None fields are left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is not None and item != ():
                out[f.name] = to_data(item)
        return out
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    return value


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a record of type `cls` from to_data() output."""
    return _convert(cls, data)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(kind: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _convert(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        inner = typing.get_args(kind)[0]
        return tuple(_convert(inner, v) for v in data)
    if origin is list:
        inner = typing.get_args(kind)[0]
        return [_convert(inner, v) for v in data]
    if origin is dict:
        _, inner = typing.get_args(kind)
        return {k: _convert(inner, v) for k, v in data.items()}
    if kind is date:
        return date.fromisoformat(data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = [f for f in dataclasses.fields(kind) if f.init]
        values = {f.name: _convert(hints[f.name], data[f.name]) for f in fields if f.name in data}
        # to_data leaves out None values; a field with no default gets its None back.
        for f in fields:
            if f.name not in values and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                values[f.name] = None
        return kind(**values)
    return data
