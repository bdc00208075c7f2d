"""Pydantic validation errors → findings that say what is wrong and how to fix it.

This is the one place where pydantic's ``loc`` tuples and error types meet the user:
an unknown field gets a "did you mean", a wrong type names what was expected and what
was found in YAML words, a missing field points at the mapping that lacks it.

pydantic's own texts are English and technical: every common error type gets a sentence
of ours, in the language in use; a rare one falls back to a generic sentence with the
field's path (and pydantic's text as the detail).
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cchc_cli.dates import DateProblem
from cchc_cli.findings import Anchor, Finding, quote
from cchc_cli.i18n import N_, _, ngettext
from cchc_cli.model.base import Origin
from cchc_cli.suggest import did_you_mean

__all__ = ["findings_from_validation_error", "yaml_type_name"]

_EXPECTED = {
    "string_type": N_("a text string"),
    "int_type": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list"),
    "tuple_type": N_("a list"),
    "dict_type": N_("a mapping (key: value lines)"),
    "model_type": N_("a mapping (key: value lines)"),
    "model_attributes_type": N_("a mapping (key: value lines)"),
    "date_type": N_("a date written YYYY-MM-DD"),
    "none_required": N_("nothing (null)"),
}

_PATTERN_HELP = {
    r"^[A-Z][A-Z0-9_]*$": N_("a unit code in capitals, digits and '_' (e.g. TCCB)"),
    r"^[a-z][a-z0-9_]*$": N_("a measure id in lower-case snake_case (e.g. on_time_rate)"),
    r"^[a-z][a-z0-9-]*$": N_("a finding code in lower case with '-' (e.g. conflicting-targets)"),
    r"^(M(1[0-2]|[1-9])|Q[1-4]|H[12]|Y)$": N_(
        "a period of the year: M1-M12 (months), Q1-Q4 (quarters), H1, H2 (halves) or Y"
    ),
}
_ID_HELP = N_("an id of letters, digits and . _ : / # - (no spaces)")


def yaml_type_name(value: Any) -> str:
    """What a value is, in the words of YAML rather than Python."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return _("a boolean ({value})").format(value=str(value).lower())
    if isinstance(value, int | float):
        return _("a number ({value})").format(value=_shown(value))
    if isinstance(value, str):
        return _("a text string ({value})").format(value=quote(value, 40))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
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


def _length(kind: str, field: str, ctx: dict[str, Any], value: Any) -> str:
    """Too few or too many items (a list) or characters (a text)."""
    actual = len(value) if isinstance(value, str | list | dict) else ctx.get("actual_length", 0)
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return _("{field} must not be empty").format(field=field)
    if kind == "too_short" and ctx.get("min_length") == 1:
        return _("{field} needs at least one item").format(field=field)
    if kind == "string_too_short":
        count = int(ctx.get("min_length", 0))
        text = ngettext(
            "{field} must be at least {count} character long, not {actual}",
            "{field} must be at least {count} characters long, not {actual}",
            count,
        )
    elif kind == "string_too_long":
        count = int(ctx.get("max_length", 0))
        text = ngettext(
            "{field} must be at most {count} character long, not {actual}",
            "{field} must be at most {count} characters long, not {actual}",
            count,
        )
    elif kind == "too_short":
        count = int(ctx.get("min_length", 0))
        text = ngettext(
            "{field} needs at least {count} item, not {actual}",
            "{field} needs at least {count} items, not {actual}",
            count,
        )
    else:
        count = int(ctx.get("max_length", 0))
        text = ngettext(
            "{field} takes at most {count} item, not {actual}",
            "{field} takes at most {count} items, not {actual}",
            count,
        )
    return text.format(field=field, count=count, actual=actual)


