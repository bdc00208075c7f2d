"""Cross-file rules. Each check is a small function: ``PlanDraft`` in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cchc_cli.checks.calendar import check_calendar_overrides, check_calendar_timezone
from cchc_cli.checks.consistency import check_conflicting_targets
from cchc_cli.checks.data_files import check_measurement_rows
from cchc_cli.checks.datasets import check_datasets
from cchc_cli.checks.dates import check_dates_in_plan_year
from cchc_cli.checks.duplicates import check_duplicate_ids, check_sections_present
from cchc_cli.checks.narrative import check_report_narratives
from cchc_cli.checks.numbering import check_area_numbering
from cchc_cli.checks.progress import check_progress
from cchc_cli.checks.recurrence import check_recurring_rules
from cchc_cli.checks.references import check_references
from cchc_cli.checks.scorecards import check_scorecards
from cchc_cli.findings import Finding
from cchc_cli.model.draft import PlanDraft

__all__ = ["CHECKS", "run_checks"]

Check = Callable[[PlanDraft], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    check_duplicate_ids,
    check_references,
    check_dates_in_plan_year,
    check_progress,
    check_conflicting_targets,
    check_area_numbering,
    check_datasets,
    check_calendar_overrides,
    check_calendar_timezone,
    check_recurring_rules,
    check_report_narratives,
    check_scorecards,
)


def run_checks(draft: PlanDraft, plan_dir: Path, *, data_files: bool = True) -> list[Finding]:
    """Every cross-file finding about ``draft`` (``data_files``: read the datasets'
    measurement rows from ``plan_dir`` too)."""
    findings = list(check_sections_present(draft, plan_dir))
    if data_files:
        findings.extend(check_measurement_rows(draft, plan_dir))
    for check in CHECKS:
        findings.extend(check(draft))
    return findings
