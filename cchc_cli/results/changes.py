"""What changed in the plan between two revisions: ``cchc diff`` and ``cchc history``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["ChangeKind", "FieldChange", "ItemChange"]

ChangeKind = Literal["added", "removed", "modified"]


@dataclass(frozen=True)
class FieldChange:
    """One field of an item, before and after; ``breaking`` says why it weakens the plan."""

    field: str
    before: Any
    after: Any
    breaking: str | None = None
    words: str | None = None
    """For long texts: the changed words, ``[-old-]{+new+}``, with a little context."""


@dataclass(frozen=True)
class ItemChange:
    """An item added, removed or modified (matched by id across files)."""

    kind: str
    id: str
    change: ChangeKind
    file: str
    """Where the item is (after the change; before it, when removed)."""
    fields: list[FieldChange] = field(default_factory=list)
    breaking: list[str] = field(default_factory=list)
    """Why this change weakens the plan; empty when it does not."""
