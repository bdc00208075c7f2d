"""Finding the plan directory and the plan files in it."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_cli.errors import PlanNotFoundError, UserError

__all__ = ["PLAN_ENV", "find_plan_dir", "plan_files"]

PLAN_ENV = "CCHC_PLAN"
_SUFFIXES = (".yaml", ".yml")


def find_plan_dir(explicit: Path | None = None, start: Path | None = None) -> Path:
    """``--plan`` if given, else ``$CCHC_PLAN``, else the nearest ``plan/`` above ``start``."""
    if explicit is not None:
        return _checked(explicit, "--plan")
    from_env = os.environ.get(PLAN_ENV)
    if from_env:
        return _checked(Path(from_env), f"${PLAN_ENV}")
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "plan"
        if candidate.is_dir():
            return candidate
    raise PlanNotFoundError(
        f"no plan directory found: neither {here} nor any directory above it holds 'plan/'",
        hint=f"run cchc inside a plan repository, pass --plan DIR, or set {PLAN_ENV}",
    )


def _checked(path: Path, source: str) -> Path:
    if not path.exists():
        raise PlanNotFoundError(
            f"plan directory '{path}' ({source}) does not exist",
            hint="check the path; a plan directory holds the plan's .yaml files",
        )
    if not path.is_dir():
        raise UserError(
            f"{source} must be a directory, but '{path}' is a file",
            hint=f"pass the directory that holds it: --plan {path.parent}",
        )
    return path


def plan_files(plan_dir: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` under ``plan_dir`` (hidden directories skipped), sorted."""
    found = sorted(
        path
        for path in plan_dir.rglob("*")
        if path.suffix in _SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(plan_dir).parts)
    )
    if not found:
        raise PlanNotFoundError(
            f"plan directory '{plan_dir}' holds no .yaml files",
            hint="a plan is a set of YAML files (plan.yaml, units.yaml, tasks.yaml, …)",
        )
    return found
