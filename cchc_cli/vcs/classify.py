"""Which changes to a plan are *breaking*: a commitment weakened.

A target weakened (threshold lowered, ``>=`` → ``>`` where that weakens it, threshold
or target removed, fewer reporting periods), a deadline moved later, a task removed or
cancelled, a lead unit removed. Everything else is a change, not a breaking one.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from cchc_cli.results.changes import Breaking, describe

__all__ = [
    "added_or_removed",
    "breaking_reason",
    "deadline_day",
    "target_reason",
    "target_weakening",
]

_INF = math.inf


def added_or_removed(kind: str, change: str) -> Breaking | None:
    """Why adding or removing an item of ``kind`` is breaking, or ``None``."""
    if change == "removed" and kind == "task":
        return Breaking("task_removed")
    if change == "removed" and kind == "target":
        return Breaking("target_removed")
    return None


def breaking_reason(kind: str, name: str, before: Any, after: Any) -> Breaking | None:
    """Why changing field ``name`` of a ``kind`` from ``before`` to ``after`` weakens the
    plan, or None."""
    if name == "deadline":
        return _deadline_reason(before, after)
    if kind == "task" and name == "status" and after == "cancelled":
        return Breaking("task_cancelled")
    if kind == "task" and name == "lead":
        removed = sorted(set(_codes(before)) - set(_codes(after)))
        return Breaking("lead_removed", items=tuple(removed)) if removed else None
    return None  # a target's op and value are judged together: target_reason


def target_reason(before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """:func:`target_weakening` as a sentence in the language in use, or None."""
    reason = target_weakening(before, after)
    return None if reason is None else describe(reason)


def target_weakening(before: dict[str, Any], after: dict[str, Any]) -> Breaking | None:
    """Why the target ``after`` accepts results that ``before`` did not, or None."""
    old = _accepted(before.get("op"), before.get("value"))
    new = _accepted(after.get("op"), after.get("value"))
    if old is None or old == new:
        return None
    if new is None:
        return Breaking("threshold_removed")
    if _within(new, old):
        return None
    lowered = before.get("value") != after.get("value")
    lower = lowered and _higher_is_better(before.get("op"))
    return Breaking(
        "target_lowered" if lower else "target_weakened",
        f"{before.get('op')} {_num(before.get('value'))}",
        f"{after.get('op')} {_num(after.get('value'))}",
    )


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _higher_is_better(op: Any) -> bool:
    return op in (">", ">=")


Interval = tuple[float, bool, float, bool]
"""(low, low included, high, high included)."""


def _accepted(op: Any, value: Any) -> Interval | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    v = float(value)
    return {
        ">": (v, False, _INF, False),
        ">=": (v, True, _INF, False),
        "=": (v, True, v, True),
        "<=": (-_INF, False, v, True),
        "<": (-_INF, False, v, False),
    }.get(str(op))


def _within(inner: Interval, outer: Interval) -> bool:
    low_ok = inner[0] > outer[0] or (inner[0] == outer[0] and (outer[1] or not inner[1]))
    high_ok = inner[2] < outer[2] or (inner[2] == outer[2] and (outer[3] or not inner[3]))
    return low_ok and high_ok


def _codes(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return [] if value is None else [str(value)]


def deadline_day(deadline: Any) -> date | None:
    """The last day a deadline allows (``before``, ``by`` or a window's end)."""
    if not isinstance(deadline, dict):
        return None
    window = deadline.get("window")
    for value in (deadline.get("before"), deadline.get("by"), window[-1] if window else None):
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                continue
    return None


def _deadline_reason(before: Any, after: Any) -> Breaking | None:
    if before is not None and after is None:
        return Breaking("deadline_removed")
    old, new = deadline_day(before), deadline_day(after)
    if old is not None and new is not None and new > old:
        return Breaking("deadline_later", old.isoformat(), new.isoformat(), (new - old).days)
    if isinstance(before, dict) and isinstance(after, dict):
        return _recurring_reason(before.get("recurring"), after.get("recurring"))
    return None


def _recurring_reason(before: Any, after: Any) -> Breaking | None:
    if not isinstance(before, dict) or not isinstance(after, dict):
        return None
    old_periods, new_periods = before.get("periods"), after.get("periods")
    if old_periods is None and isinstance(new_periods, list):
        return Breaking("periods_reduced", items=tuple(map(str, new_periods)))
    if isinstance(old_periods, list) and isinstance(new_periods, list):
        dropped = [period for period in old_periods if period not in new_periods]
        if dropped:
            return Breaking("periods_removed", items=tuple(map(str, dropped)))
    old_day, new_day = before.get("day"), after.get("day")
    if (
        before.get("month") == after.get("month")
        and isinstance(old_day, int)
        and (new_day == "last" or (isinstance(new_day, int) and new_day > old_day))
    ):
        return Breaking("recurring_later", str(old_day), str(new_day))
    return None
