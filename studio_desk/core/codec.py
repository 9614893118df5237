"""Turning records into table rows and JSON (for history and merges), and back."""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

from studio_desk.core.generated import compiled
from studio_desk.core.models import (
    BOOL,
    CHILDREN,
    CHOICE,
    DATE,
    DECIMAL,
    INT,
    LONGTEXT,
    MEMBERS,
    MONEY,
    TEXT,
    Author,
    DonationItem,
    FollowUp,
    Record,
    fields_of,
)

R = TypeVar("R", bound=Record)

BASE_COLUMNS = ("id", "created_at", "updated_at", "replica_id", "version_id", "deleted")

# Child dataclass → (table, columns in order after record_id/position)
CHILD_TABLES: dict[type, tuple[str, tuple[str, ...]]] = {
    DonationItem: ("donation_items", ("name", "quantity", "unit", "value_fen")),
    Author: ("proposal_authors", ("name", "member_id")),
    FollowUp: ("followups", ("date", "note")),
}
MEMBER_TABLE = "record_members"


def scalar_columns(cls: type[Record]) -> list[str]:
    """Columns of the record's own table, after the base columns."""
    return [f.name for f in fields_of(cls) if f.kind not in (MEMBERS, CHILDREN)]


def encode_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == DATE:
        return value.isoformat()
    if kind == BOOL:
        return 1 if value else 0
    if kind == DECIMAL:
        return format(value, "f")
    return value


def decode_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == DATE:
        return date.fromisoformat(value)
    if kind == BOOL:
        return bool(value)
    if kind == DECIMAL:
        return Decimal(value)
    return value


_CONVERTED = (DATE, BOOL, DECIMAL)  # the kinds ``encode_value`` and ``decode_value`` change


@functools.cache
def _child_fields(cls: type) -> list[tuple[str, str | None]]:
    """(name, kind that needs converting or None) of a child's fields: every child of every record
    read or written passes here. They are every field the child's ``__init__`` takes
    (``decode_child`` fills a child without the call)."""
    fields = [(f.name, f.kind if f.kind in _CONVERTED else None) for f in fields_of(cls)]
    assert [f.name for f in dataclasses.fields(cls) if f.init] == [name for name, _ in fields], cls
    assert not hasattr(cls, "__post_init__"), cls
    return fields


@functools.cache
def _row_fields(cls: type) -> list[tuple[str, str | None]]:
    """The same for a record's own table columns after the base columns (``scalar_columns``)."""
    return [(f.name, f.kind if f.kind in _CONVERTED else None)
            for f in fields_of(cls) if f.kind not in (MEMBERS, CHILDREN)]


def encode_child(obj: Any) -> dict[str, Any]:
    values = obj.__dict__
    return {name: values[name] if kind is None else encode_value(kind, values[name])
            for name, kind in _child_fields(type(obj))}


def decode_child(cls: type, data: dict[str, Any]) -> Any:
    """A child from ``encode_child``'s values (a field left out is None), as ``cls(**values)``
    would make it."""
    return child_decoder(cls)(data)


@functools.cache
def child_decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """``decode_child`` for ``cls``, written out once (a year's import decodes thousands of
    follow-ups and items)."""
    values = []
    for name, kind in _child_fields(cls):
        if kind is None:
            values.append(f"{name!r}: data.get({name!r})")
        else:
            values.append(f"{name!r}: None if (v := data.get({name!r})) is None else decode_value({kind!r}, v)")
    source = ("def decode(data):\n    child = new(cls)\n"
              f"    child.__dict__ = {{{', '.join(values)}}}\n    return child\n")
    return compiled(source, {"new": object.__new__, "cls": cls, "decode_value": decode_value}, "decode",  # type: ignore[no-any-return]
                    "child decoder")


@functools.cache
def _row_encoding(cls: type) -> tuple[Callable[[dict[str, Any]], tuple[Any, ...]], tuple[tuple[int, str], ...]]:
    """What ``table_row`` takes of a ``cls`` record: the values of its base columns and
    ``scalar_columns`` in one go, and (position in the row, kind) of those to encode."""
    names = ["id", "created_at", "updated_at", "replica_id", "version_id", "deleted"]
    converted = []
    for name, kind in _row_fields(cls):
        if kind is not None:
            converted.append((len(names), kind))
        names.append(name)
    return operator.itemgetter(*names), tuple(converted)


