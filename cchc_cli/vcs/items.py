"""A plan's items by (kind, id), as read — valid or not — for comparing revisions.

Items are matched by id, never by file or position: moving a task to another file is
no change. Values are normalised (dates as ISO text) so that ``2024-01-25`` and
``"2024-01-25"`` are the same deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli.model.base import Origin
from cchc_cli.model.draft import PlanDraft

__all__ = ["Item", "ItemKey", "items_of", "normalised"]

ItemKey = tuple[str, str]
"""(kind, id): ``("task", "PL.5")``."""


@dataclass(frozen=True)
class Item:
    """One item of a plan as read: its fields and the file it is in."""

    fields: dict[str, Any]
    file: Path


def normalised(value: Any) -> Any:
    """``value`` with dates as ISO text, recursively."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


def _inside(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _validated(draft: PlanDraft) -> dict[Origin, dict[str, Any]]:
    """The items that passed their schema, defaults filled in, by where they were read."""
    found: dict[Origin, dict[str, Any]] = {}
    lists: list[list[Any]] = [draft.units, draft.areas, draft.targets, draft.tasks]
    lists += [draft.duties, draft.datasets, draft.reports]
    for items in lists:
        for item in items:
            if item._origin is not None:
                found[item._origin] = item.model_dump(mode="json", exclude_none=True)
    return found


def items_of(draft: PlanDraft, root: Path) -> dict[ItemKey, Item]:
    """Every list item of ``draft`` by (kind, id), the first when an id is declared twice
    (the loader's duplicate-id finding says where), plus the ``plan`` section.

    Valid items are compared with their defaults filled in (no ``status`` is
    ``not_started``); an item that fails its schema is compared as written. Files are
    named relative to the plan directory ``root``.
    """
    validated = _validated(draft)
    found: dict[ItemKey, Item] = {}
    for model, origin, raw in draft.raw_items:
        ident = raw.get(getattr(model, "id_field", "id"))
        if isinstance(ident, bool) or not isinstance(ident, str | int | float):
            continue
        key = (str(getattr(model, "id_kind", "task")), str(ident))
        if key not in found:
            fields = validated.get(origin) or normalised(raw)
            found[key] = Item(fields, _inside(origin.file, root))
    if draft.meta is not None and draft.meta._origin is not None:
        meta = draft.meta.model_dump(mode="json", exclude_none=True)
        found[("plan", "plan")] = Item(meta, _inside(draft.meta._origin.file, root))
    return found