def _range(kind: str, field: str, ctx: dict[str, Any], value: Any) -> str:
    bound = next(iter(ctx.values()), "?")
    sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤"}.get(kind, "<")
    shown = f"{bound:g}" if isinstance(bound, int | float) else str(bound)
    if kind == "less_than_equal" and bound == 100:
        text = _("{field} must be {sign} {bound} (a percentage), got {value}")
    elif kind == "greater_than_equal" and bound == 0:
        text = _("{field} must be {sign} {bound} (it cannot be negative), got {value}")
    else:
        text = _("{field} must be {sign} {bound}, got {value}")
    return text.format(field=field, sign=sign, bound=shown, value=_shown(value))


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, Anchor]:
    """(code, message, anchor) for one pydantic error."""
    kind = error["type"]
    loc = [part for part in error["loc"] if isinstance(part, str | int)]
    field = str(loc[-1]) if loc else "value"
    if len(loc) >= 2 and isinstance(loc[-1], int):  # an item of a list: "periods[1]"
        field = f"{loc[-2]}[{loc[-1]}]"
    named = quote(field)
    value = error.get("input")
    ctx = dict(error.get("ctx") or {})
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = list(owner.model_fields) if owner else []
        hint = did_you_mean(field, allowed)
        if not hint and allowed:
            return (
                "schema-unknown-field",
                _("unknown field {field}; allowed here: {fields}").format(
                    field=named, fields=", ".join(allowed)
                ),
                "key",
            )
        return (
            "schema-unknown-field",
            _("unknown field {field}{hint}").format(field=named, hint=hint),
            "key",
        )
    if kind == "missing":
        return (
            "schema-missing-field",
            _("missing required field {field}").format(field=named),
            "value",
        )
    if kind in _EXPECTED:
        expected = _(_EXPECTED[kind])
        found = yaml_type_name(value)
        if kind == "list_type" and isinstance(value, str | int | float):
            text = _("{field} should be {expected}, not {found}; write it as a list: [{value}]")
        elif kind == "string_type" and isinstance(value, bool | int | float):
            text = _(
                "{field} should be {expected}, not {found}; put the value in quotes to keep "
                "it as text"
            )
        elif field == "accepted" and kind == "dict_type":
            text = _(
                "{field} should be {expected}, not {found}; write one line per warning: "
                'its code, a colon and the reason (conflicting-targets: "why")'
            )
        else:
            text = _("{field} should be {expected}, not {found}")
        message = text.format(field=named, expected=expected, found=found, value=value)
        return "schema-type", message, "value"
    if kind in ("literal_error", "enum"):
        options = _literal_options(ctx)
        hint = did_you_mean(str(value), options)
        return (
            "schema-value",
            _("{field} is {value}, which is not one of: {options}{hint}").format(
                field=named, value=_shown(value), options=", ".join(options), hint=hint
            ),
            "value",
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return "schema-range", _range(kind, named, ctx, value), "value"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        wanted = _(_PATTERN_HELP.get(pattern, _ID_HELP))
        return (
            "schema-value",
            _("{field} is {value}, which is not {wanted}").format(
                field=named, value=_shown(value), wanted=wanted
            ),
            "value",
        )
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        return "schema-value", _length(kind, named, ctx, value), "value"
    if kind == "value_error":
        text = str(error["msg"]).removeprefix("Value error, ")
        problem = (ctx or {}).get("error")
        if isinstance(problem, DateProblem):
            return problem.code, _("{field}: {problem}").format(field=named, problem=text), "value"
        # Our models' validators speak the language in use already.
        message = _("{field}: {problem}").format(field=named, problem=text) if loc else text
        return "schema-value", message, "value"
    path = ".".join(str(part) for part in loc) or "value"
    return (
        "schema-invalid",
        _("the value of {field} (at {path}) is not valid here: {detail}").format(
            field=named, path=path, detail=error["msg"]
        ),
        "value",
    )


def findings_from_validation_error(
    exc: ValidationError, model: type[BaseModel], file: Path, prefix: Sequence[str | int] = ()
) -> Iterator[Finding]:
    """One finding per pydantic error; positions are resolved later from ``origin``."""
    for error in exc.errors(include_url=False):
        code, message, anchor = _message(error, model)
        path = tuple(part for part in error["loc"] if isinstance(part, str | int))
        yield Finding.error(code, message, Origin(file, (*prefix, *path)), anchor=anchor)