def table_row(record: Record) -> list[Any]:
    """The values of the record's own table row: ``BASE_COLUMNS`` then ``scalar_columns``
    (``deleted`` as 0/1). Every save writes one, an import thousands: the values are taken
    together and only dates, flags and quantities encoded."""
    take, converted = _row_encoding(type(record))
    row = list(take(record.__dict__))
    row[5] = 1 if row[5] else 0
    for index, kind in converted:
        value = row[index]
        if value is not None:
            row[index] = encode_value(kind, value)
    return row


def child_row(child: Any, columns: tuple[str, ...]) -> list[Any]:
    """A child's values in the order of its table's ``columns`` (``CHILD_TABLES``)."""
    data = encode_child(child)
    return [data[c] for c in columns]


def to_dict(record: Record) -> dict[str, Any]:
    """The whole record (children included) as JSON-ready values."""
    out: dict[str, Any] = {name: getattr(record, name) for name in BASE_COLUMNS}
    out["deleted"] = bool(record.deleted)
    for f in fields_of(type(record)):
        value = getattr(record, f.name)
        if f.kind == MEMBERS:
            out[f.name] = list(value)
        elif f.kind == CHILDREN:
            out[f.name] = [encode_child(child) for child in value]
        else:
            out[f.name] = encode_value(f.kind, value)
    return out


class _Decoding(NamedTuple):
    names: frozenset[str]  # every field
    decoded: tuple[tuple[str, str], ...]  # (name, kind): dates, flags, quantities
    members: tuple[str, ...]
    children: tuple[tuple[str, type], ...]
    defaults: dict[str, Any]  # the fields' defaults, those made afresh for each record left out
    factories: tuple[tuple[str, Callable[[], Any]], ...]  # the defaults made afresh (an id, a list)


@functools.cache
def _decoding(cls: type) -> _Decoding:
    fields = fields_of(cls)
    declared = dataclasses.fields(cls)
    # Records are built and copied without running __init__: every field must be one it takes,
    # with a default (a record read in part, or made from some values, has every field).
    assert all(f.init for f in declared) and not hasattr(cls, "__post_init__"), cls
    assert all(f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
               for f in declared), cls
    return _Decoding(
        frozenset(f.name for f in declared),
        tuple((f.name, f.kind) for f in fields if f.kind in _CONVERTED),
        tuple(f.name for f in fields if f.kind == MEMBERS),
        tuple((f.name, f.child) for f in fields if f.kind == CHILDREN and f.child is not None),
        {f.name: f.default for f in declared if f.default is not dataclasses.MISSING},
        tuple((f.name, f.default_factory) for f in declared if f.default_factory is not dataclasses.MISSING),
    )


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """A record from ``to_dict``'s values or a table row with its children (fields not in
    ``data`` keep their defaults: a partial record; names that are no field are ignored). Every
    record read passes here: what each field needs is listed once per kind, and the record is
    filled as its ``__init__`` would fill it, without the call (records have no
    ``__post_init__``; ``copy_record`` relies on the same)."""
    how = _decoding(cls)
    if data.keys() <= how.names:
        kwargs = dict(data)
    else:
        kwargs = {name: value for name, value in data.items() if name in how.names}
    kwargs["deleted"] = bool(data.get("deleted", False))
    for name, kind in how.decoded:
        if name in data:
            value = data[name]
            kwargs[name] = None if value is None else decode_value(kind, value)
    for name in how.members:
        if name in data:
            kwargs[name] = list(data[name] or [])
    for name, child in how.children:
        if name in data:
            decode = child_decoder(child)
            kwargs[name] = [decode(item) for item in data[name] or []]
    record = object.__new__(cls)
    record.__dict__ = kwargs if len(kwargs) == len(how.names) else _with_defaults(how, kwargs)
    return record


