"""Finding the plan directory and the plan files in it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from cchc_cli.errors import PlanNotFoundError, UserError
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import number

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PLAN_FILES",
    "MAX_WALK_ENTRIES",
    "PLAN_ENV",
    "find_plan_dir",
    "outside_plan",
    "plan_files",
    "walk_plan",
]

PLAN_ENV = "CCHC_PLAN"
_SUFFIXES = (".yaml", ".yml")
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})
MAX_PLAN_FILES = 1_000
"""YAML files a plan may have; the shipped plan has 8."""
MAX_WALK_ENTRIES = 20_000
"""Files and folders looked at while searching a plan directory."""
MAX_FILE_BYTES = 16 * 1024 * 1024
"""Size of one plan file; a plan with 2,000 tasks is under 2 MiB."""


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
        _(
            "no plan directory found: neither {here} nor any directory above it holds 'plan/'"
        ).format(here=here),
        hint=_("run cchc inside a plan repository, pass --plan DIR, or set {variable}").format(
            variable=PLAN_ENV
        ),
    )


def _checked(path: Path, source: str) -> Path:
    if not path.exists():
        raise PlanNotFoundError(
            _("plan directory '{path}' ({source}) does not exist").format(path=path, source=source),
            hint=_("check the path; a plan directory holds the plan's .yaml files"),
        )
    if not path.is_dir():
        raise UserError(
            _("{source} must be a directory, but '{path}' is a file").format(
                source=source, path=path
            ),
            hint=_("pass the directory that holds it: --plan {directory}").format(
                directory=path.parent
            ),
        )
    return _repository_plan(path)


def _repository_plan(path: Path) -> Path:
    """``path/plan`` when ``path`` is a plan repository rather than a plan directory.

    ``cchc --plan .`` at the top of a repository means its ``plan/``: a folder with no
    YAML file of its own and a ``plan/`` folder is not read whole (its tests, examples and
    fixtures would count as part of the plan).
    """
    inner = path / "plan"
    if not inner.is_dir():
        return path
    try:
        own = any(
            entry.is_file() and entry.suffix in _SUFFIXES and not entry.name.startswith(".")
            for entry in path.iterdir()
        )
    except OSError:
        return path
    return path if own else inner


def walk_plan(plan_dir: Path) -> Iterator[Path]:
    """Every regular file (or link to one) under ``plan_dir``, bounded.

    Hidden folders (``.git``, ``.cchc``…), ``.venv``, ``node_modules`` and
    ``__pycache__`` are skipped, links to folders are not followed, and a walk that meets
    more than :data:`MAX_WALK_ENTRIES` entries stops with a :class:`UserError`: a wrong
    ``--plan`` (``/tmp``, a home directory) fails in a moment instead of reading it all.
    """
    seen = 0
    for folder, subfolders, names in os.walk(plan_dir):
        subfolders[:] = sorted(name for name in subfolders if not _skipped(name))
        seen += len(subfolders) + len(names)
        if seen > MAX_WALK_ENTRIES:
            raise UserError(
                _(
                    "'{path}' holds more than {count} files and folders; "
                    "this is not a plan directory (a plan is a few YAML files)"
                ).format(path=plan_dir, count=number(MAX_WALK_ENTRIES)),
                hint=_(
                    "check --plan (or $CCHC_PLAN): it should name the folder of plan.yaml, "
                    "units.yaml, tasks.yaml…"
                ),
            )
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder, name)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in _SKIPPED_DIRS


def plan_files(plan_dir: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file under ``plan_dir`` (see :func:`walk_plan`), sorted.

    More than :data:`MAX_PLAN_FILES` of them is refused (:class:`UserError`).
    """
    found = sorted(
        path for path in walk_plan(plan_dir) if path.suffix in _SUFFIXES and path.is_file()
    )
    if len(found) > MAX_PLAN_FILES:
        raise UserError(
            _(
                "'{path}' holds {count} YAML files, more than a plan has (at most {limit} are read)"
            ).format(path=plan_dir, count=number(len(found)), limit=number(MAX_PLAN_FILES)),
            hint=_("check --plan: it should name the plan directory, not a folder above it"),
        )
    if not found:
        raise PlanNotFoundError(
            _("plan directory '{path}' holds no .yaml files").format(path=plan_dir),
            hint=_("a plan is a set of YAML files (plan.yaml, units.yaml, tasks.yaml, …)"),
        )
    return found


def outside_plan(path: Path, plan_dir: Path) -> bool:
    """Whether ``path`` (a link, or inside a linked folder) leads outside ``plan_dir``."""
    try:
        path.resolve(strict=True).relative_to(plan_dir.resolve(strict=True))
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a link loop on 3.11
        return True
    return False
