"""Turning domain dataclasses into table rows and back.

Enums are stored by their code, dates as ISO text, booleans as 0/1, dicts as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from typing import Any, TypeVar

from fieldapp.domain.models import LabelledEnum

T = TypeVar("T")


def to_row(record: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The columns of a dataclass record, in table form."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in exclude:
            continue
        value = getattr(record, f.name)
        if isinstance(value, LabelledEnum):
            value = value.code
        elif isinstance(value, bool):
            value = int(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, tuple):
            continue  # link tables, stored apart
        row[f.name] = value
    return row


_hints_cache: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _hints_cache:
        _hints_cache[cls] = typing.get_type_hints(cls)
    return _hints_cache[cls]


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Build a dataclass of type ``cls`` from a row; columns it does not know are ignored."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in row:
            continue
        value = row[f.name]
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        base = args[0] if args and typing.get_origin(hint) in (typing.Union, _UnionType) else hint
        if value is None:
            kwargs[f.name] = None
        elif isinstance(base, type) and issubclass(base, LabelledEnum):
            kwargs[f.name] = base.from_code(value)
        elif base is bool:
            kwargs[f.name] = bool(value)
        elif base is dt.date:
            kwargs[f.name] = dt.date.fromisoformat(value)
        elif typing.get_origin(base) is dict or base is dict:
            kwargs[f.name] = json.loads(value) if isinstance(value, str) else value
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


_UnionType = type(int | None)
