"""A recurring deadline must fall on real days of the plan's year.

Day 31 of the last month of each quarter does not exist in June or September; a
quarterly rule cannot name ``H1``; month 4 of a quarter does not exist. The schema
already refuses names that are no period at all (``Q5``).
"""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.duties import ReportingDuty
from cchc_cli.model.tasks import Task
from cchc_cli.schedule.rules import recurrence_spec, rule_problems

__all__ = ["check_recurring_rules"]


def check_recurring_rules(draft: PlanDraft) -> Iterator[Finding]:
    if draft.meta is None:
        return
    items: list[Task | ReportingDuty] = [*draft.tasks, *draft.duties]
    for item in items:
        rule = item.deadline.recurring
        if rule is None:
            continue
        for field, message in rule_problems(recurrence_spec(rule), draft.meta.year):
            yield Finding.error(
                "invalid-recurrence",
                f"{item.id}: {message}",
                item.at("deadline", "recurring", field),
            )