def _with_defaults(how: _Decoding, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the defaults of the fields they leave out (made afresh where the field
    says so: a new id, an empty list)."""
    data = how.defaults.copy()
    for name, factory in how.factories:
        if name not in values:
            data[name] = factory()
    data.update(values)
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_of(record: Record) -> dict[str, Any]:
    """The user-visible content of a record (no ids, timestamps or version), for comparisons."""
    data = to_dict(record)
    for name in BASE_COLUMNS:
        if name not in ("deleted",):
            data.pop(name, None)
    return data


class _Comparison(NamedTuple):
    """How ``same_content`` compares a kind's fields (see there)."""

    as_they_are: Callable[[Any], tuple[Any, ...]]  # the fields whose equal values encode equally
    encoded: tuple[tuple[str, str], ...]  # (name, kind): quantities (1.0 and 1.00 differ as texts)
    members: tuple[str, ...]
    children: tuple[tuple[str, bool], ...]  # (name, whether equal children encode equally)


# Kinds whose values encode equally exactly when they are equal (not flags: True and 2 are both
# stored as 1; not quantities: 1.0 and 1.00 are stored as two texts).
_EQUAL_AS_THEY_ARE = (TEXT, LONGTEXT, CHOICE, INT, MONEY, DATE)


@functools.cache
def _comparison(cls: type) -> _Comparison:
    plain, encoded, members, children = [], [], [], []
    for f in fields_of(cls):
        if f.kind == MEMBERS:
            members.append(f.name)
        elif f.kind == CHILDREN:
            assert f.child is not None
            children.append((f.name, all(c.kind in _EQUAL_AS_THEY_ARE for c in fields_of(f.child))))
        elif f.kind == DECIMAL:
            encoded.append((f.name, f.kind))
        else:
            plain.append(f.name)
    getter = operator.attrgetter(*plain) if plain else (lambda record: ())
    return _Comparison(getter, tuple(encoded), tuple(members), tuple(children))


def same_content(a: Record, b: Record) -> bool:
    """``content_of(a) == content_of(b)`` without building either when they agree: an import
    compares every row with its stored record, a merge every record both copies hold. Fields
    whose equal values encode equally are compared as they are, together; a difference there is
    decided by ``content_of`` itself (a flag holding 2 is stored as 1, as True is)."""
    if type(a) is not type(b):
        return content_of(a) == content_of(b)
    if bool(a.deleted) != bool(b.deleted):
        return False
    how = _comparison(type(a))
    if how.as_they_are(a) != how.as_they_are(b):
        return content_of(a) == content_of(b)
    for name, kind in how.encoded:
        if encode_value(kind, getattr(a, name)) != encode_value(kind, getattr(b, name)):
            return False
    for name in how.members:
        if list(getattr(a, name)) != list(getattr(b, name)):
            return False
    for name, equal_as_they_are in how.children:
        x, y = getattr(a, name), getattr(b, name)
        if x is y or (equal_as_they_are and x == y):
            continue
        if equal_as_they_are or [encode_child(c) for c in x] != [encode_child(c) for c in y]:
            return False
    return True


def new_record(cls: type[R], values: dict[str, Any]) -> R:
    """``cls(**values)`` without the call (records have no ``__post_init__``): the fields not
    given get their defaults, made afresh where the field says so (a new id, an empty list). An
    import makes thousands."""
    how = _decoding(cls)
    if not values.keys() <= how.names:
        unknown = sorted(values.keys() - how.names)
        raise TypeError(f"{cls.__name__} has no field {unknown[0]!r}")
    data = _with_defaults(how, values)
    record = object.__new__(cls)
    record.__dict__ = data
    return record


def copy_record(record: R, **changes: Any) -> R:
    """``dataclasses.replace`` without running ``__init__`` again (records have no
    ``__post_init__``): a batch of thousands copies each record more than once. Values are
    shared, as with ``replace``; an unknown field name is refused the same way."""
    cls = type(record)
    if not changes.keys() <= _decoding(cls).names:
        unknown = sorted(changes.keys() - _decoding(cls).names)
        raise TypeError(f"{cls.__name__} has no field {unknown[0]!r}")
    copied = object.__new__(cls)
    values = record.__dict__.copy()
    values.update(changes)
    copied.__dict__ = values
    return copied
