"""What changed in the plan between two revisions: ``cchc diff`` and ``cchc history``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = ["Breaking", "BreakingCode", "ChangeKind", "FieldChange", "ItemChange", "describe"]

ChangeKind = Literal["added", "removed", "modified"]

BreakingCode = Literal[
    "task_removed",
    "target_removed",
    "task_cancelled",
    "lead_removed",
    "threshold_removed",
    "target_lowered",
    "target_weakened",
    "deadline_removed",
    "deadline_later",
    "periods_reduced",
    "periods_removed",
    "recurring_later",
]


@dataclass(frozen=True)
class Breaking:
    """Why a change weakens the plan, as data (JSON): a stable ``code`` and its figures.

    ``before``/``after``: the two thresholds (``> 95``), deadlines (ISO dates) or
    recurring days; ``days``: how much later a deadline is; ``items``: the lead units or
    reporting periods concerned. The sentence people read is :func:`describe`'s."""

    code: BreakingCode
    before: str | None = None
    after: str | None = None
    days: int | None = None
    items: tuple[str, ...] = ()


def _day(value: str | None) -> str:
    from cchc_cli.i18n.forms import day

    try:
        return day(date.fromisoformat(value or ""))
    except ValueError:
        return value or ""


def describe(reason: Breaking) -> str:
    """The reason in the language in use: ``deadline moved later: 31/03/2024 → …``."""
    from cchc_cli.i18n import _

    code, items = reason.code, ", ".join(reason.items)
    before, after = reason.before or "", reason.after or ""
    if code == "task_removed":
        return _("task removed")
    if code == "target_removed":
        return _("target removed")
    if code == "task_cancelled":
        return _("task cancelled")
    if code == "lead_removed":
        return _("lead unit removed: {units}").format(units=items)
    if code == "threshold_removed":
        return _("target weakened: its threshold was removed")
    if code == "target_lowered":
        return _("target lowered: {before} → {after}").format(before=before, after=after)
    if code == "target_weakened":
        return _("target weakened: {before} → {after}").format(before=before, after=after)
    if code == "deadline_removed":
        return _("deadline removed")
    if code == "deadline_later":
        days = reason.days or 0
        said = (
            _("deadline moved later: {before} → {after} (+{days} day)")
            if days == 1
            else _("deadline moved later: {before} → {after} (+{days} days)")
        )
        return said.format(before=_day(before), after=_day(after), days=days)
    if code == "periods_reduced":
        return _("reporting periods reduced to {periods}").format(periods=items)
    if code == "periods_removed":
        return _("reporting periods removed: {periods}").format(periods=items)
    last = _("last") if after == "last" else after
    return _("recurring deadline moved later: day {before} → {after}").format(
        before=before, after=last
    )


@dataclass(frozen=True)
class FieldChange:
    """One field of an item, before and after; ``breaking`` says why it weakens the plan."""

    field: str
    before: Any
    after: Any
    breaking: Breaking | None = None
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
    breaking: list[Breaking] = field(default_factory=list)
    """Why this change weakens the plan; empty when it does not."""
