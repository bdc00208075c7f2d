"""The filter grammar of custom measures: our own tokenizer and parser, then SQL.

A plan may declare a ratio measure as two filters over dossiers, ``good`` and
``total``. Plans arrive from people we do not control, so a filter is never evaluated
as Python nor pasted into SQL: it is tokenized and parsed here into a small tree, every
name is checked against the canonical dossier fields, and the tree is compiled into SQL
(:mod:`filter_sql`) in which field names come from our own whitelist and every value is
a ``?`` parameter.

Grammar (keywords are case-insensitive)::

    filter     := or_expr
    or_expr    := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | atom
    atom       := "(" or_expr ")"
                | FIELD ("=" | "!=" | "<" | "<=" | ">" | ">=") (VALUE | FIELD)
                | FIELD ["not"] "in" "(" VALUE ("," VALUE)* ")"
                | FIELD "is" ["not"] "empty"
                | FIELD                      -- a true/false field on its own
    VALUE      := 'text' | "text" | NUMBER | true | false

A comparison that involves an empty field is false (two-valued logic, no SQL NULLs), so
``not (rating >= 4)`` holds for ratings 1-3 *and* for unrated dossiers; write
``rating < 4`` for the rated ones only. Dates are written as text, ``'2024-06-30'``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cchc_cli.i18n import _
from cchc_cli.measure.fields import CHANNELS, DOSSIER_FIELDS, UNFILTERABLE_FIELDS, FieldType
from cchc_cli.suggest import did_you_mean

__all__ = [
    "Compare",
    "FilterError",
    "InList",
    "IsEmpty",
    "Logical",
    "Node",
    "Truth",
    "parse_filter",
]

Op = Literal["=", "!=", "<", "<=", ">", ">="]
_ORDERED: frozenset[FieldType] = frozenset({"date", "rating", "text"})
_KEYWORDS = frozenset({"and", "or", "not", "in", "is", "empty", "true", "false"})
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<string>'(?:[^']|'')*'|"(?:[^"]|"")*")
      | (?P<op><=|>=|!=|<>|=|<|>)
      | (?P<punct>[(),])""",
    re.VERBOSE,
)


class FilterError(ValueError):
    """A filter that cannot be used, and where (0-based character offset)."""

    def __init__(self, message: str, position: int, text: str) -> None:
        self.reason = message
        self.position = position
        self.text = text
        super().__init__(
            _("{message} at character {position} of the filter: {excerpt}").format(
                message=message, position=position + 1, excerpt=self.excerpt
            )
        )

    @property
    def excerpt(self) -> str:
        before = self.text[max(0, self.position - 40) : self.position]
        after = self.text[self.position : self.position + 40]
        return (
            ("…" if self.position > 40 else "")
            + before
            + _("⟨here⟩")
            + after
            + ("…" if len(self.text) > self.position + 40 else "")
        ).strip()


@dataclass(frozen=True, slots=True)
class Token:
    kind: Literal["number", "name", "string", "op", "punct", "end"]
    text: str
    position: int

    @property
    def keyword(self) -> str | None:
        lowered = self.text.lower()
        return lowered if self.kind == "name" and lowered in _KEYWORDS else None


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            char = text[position]
            if char in "'\"":
                raise FilterError(
                    _(
                        "the text opened by {char} here is never closed; close it with {char}"
                    ).format(char=char),
                    position,
                    text,
                )
            said = (
                _("unexpected character {char}; functions, ';' and SQL are not part of a filter")
                if char in ";`[]{}*"
                else _("unexpected character {char}")
            )
            raise FilterError(said.format(char=repr(char)), position, text)
        kind = match.lastgroup or "space"
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))  # type: ignore[arg-type]
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# --- the tree -------------------------------------------------------------------------

Scalar = str | int | float | bool | date


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    position: int


@dataclass(frozen=True, slots=True)
class Value:
    value: Scalar
    position: int


