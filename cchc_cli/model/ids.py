"""Kinds of identifiers a plan declares (used to find duplicates and resolve references)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["IdKind", "RefTo"]

IdKind = Literal[
    "unit",
    "area",
    "target",
    "task",
    "duty",
    "legal_basis",
    "plan",
    "calendar",
    "dataset",
    "report",
    "scorecard",
]


@dataclass(frozen=True, slots=True)
class RefTo:
    """Marks a field whose values are ids of another kind: ``Annotated[list[str], RefTo("unit")]``.

    The reference check finds these fields by introspection, so a new model gets its
    references checked (with "did you mean") without touching the checks.
    """

    kind: IdKind
