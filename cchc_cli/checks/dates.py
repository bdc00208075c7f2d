"""Task and duty dates fall inside the plan's year unless marked otherwise."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.duties import ReportingDuty
from cchc_cli.model.tasks import Task

__all__ = ["check_dates_in_plan_year"]


def check_dates_in_plan_year(draft: PlanDraft) -> Iterator[Finding]:
    if draft.meta is None:
        return
    year = draft.meta.year
    items: list[Task | ReportingDuty] = [*draft.tasks, *draft.duties]
    for item in items:
        if item.outside_plan_year:
            continue
        deadline = item.deadline
        for index, day in enumerate(deadline.fixed_dates()):
            if day.year == year:
                continue
            where = ("window", index) if deadline.window else (deadline.kind,)
            yield Finding.error(
                "date-outside-year",
                _(
                    "{id}: {day} is outside the plan year {year}; fix the date, or set "
                    "'outside_plan_year: true' if it is meant to be"
                ).format(id=item.id, day=day.isoformat(), year=year),
                item.at("deadline", *where),
            )