@dataclass(frozen=True, slots=True)
class Compare:
    field: Field
    op: Op
    other: Field | Value


@dataclass(frozen=True, slots=True)
class InList:
    field: Field
    values: tuple[Value, ...]
    negated: bool


@dataclass(frozen=True, slots=True)
class IsEmpty:
    field: Field
    negated: bool


@dataclass(frozen=True, slots=True)
class Truth:
    field: Field


@dataclass(frozen=True, slots=True)
class Logical:
    op: Literal["and", "or", "not"]
    parts: tuple[Node, ...]


Node = Compare | InList | IsEmpty | Truth | Logical


MAX_DEPTH = 32
"""How deeply parentheses and ``not`` may nest: a real filter needs three or four levels,
and a parser that recurses without a bound is stopped by Python's own limit instead."""


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    def deeper(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(
                _(
                    "parentheses and 'not' nest more than {depth} levels deep; "
                    "write the condition more simply"
                ).format(depth=MAX_DEPTH),
                token,
            )

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def error(self, message: str, token: Token | None = None) -> FilterError:
        return FilterError(message, (token or self.token).position, self.text)

    def at_end(self) -> bool:
        return self.token.kind == "end"

    def advance(self) -> Token:
        token = self.token
        self.index += 1
        return token

    def accept(self, *words: str) -> Token | None:
        token = self.token
        if token.keyword in words or (token.kind in ("op", "punct") and token.text in words):
            return self.advance()
        return None

    def expect(self, word: str, what: str) -> Token:
        token = self.accept(word)
        if token is None:
            raise self.error(
                _("expected {what}, found {found}").format(what=what, found=self._found())
            )
        return token

    def _found(self) -> str:
        return _("the end of the filter") if self.token.kind == "end" else repr(self.token.text)

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise self.error(
                _("the filter is empty; write a condition such as: {example}").format(
                    example="channel = 'online_full'"
                )
            )
        node = self.or_expr()
        if not self.at_end():
            raise self.error(
                _("unexpected {found}; join conditions with 'and' or 'or'").format(
                    found=self._found()
                )
            )
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.accept("or"):
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Logical("or", tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while self.accept("and"):
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else Logical("and", tuple(parts))

    def not_expr(self) -> Node:
        token = self.accept("not")
        if token is not None:
            self.deeper(token)
            node = Logical("not", (self.not_expr(),))
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        token = self.accept("(")
        if token is not None:
            self.deeper(token)
            node = self.or_expr()
            self.expect(")", _("')' to close the parenthesis"))
            self.depth -= 1
            return node
        field = self.field()
        kind = DOSSIER_FIELDS[field.name]
        if self.token.kind == "op":
            op_token = self.advance()
            op: Op = "!=" if op_token.text == "<>" else op_token.text  # type: ignore[assignment]
            if op not in ("=", "!=") and kind not in _ORDERED:
                raise self.error(
                    _("'{field}' can only be compared with = or !=").format(field=field.name),
                    op_token,
                )
            return Compare(field, op, self.operand(field))
        if self.accept("is"):
            negated = self.accept("not") is not None
            self.expect("empty", _("'empty' after 'is'"))
            return IsEmpty(field, negated)
        negated = self.accept("not") is not None
        if self.accept("in"):
            return InList(field, self.value_list(field), negated)
        if negated:
            raise self.error(_("expected 'in' after 'not'"))
        if kind == "bool":
            return Truth(field)
        if self.token.text == "(":
            raise self.error(
                _("'{field}' is a field, not a function; filters call no functions").format(
                    field=field.name
                )
            )
        raise self.error(
            _(
                "expected a comparison (= != < <= > >=), 'in' or 'is empty' after '{field}', "
                "found {found}"
            ).format(field=field.name, found=self._found())
        )

    def field(self) -> Field:
        token = self.token
        if token.kind != "name" or token.keyword is not None:
            raise self.error(_("expected a field name, found {found}").format(found=self._found()))
        self.advance()
        if token.text not in DOSSIER_FIELDS:
            if self.token.text == "(":
                raise self.error(
                    _("'{name}' is not a field, and filters call no functions").format(
                        name=token.text
                    ),
                    token,
                )
            raise self.error(
                _("unknown field '{name}'{suggestion}; fields: {fields}").format(
                    name=token.text,
                    suggestion=did_you_mean(token.text, DOSSIER_FIELDS),
                    fields=", ".join(DOSSIER_FIELDS),
                ),
                token,
            )
        if token.text in UNFILTERABLE_FIELDS:
            raise self.error(
                _("'{name}' cannot be used in a filter: {why}").format(
                    name=token.text, why=_(UNFILTERABLE_FIELDS[token.text])
                ),
                token,
            )
        return Field(token.text, token.position)

    def operand(self, field: Field) -> Field | Value:
        token = self.token
        if token.kind == "name" and token.keyword is None:
            if token.text not in DOSSIER_FIELDS:
                raise self.error(
                    _("'{name}' is not a field; write a value in quotes: '{name}'").format(
                        name=token.text
                    ),
                    token,
                )
            other = self.field()
            mine, theirs = DOSSIER_FIELDS[field.name], DOSSIER_FIELDS[other.name]
            if mine != theirs:
                raise self.error(
                    _("cannot compare '{field}' ({kind}) with '{other}' ({other_kind})").format(
                        field=field.name, kind=mine, other=other.name, other_kind=theirs
                    ),
                    token,
                )
            return other
        return self.value(field)

    def value_list(self, field: Field) -> tuple[Value, ...]:
        self.expect("(", _("'(' to open the list of values"))
        values = [self.value(field)]
        while self.accept(","):
            values.append(self.value(field))
        self.expect(")", _("',' or ')' in the list of values"))
        return tuple(values)

    def value(self, field: Field) -> Value:
        token = self.token
        if token.kind == "string":
            self.advance()
            quote = token.text[0]
            raw: Scalar = token.text[1:-1].replace(quote * 2, quote)
        elif token.kind == "number":
            self.advance()
            raw = float(token.text) if "." in token.text else int(token.text)
        elif token.keyword in ("true", "false"):
            self.advance()
            raw = token.keyword == "true"
        else:
            raise self.error(
                _(
                    "expected a value for '{field}' (text in quotes, a number, true or false), "
                    "found {found}"
                ).format(field=field.name, found=self._found())
            )
        return Value(_typed(field.name, raw, token, self), token.position)


def _typed(name: str, raw: Scalar, token: Token, parser: _Parser) -> Scalar:
    """The literal as the field's type, or a located error saying what fits."""
    kind = DOSSIER_FIELDS[name]
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        raise parser.error(
            _("'{field}' is true or false, not {text}").format(field=name, text=token.text), token
        )
    if kind == "rating":
        if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 5:
            return raw
        raise parser.error(
            _("'{field}' is a whole number from 1 to 5, not {text}").format(
                field=name, text=token.text
            ),
            token,
        )
    if kind == "date":
        if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        raise parser.error(
            _("'{field}' is compared with a date written 'YYYY-MM-DD', not {text}").format(
                field=name, text=token.text
            ),
            token,
        )
    if kind == "channel":
        if raw in CHANNELS:
            return raw
        raise parser.error(
            _("'{field}' is one of {values}, not {text}").format(
                field=name, values=", ".join(CHANNELS), text=token.text
            )
            + did_you_mean(str(raw), CHANNELS),
            token,
        )
    if isinstance(raw, bool):
        raise parser.error(
            _("'{field}' is text; write the value in quotes").format(field=name), token
        )
    return raw if isinstance(raw, str) else token.text


def parse_filter(text: str) -> Node:
    """Parse one filter; :class:`FilterError` (a ``ValueError``) says what and where."""
    return _Parser(text).parse()
