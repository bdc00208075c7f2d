"""A plan as read, before it is known to be valid: what cross-file checks work on.

Items that passed their own schema are in the lists; every id that was *declared*
(even by an item that failed its schema) is in :attr:`PlanDraft.declared`, so one bad
unit does not turn every reference to it into a second, misleading error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.model.areas import Area
from cchc_cli.model.base import Origin, StrictModel
from cchc_cli.model.calendar import CalendarConfig
from cchc_cli.model.datasets import Dataset
from cchc_cli.model.duties import ReportingDuty
from cchc_cli.model.ids import IdKind
from cchc_cli.model.meta import PlanMeta
from cchc_cli.model.narrative import ReportNarrative
from cchc_cli.model.scorecard import Scorecard
from cchc_cli.model.targets import Target
from cchc_cli.model.tasks import Task
from cchc_cli.model.units import Unit

__all__ = ["IdKind", "PlanDraft"]


def _where_unknown(origin: Origin) -> str:
    return origin.file.name


@dataclass
class PlanDraft:
    """Validated parts of a plan plus every declared id and where it was declared."""

    meta: PlanMeta | None = None
    calendar: CalendarConfig | None = None
    units: list[Unit] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    duties: list[ReportingDuty] = field(default_factory=list)
    datasets: list[Dataset] = field(default_factory=list)
    reports: list[ReportNarrative] = field(default_factory=list)
    scorecards: list[Scorecard] = field(default_factory=list)
    declared: dict[IdKind, dict[str, list[Origin]]] = field(default_factory=dict)
    raw_items: list[tuple[type[StrictModel], Origin, dict[str, Any]]] = field(default_factory=list)
    """Every list item as read (valid or not), so references are checked in all of them."""
    respelled: dict[str, str] = field(default_factory=dict)
    """Texts the files wrote in another Unicode form than NFC (NFC form → as written)."""
    where: Callable[[Origin], str] = _where_unknown
    """Describes an origin as ``file:line:col`` for messages that point elsewhere."""

    def declare(self, kind: IdKind, ident: str, origin: Origin) -> None:
        self.declared.setdefault(kind, {}).setdefault(ident, []).append(origin)

    def ids(self, kind: IdKind) -> dict[str, list[Origin]]:
        return self.declared.get(kind, {})
