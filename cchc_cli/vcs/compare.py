"""The semantic difference of two plans: items added, removed and modified, field by
field, each change classified as breaking or not (:mod:`cchc_cli.vcs.classify`)."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Any

from cchc_cli.results.changes import FieldChange, ItemChange
from cchc_cli.vcs.classify import added_or_removed, breaking_reason, target_weakening
from cchc_cli.vcs.items import Item, ItemKey

__all__ = ["compare_fields", "compare_items", "word_diff"]

_KIND_ORDER = ("plan", "unit", "area", "target", "task", "duty", "dataset", "report")
_LONG_TEXT = 60
"""Texts longer than this are shown as a word diff rather than whole."""


def word_diff(before: str, after: str, context: int = 3) -> str:
    """The words that changed between two texts, with ``context`` words around each."""
    old, new = before.split(), after.split()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            words = old[i1:i2]
            if len(words) > 2 * context:
                head = words[:context] if parts else []
                tail = words[-context:] if i2 < len(old) or j2 < len(new) else []
                parts.extend([*head, "…", *tail])
            else:
                parts.extend(words)
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(part for part in parts if part) or "…"


def compare_fields(kind: str, before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """The fields that differ, in the item's own order (new fields last)."""
    changes = []
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        reason = breaking_reason(kind, name, old, new)
        if isinstance(old, dict) and isinstance(new, dict):
            for part in compare_fields(kind, old, new):
                changes.append(replace(part, field=f"{name}.{part.field}", breaking=reason))
                reason = None  # the whole field's reason, said once
            continue
        words = None
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > _LONG_TEXT:
            words = word_diff(old, new)
        changes.append(FieldChange(name, old, new, reason, words))
    return changes


def _modified(key: ItemKey, old: Item, new: Item) -> ItemChange | None:
    kind, ident = key
    fields = compare_fields(kind, old.fields, new.fields)
    if not fields:
        return None
    reasons = [change.breaking for change in fields if change.breaking]
    if kind == "target":
        reason = target_weakening(old.fields, new.fields)
        if reason:
            reasons.insert(0, reason)
    return ItemChange(kind, ident, "modified", new.file.as_posix(), fields, reasons)


def _sort_key(change: ItemChange) -> tuple[int, str]:
    order = _KIND_ORDER.index(change.kind) if change.kind in _KIND_ORDER else len(_KIND_ORDER)
    return order, change.id


def compare_items(
    before: dict[ItemKey, Item], after: dict[ItemKey, Item]
) -> tuple[list[ItemChange], list[str]]:
    """(changes, ids of items that only moved to another file) between two plans."""
    changes: list[ItemChange] = []
    moved = []
    for key in dict.fromkeys([*before, *after]):
        kind, ident = key
        old, new = before.get(key), after.get(key)
        if old is None and new is not None:
            changes.append(ItemChange(kind, ident, "added", new.file.as_posix()))
        elif new is None and old is not None:
            reason = added_or_removed(kind, "removed")
            changes.append(
                ItemChange(
                    kind, ident, "removed", old.file.as_posix(), [], [reason] if reason else []
                )
            )
        elif old is not None and new is not None:
            change = _modified(key, old, new)
            if change is not None:
                changes.append(change)
            if old.file.name != new.file.name or old.file.parent.name != new.file.parent.name:
                moved.append(f"{kind} {ident}")
    return sorted(changes, key=_sort_key), moved
