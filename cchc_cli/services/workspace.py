"""The plan a command works on: found once, loaded at most once, shared by its work.

``cchc status`` on an unchanged plan must not parse YAML at all (the scheduling view
comes from the cache), while ``cchc report`` needs the whole validated plan, its
schedule and its measures. A :class:`Workspace` gives each the part it asks for and
builds each part once: the validated plan is loaded on first use and the scheduling
view, when the cache has none, is built from that same plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_cli.loading.plan_loader import LoadResult
    from cchc_cli.model import Plan
    from cchc_cli.results.revision import Stamp
    from cchc_cli.schedule.view import PlanSchedule

__all__ = ["Workspace"]


@dataclass
class Workspace:
    """A plan directory and what has been loaded from it so far."""

    directory: Path
    extra: tuple[Path, ...] = ()
    """Files named on the command line, read and validated with the plan (``--scheme``)."""
    _loaded: tuple[Plan, LoadResult] | None = field(default=None, repr=False)
    _schedule: PlanSchedule | None = field(default=None, repr=False)
    _stamp: Stamp | None = field(default=None, repr=False)

    def _load(self) -> tuple[Plan, LoadResult]:
        if self._loaded is None:
            from cchc_cli.loading import require_plan

            self._loaded = require_plan(self.directory, self.extra)
        return self._loaded

    @property
    def plan(self) -> Plan:
        """The validated plan (:class:`~cchc_cli.errors.FindingsError` if invalid)."""
        return self._load()[0]

    @property
    def loaded_plan(self) -> Plan | None:
        """The validated plan if it has been loaded already (None: not yet)."""
        return None if self._loaded is None else self._loaded[0]

    @property
    def loaded(self) -> LoadResult:
        """The load result behind :attr:`plan`: files, YAML trees for positions."""
        return self._load()[1]

    @property
    def schedule(self) -> PlanSchedule:
        """The scheduling view: from the cache, else built from :attr:`plan`."""
        if self._schedule is None:
            from cchc_cli.schedule.cache import load_schedule

            self._schedule = load_schedule(self.directory, plan=lambda: self.plan)
        return self._schedule

    def know_revision(self, stamp: Stamp) -> None:
        """The revision stamp, already computed by the caller (for a cache key)."""
        self._stamp = stamp

    @property
    def revision(self) -> Stamp:
        """The plan's revision stamp (short commit, tag, "modified"; or "unversioned")."""
        if self._stamp is None:
            from cchc_cli.vcs.stamp import stamp_of

            self._stamp = stamp_of(self.directory)
        return self._stamp
