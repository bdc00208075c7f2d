"""Reporting duties: who sends what to whom, and when (section V.1)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from cchc_cli.model.base import Id, StrictModel, Text
from cchc_cli.model.deadline import Deadline
from cchc_cli.model.ids import IdKind, RefTo
from cchc_cli.model.terms import PeriodRule
from cchc_cli.model.units import UnitCode

__all__ = ["ReportingDuty"]


DutyKind = Literal["report", "plan", "budget_estimate", "other"]


class ReportingDuty(StrictModel):
    """A periodic or one-off duty to send a document."""

    id_kind: ClassVar[IdKind] = "duty"
    id_field: ClassVar[str] = "id"

    id: Id
    ref: Id
    """Where the document sets the duty, e.g. ``V.1.c``."""
    title: Text
    """Short name, e.g. "Báo cáo quý"."""
    text: Text
    """The sentence that sets the duty, verbatim."""
    kind: DutyKind
    senders: Annotated[list[UnitCode], RefTo("unit")]
    receivers: Annotated[list[UnitCode], RefTo("unit")]
    """Who receives it first (e.g. the Văn phòng Sở, which compiles)."""
    forward_to: Annotated[list[UnitCode], RefTo("unit")] = []
    """Who the compiled document goes to next (Sở Nội vụ, UBND thành phố…)."""
    deadline: Deadline
    period_rule: PeriodRule | None = None
    """Override of the calendar's period rule for this duty."""
    outside_plan_year: bool = False
    """Set when the duty's dates legitimately fall outside the plan's year."""
