"""A parsed filter (:mod:`filters`) as SQL: field names from the canonical whitelist,
every value a ``?`` parameter, so nothing a plan writes becomes SQL text."""

from __future__ import annotations

from cchc_cli.measure.fields import DOSSIER_FIELDS
from cchc_cli.measure.filters import Field, InList, IsEmpty, Logical, Node, Scalar, Truth

__all__ = ["compile_filter"]


def _column(field: Field) -> str:
    # Only canonical names reach SQL, and they are plain snake_case identifiers.
    assert field.name in DOSSIER_FIELDS  # noqa: S101 - guaranteed by the parser
    return f'"{field.name}"'


def _sql(node: Node, params: list[Scalar]) -> str:
    if isinstance(node, Logical):
        if node.op == "not":
            return f"(NOT {_sql(node.parts[0], params)})"
        return "(" + f" {node.op.upper()} ".join(_sql(part, params) for part in node.parts) + ")"
    if isinstance(node, IsEmpty):
        return f"({_column(node.field)} IS {'NOT ' if node.negated else ''}NULL)"
    if isinstance(node, Truth):
        return f"COALESCE({_column(node.field)}, FALSE)"
    if isinstance(node, InList):
        params.extend(value.value for value in node.values)
        marks = ", ".join("?" for _ in node.values)
        return (
            f"COALESCE({_column(node.field)} {'NOT ' if node.negated else ''}IN ({marks}), FALSE)"
        )
    if isinstance(node.other, Field):
        right = _column(node.other)
    else:
        params.append(node.other.value)
        right = "?"
    return f"COALESCE({_column(node.field)} {node.op} {right}, FALSE)"


def compile_filter(node: Node) -> tuple[str, list[Scalar]]:
    """SQL text (our field names, ``?`` for every value) and its parameters, in order."""
    params: list[Scalar] = []
    return _sql(node, params), params
