"""The revision stamp: which committed plan a status, an export or a report comes from.

Short commit, tag if any, "modified" when the plan has uncommitted changes; outside a
repository, "unversioned". Two ``git`` commands (``status --porcelain=v2`` limited to
the plan directory, ``tag --points-at``) rather than gitpython: ``cchc status`` on an
unchanged plan takes ~100 ms, and importing gitpython alone costs ~60 ms.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cchc_cli.results.revision import NO_STAMP, Stamp

__all__ = ["stamp_of"]

_TIMEOUT = 10


def _git(directory: Path, *args: str) -> str | None:
    executable = shutil.which("git")
    if executable is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [executable, "-C", str(directory), *args],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def stamp_of(plan_dir: Path) -> Stamp:
    """The revision stamp of the plan in ``plan_dir`` (never raises)."""
    if not plan_dir.is_dir():
        return NO_STAMP
    status = _git(plan_dir, "status", "--porcelain=v2", "--branch", "--", ".")
    if status is None:
        return NO_STAMP
    commit = branch = None
    modified = False
    for line in status.splitlines():
        if line.startswith("# branch.oid "):
            oid = line.removeprefix("# branch.oid ")
            commit = None if oid == "(initial)" else oid[:7]
        elif line.startswith("# branch.head "):
            head = line.removeprefix("# branch.head ")
            branch = None if head == "(detached)" else head
        elif not line.startswith("#"):
            modified = True
    if commit is None:
        return Stamp("uncommitted", branch=branch, modified=True)
    tags = (_git(plan_dir, "tag", "--points-at", "HEAD") or "").split()
    tag = sorted(tags)[-1] if tags else None
    text = " ".join(part for part in (commit, tag, "modified" if modified else None) if part)
    return Stamp(text, commit, tag, branch, modified)
