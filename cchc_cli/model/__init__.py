"""Pydantic models of a plan, one module per concern; :class:`Plan` assembles them."""

from cchc_cli.model.areas import Area, AreaItem
from cchc_cli.model.base import Origin, StrictModel
from cchc_cli.model.calendar import CalendarConfig, CalendarOverride
from cchc_cli.model.datasets import CustomMeasure, Dataset
from cchc_cli.model.deadline import Deadline, Recurrence
from cchc_cli.model.duties import ReportingDuty
from cchc_cli.model.file import SECTIONS, PlanFile, plan_file_schema
from cchc_cli.model.meta import PlanMeta
from cchc_cli.model.plan import Plan
from cchc_cli.model.targets import Target
from cchc_cli.model.tasks import ProgressUpdate, Task
from cchc_cli.model.units import Unit

__all__ = [
    "SECTIONS",
    "Area",
    "AreaItem",
    "CalendarConfig",
    "CalendarOverride",
    "CustomMeasure",
    "Dataset",
    "Deadline",
    "Origin",
    "Plan",
    "PlanFile",
    "PlanMeta",
    "ProgressUpdate",
    "Recurrence",
    "ReportingDuty",
    "StrictModel",
    "Target",
    "Task",
    "Unit",
    "plan_file_schema",
]
