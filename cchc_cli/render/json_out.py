"""JSON from result objects: their own fields, ISO dates, stable key order.

No view writes its JSON by hand: a result's dataclass fields (and the pydantic models
inside them) are the JSON, through one :class:`pydantic.TypeAdapter` per result type.
Keys are English and stable; dates are ISO 8601; numbers use a dot.
"""

from __future__ import annotations

from typing import Any

__all__ = ["to_json", "to_jsonable"]


_ADAPTERS: dict[type, Any] = {}


def _adapter(kind: type) -> Any:
    """One :class:`pydantic.TypeAdapter` per result type, built on first use."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def to_jsonable(result: object) -> Any:
    """``result`` as plain JSON data (dicts, lists, strings, numbers)."""
    return _adapter(type(result)).dump_python(result, mode="json")


def to_json(result: object) -> str:
    """``result`` as indented JSON text, non-ASCII kept as is."""
    text: bytes = _adapter(type(result)).dump_json(result, indent=2)
    return text.decode("utf-8")
