"""``cchc validate``: every problem in the plan, located, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from cchc_cli.findings import Finding

__all__ = ["ValidateResult", "validate_plan"]


@dataclass(frozen=True)
class ValidateResult:
    kind: ClassVar[str] = "validate"
    directory: Path
    files: int
    findings: list[Finding]
    errors: int
    warnings: int
    failed: bool
    """Errors, or warnings under ``--strict``: the run exits 1."""
    counts: dict[str, int] | None
    """Tasks, targets, units and duties of a valid plan; None when it is not valid."""


def validate_plan(directory: Path, *, strict: bool = False) -> ValidateResult:
    """Load and check every plan file under ``directory``; never raises for a finding."""
    from cchc_cli.loading import load_plan

    result = load_plan(directory)
    plan = result.plan
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
        findings=result.findings,
        errors=result.errors,
        warnings=result.warnings,
        failed=result.errors > 0 or (strict and result.warnings > 0),
        counts=counts,
    )
