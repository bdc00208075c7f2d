"""Every term the views of a plan share, declared once.

Statuses, states, period rules, frequencies and the period of days itself are named
here and nowhere else: the schedule, the measures, the services and every renderer
import them from this module, so two spellings of one idea cannot drift apart. This
module imports nothing heavy (no pydantic), so the fast paths may use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from cchc_cli.errors import UserError
from cchc_cli.i18n import N_, _

__all__ = [
    "FREQUENCIES",
    "TARGET_STATUSES",
    "TARGET_STATUS_LABELS",
    "TASK_STATES",
    "TASK_STATE_LABELS",
    "TASK_STATUSES",
    "TASK_STATUS_LABELS",
    "Frequency",
    "Period",
    "PeriodRule",
    "TargetStatus",
    "TaskState",
    "TaskStatus",
]

TargetStatus = Literal["met", "at_risk", "missed", "no_data"]
"""A target's standing for a period: met, at risk of missing, missed, or not measurable."""
TARGET_STATUSES: tuple[TargetStatus, ...] = ("met", "at_risk", "missed", "no_data")
TARGET_STATUS_LABELS: dict[TargetStatus, str] = {
    "met": N_("met"),
    "at_risk": N_("at risk"),
    "missed": N_("missed"),
    "no_data": N_("no data"),
}
"""What people read for each status: English ids of the catalogs (``_()`` says them in
the run's language, :func:`cchc_cli.i18n.vi.translate` in Vietnamese for reports)."""

TaskStatus = Literal["not_started", "in_progress", "done", "cancelled"]
"""What a task's progress record says (``cchc task update --status``)."""
TASK_STATUSES: tuple[TaskStatus, ...] = ("not_started", "in_progress", "done", "cancelled")
TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    "not_started": N_("not started"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}

TaskState = Literal["overdue", "due_soon", "on_track", "not_started", "done", "cancelled"]
"""Where a task or duty stands on a day: its status set against its deadline."""
TASK_STATES: tuple[TaskState, ...] = (
    "overdue",
    "due_soon",
    "on_track",
    "not_started",
    "done",
    "cancelled",
)
"""Every state, in the order the views list them."""
TASK_STATE_LABELS: dict[TaskState, str] = {
    "overdue": N_("overdue"),
    "due_soon": N_("due soon"),
    "on_track": N_("on track"),
    "not_started": N_("not started"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}

PeriodRule = Literal["decree-09-2019", "calendar"]
"""How a report's data period is cut: Decree 09/2019/NĐ-CP Art. 12 (15th of the month
before the period to the 14th of its last month) or calendar months, quarters, years.
The rule itself is :func:`cchc_cli.schedule.periods.data_period`."""

Frequency = Literal["monthly", "quarterly", "half_yearly", "yearly"]

FREQUENCIES: dict[Frequency, tuple[str, ...]] = {
    "monthly": tuple(f"M{month}" for month in range(1, 13)),
    "quarterly": ("Q1", "Q2", "Q3", "Q4"),
    "half_yearly": ("H1", "H2"),
    "yearly": ("Y",),
}
"""The periods of a year for each frequency, in order."""


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days, both ends included, with an optional label (``2024-Q2``)."""

    start: date
    end: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.start > self.end:
            from cchc_cli.i18n.forms import day

            if self.label:
                message = _("period {label} starts after it ends ({start} > {end})")
            else:
                message = _("a period starts after it ends ({start} > {end})")
            raise UserError(
                message.format(label=self.label, start=day(self.start), end=day(self.end))
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def text(self) -> str:
        """``15/12/2023–14/03/2024``."""
        from cchc_cli.dates import format_day

        return f"{format_day(self.start)}–{format_day(self.end)}"
