"""``cchc validate``: every problem in the plan, located, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from cchc_cli.loading.plan_loader import LoadResult

from cchc_cli.findings import Finding, count_accepted, count_levels

__all__ = ["ValidateResult", "validate_plan"]


@dataclass(frozen=True)
class ValidateResult:
    kind: ClassVar[str] = "validate"
    directory: Path
    files: int
    findings: list[Finding]
    errors: int
    warnings: int
    """Warnings the plan has not accepted."""
    failed: bool
    """Errors, or warnings not accepted under ``--strict``: the run exits 1."""
    counts: dict[str, int] | None
    """Tasks, targets, units and duties of a valid plan; None when it is not valid."""
    accepted: int = 0
    """Warnings the plan accepts (``accepted:`` on the item): counted, not printed."""
    show_accepted: bool = False
    """Print the accepted warnings too (``--show-accepted``)."""


def validate_plan(
    directory: Path,
    *,
    strict: bool = False,
    parent: Path | None = None,
    show_accepted: bool = False,
) -> ValidateResult:
    """Load and check every plan file under ``directory``; never raises for a finding.

    With ``parent`` (a unit plan's department plan), ``parent`` references are checked
    too (:mod:`cchc_cli.checks.parent`); an invalid parent plan is a FindingsError.
    """
    from cchc_cli.loading import load_plan

    result = load_plan(directory)
    plan = result.plan
    findings = list(result.findings)
    if parent is not None and plan is not None:
        findings.extend(_parent_findings(result, parent))
    errors, warnings = count_levels(findings)
    counts = None
    if plan is not None:
        counts = {
            "tasks": len(plan.tasks),
            "targets": len(plan.targets),
            "units": len(plan.units),
            "duties": len(plan.duties),
        }
    return ValidateResult(
        directory=directory,
        files=len(result.files),
        findings=findings,
        errors=errors,
        warnings=warnings,
        failed=errors > 0 or (strict and warnings > 0),
        counts=counts,
        accepted=count_accepted(findings),
        show_accepted=show_accepted,
    )


def _parent_findings(result: LoadResult, parent_dir: Path) -> list[Finding]:
    from cchc_cli.checks.accepted import apply_acceptances
    from cchc_cli.checks.parent import check_parent_references
    from cchc_cli.loading import require_plan
    from cchc_cli.loading.locate import locate

    assert result.plan is not None  # noqa: S101 - the caller checked
    assert result.draft is not None  # noqa: S101 - a loaded plan has its draft
    parent, _ = require_plan(parent_dir)
    located = []
    found = check_parent_references(result.plan, parent)
    for finding in apply_acceptances(list(found), result.draft, later=True):
        origin = finding.origin
        if origin is None:
            located.append(finding)
        else:
            located.append(finding.located(*locate(result.trees.get(origin.file), origin.path)))
    return located
