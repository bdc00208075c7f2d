"""The shape of one plan file: a mapping of sections, each optional.

A plan is the union of every ``*.yaml`` file in the plan directory; a section's list
may be split across files (``tasks`` in two files are concatenated). The JSON Schema
that editors use is generated from :class:`PlanFile`.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

from cchc_cli.model.areas import Area
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

__all__ = ["SECTIONS", "PlanFile", "plan_file_schema"]


class PlanFile(StrictModel):
    """One YAML file of a plan. Every section is optional; at least one must be present."""

    model_config = ConfigDict(title="cchc plan file")

    plan: PlanMeta | None = None
    units: list[Unit] | None = None
    areas: list[Area] | None = None
    targets: list[Target] | None = None
    tasks: list[Task] | None = None
    duties: list[ReportingDuty] | None = None
    calendar: CalendarConfig | None = None
    datasets: list[Dataset] | None = None
    reports: list[ReportNarrative] | None = None
    scorecards: list[Scorecard] | None = None


SECTIONS: tuple[str, ...] = tuple(PlanFile.model_fields)
"""The top-level keys a plan file may hold, in the order a plan is assembled."""


def plan_file_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a plan file, for editors and review tools."""
    schema = PlanFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
