"""Tasks: the rows of the annex (``PL.1`` … ``PL.19``) and their progress."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from cchc_cli.model.base import Accepted, Id, IsoDate, Percent, StrictModel, Text
from cchc_cli.model.deadline import Deadline
from cchc_cli.model.ids import IdKind, RefTo
from cchc_cli.model.terms import TASK_STATUSES, TaskStatus
from cchc_cli.model.units import UnitCode

__all__ = ["TASK_STATUSES", "ProgressUpdate", "Task", "TaskStatus"]


class ProgressUpdate(StrictModel):
    """A dated note of progress on a task."""

    date: IsoDate
    status: TaskStatus
    percent: Percent | None = None
    """How much is done, 0-100."""
    note: str | None = None
    evidence: list[Annotated[str, Field(min_length=1)]] = []
    """Documents or links that show the progress (a decision number, a URL…)."""
    by: str | None = None
    """Who recorded it."""
    problem: str | None = None
    """What holds the task back (fed to the report's "Tồn tại, hạn chế")."""
    proposal: str | None = None
    """What the unit asks for (fed to the report's "Đề xuất, kiến nghị")."""


class Task(StrictModel):
    """One concrete task with a lead unit, a time and a deliverable."""

    id_kind: ClassVar[IdKind] = "task"
    id_field: ClassVar[str] = "id"

    id: Id
    """Numbering in the annex, e.g. ``PL.1``."""
    content: Text
    """The "Nội dung công việc" cell, verbatim."""
    lead: Annotated[list[UnitCode], Field(min_length=1), RefTo("unit")]
    """Codes of the lead units (đơn vị chủ trì)."""
    lead_text: str | None = None
    """The "Đơn vị chủ trì" cell as written."""
    coordinators: Annotated[list[UnitCode], RefTo("unit")] = []
    """Codes of the coordinating units (đơn vị phối hợp)."""
    coordinators_text: str | None = None
    """The "Đơn vị phối hợp" cell as written."""
    deadline: Deadline
    """The "Thời gian thực hiện/hoàn thành" cell and its parsed form."""
    deliverables: list[Text] = []
    """The "Sản phẩm" cell, one entry per product."""
    areas: Annotated[list[Id], RefTo("area")] = []
    """Items of section III this task implements, e.g. ``III.3.b``."""
    targets: Annotated[list[Id], RefTo("target")] = []
    """Ids of the targets this task serves."""
    status: TaskStatus = "not_started"
    updates: list[ProgressUpdate] = []
    """Dated progress updates, oldest first."""
    outside_plan_year: bool = False
    """Set when the task's dates legitimately fall outside the plan's year."""
    parent: Id | None = None
    """In a unit's plan: the id of the parent plan's task this one carries out
    (checked by ``cchc validate --parent DIR``)."""
    note: str | None = None
    accepted: Accepted = {}
    """Warnings about this item the plan acknowledges, one reason per finding code, e.g.
    ``{conflicting-targets: "the signed plan sets both"}``. ``cchc validate`` counts them
    instead of printing them (``--show-accepted`` prints them); only warnings can be
    accepted, and an entry that matches no current warning is itself a warning."""

    @property
    def evidence(self) -> list[str]:
        """Every evidence item of every update, oldest first."""
        return [item for update in self.updates for item in update.evidence]
