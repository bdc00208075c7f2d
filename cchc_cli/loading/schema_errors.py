"""Pydantic validation errors → findings that say what is wrong and how to fix it.

This is the one place where pydantic's ``loc`` tuples and error types meet the user:
an unknown field gets a "did you mean", a wrong type names what was expected and what
was found in YAML words, a missing field points at the mapping that lacks it.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cchc_cli.findings import Anchor, Finding, quote
from cchc_cli.model.base import Origin
from cchc_cli.suggest import did_you_mean

__all__ = ["findings_from_validation_error", "yaml_type_name"]

_EXPECTED = {
    "string_type": "a text string",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "date_type": "a date written YYYY-MM-DD",
    "none_required": "nothing (null)",
}

_PATTERN_HELP = {
    r"^[A-Z][A-Z0-9_]*$": "a unit code in capitals, digits and '_' (e.g. TCCB)",
    r"^[a-z][a-z0-9_]*$": "a measure id in lower-case snake_case (e.g. on_time_rate)",
    r"^(M(1[0-2]|[1-9])|Q[1-4]|H[12]|Y)$": (
        "a period of the year: M1-M12 (months), Q1-Q4 (quarters), H1, H2 (halves) or Y"
    ),
}


def yaml_type_name(value: Any) -> str:
    """What a value is, in the words of YAML rather than Python."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({_shown(value)})"
    if isinstance(value, str):
        return f"a text string ({quote(value, 40)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: Any) -> str:
    """A value from the file as a message shows it: numbers as written, text quoted and cut."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    return quote(value)


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types behind Optional/Union/Annotated."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that holds the field named by the last part of ``loc``."""
    candidates: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for candidate in candidates:
            origin = get_origin(candidate)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                field = candidate.model_fields.get(str(part))
                if field is not None:
                    following.extend(_unwrap(field.annotation))
            elif origin is list and isinstance(part, int):
                following.extend(_unwrap(get_args(candidate)[0]))
            elif origin is dict:
                following.extend(_unwrap(get_args(candidate)[1]))
        candidates = following or candidates
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _literal_options(message_ctx: dict[str, Any] | None) -> list[str]:
    expected = str((message_ctx or {}).get("expected", ""))
    return re.findall(r"'([^']*)'", expected)


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, Anchor]:
    """(code, message, anchor) for one pydantic error."""
    kind = error["type"]
    loc = [part for part in error["loc"] if isinstance(part, str | int)]
    field = str(loc[-1]) if loc else "value"
    if len(loc) >= 2 and isinstance(loc[-1], int):  # an item of a list: "periods[1]"
        field = f"{loc[-2]}[{loc[-1]}]"
    value = error.get("input")
    ctx = error.get("ctx")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = list(owner.model_fields) if owner else []
        hint = did_you_mean(field, allowed)
        if not hint and allowed:
            hint = f"; allowed here: {', '.join(allowed)}"
        return "schema-unknown-field", f"unknown field {quote(field)}{hint}", "key"
    if kind == "missing":
        return "schema-missing-field", f"missing required field {quote(field)}", "value"
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        message = f"{quote(field)} should be {expected}, not {yaml_type_name(value)}"
        if kind == "list_type" and isinstance(value, str | int | float):
            message += f"; write it as a list: [{value}]"
        if kind == "string_type" and isinstance(value, bool | int | float):
            message += "; put the value in quotes to keep it as text"
        return "schema-type", message, "value"
    if kind == "literal_error":
        options = _literal_options(ctx)
        hint = did_you_mean(str(value), options)
        return (
            "schema-value",
            f"{quote(field)} is {_shown(value)}, which is not one of: {', '.join(options)}{hint}",
            "value",
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter((ctx or {}).values()), "?")
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤"}.get(
            kind, "<"
        )
        extra = ""
        if kind == "less_than_equal" and bound == 100:
            extra = " (a percentage)"
        elif kind == "greater_than_equal" and bound == 0:
            extra = " (it cannot be negative)"
        return (
            "schema-range",
            f"{quote(field)} must be {sign} {bound:g}{extra}, got {_shown(value)}",
            "value",
        )
    if kind == "string_pattern_mismatch":
        pattern = str((ctx or {}).get("pattern", ""))
        wanted = _PATTERN_HELP.get(pattern, "an id of letters, digits and . _ : / # - (no spaces)")
        return "schema-value", f"{quote(field)} is {_shown(value)}, which is not {wanted}", "value"
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        text = error["msg"].replace("Value should", "should").replace("List should", "should")
        return "schema-value", f"{quote(field)} {text[0].lower()}{text[1:]}", "value"
    if kind == "value_error":
        text = error["msg"].removeprefix("Value error, ")
        code = "schema-date" if "date" in text and "'" in text else "schema-value"
        return code, (f"{quote(field)}: {text}" if loc else text), "value"
    return "schema-invalid", f"{quote(field)}: {error['msg']}", "value"


def findings_from_validation_error(
    exc: ValidationError, model: type[BaseModel], file: Path, prefix: Sequence[str | int] = ()
) -> Iterator[Finding]:
    """One finding per pydantic error; positions are resolved later from ``origin``."""
    for error in exc.errors(include_url=False):
        code, message, anchor = _message(error, model)
        path = tuple(part for part in error["loc"] if isinstance(part, str | int))
        yield Finding.error(code, message, Origin(file, (*prefix, *path)), anchor=anchor)
