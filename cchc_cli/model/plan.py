"""The whole plan, assembled from every plan file."""

from __future__ import annotations

from functools import cached_property

from pydantic import ConfigDict

from cchc_cli.model.areas import Area, AreaItem
from cchc_cli.model.base import StrictModel
from cchc_cli.model.calendar import CalendarConfig
from cchc_cli.model.datasets import Dataset
from cchc_cli.model.duties import ReportingDuty
from cchc_cli.model.meta import PlanMeta
from cchc_cli.model.narrative import ReportNarrative
from cchc_cli.model.scorecard import Scorecard
from cchc_cli.model.targets import Target
from cchc_cli.model.tasks import Task
from cchc_cli.model.units import Unit

__all__ = ["Plan"]


class Plan(StrictModel):
    """A validated plan. Lists keep file order (files sorted by path)."""

    model_config = ConfigDict(ignored_types=(cached_property,))

    meta: PlanMeta
    units: list[Unit] = []
    areas: list[Area] = []
    targets: list[Target] = []
    tasks: list[Task] = []
    duties: list[ReportingDuty] = []
    calendar: CalendarConfig = CalendarConfig()
    datasets: list[Dataset] = []
    reports: list[ReportNarrative] = []
    scorecards: list[Scorecard] = []

    @property
    def year(self) -> int:
        return self.meta.year

    @cached_property
    def units_by_code(self) -> dict[str, Unit]:
        return {unit.code: unit for unit in self.units}

    @cached_property
    def targets_by_id(self) -> dict[str, Target]:
        return {target.id: target for target in self.targets}

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.tasks}

    @cached_property
    def area_items_by_id(self) -> dict[str, AreaItem | Area]:
        """Areas and their items by id (``III.3`` and ``III.3.đ`` alike)."""
        found: dict[str, AreaItem | Area] = {}
        for area in self.areas:
            found[area.id] = area
            for item in area.items:
                found[item.id] = item
        return found
