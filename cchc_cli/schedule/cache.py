"""The scheduling view of a plan, cached by the plan's content.

Validating a plan means building the pydantic models (~100 ms of imports) and the
holidays need the ``holidays`` package (~80 ms): far more than ``cchc status`` should
take on a plan that has not changed. So the view (:mod:`~cchc_cli.schedule.view`) of a
*valid* plan is written to the user's cache directory, keyed by a hash of every plan
file's path and bytes, of cchc's own code and of the installed ``holidays`` release.
Same key, same plan: the cached view is exactly what validating again would give.

The cache lives outside the plan repository (``$CCHC_CACHE_DIR``, else
``$XDG_CACHE_HOME/cchc``, else ``~/.cache/cchc``): a pull request cannot plant an entry
there. ``CCHC_NO_CACHE=1`` turns it off. A cache that cannot be read or written is
simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.loading.discover import plan_files
from cchc_cli.schedule.view import VIEW_FORMAT, PlanSchedule

if TYPE_CHECKING:
    from cchc_cli.model import Plan

__all__ = [
    "CACHE_ENV",
    "NO_CACHE_ENV",
    "cache_dir",
    "data_fingerprint",
    "load_schedule",
    "plan_key",
    "read_entry",
    "write_entry",
]

CACHE_ENV = "CCHC_CACHE_DIR"
NO_CACHE_ENV = "CCHC_NO_CACHE"
_KEEP = 32
"""Entries kept; older ones (earlier states of plans) are removed."""


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc"


def _code_fingerprint() -> bytes:
    """cchc's version and the size and mtime of each of its modules (a changed module
    may change the view)."""
    import cchc_cli

    lines = [cchc_cli.__version__]
    pending = [os.path.dirname(cchc_cli.__file__)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.name.startswith((".", "__")):
                    pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    lines.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(lines)).encode()


def plan_key(plan_dir: Path) -> str | None:
    """A hash of everything the view depends on; None if a plan file cannot be read."""
    from cchc_cli.schedule.holidays_vn import library_fingerprint

    digest = hashlib.sha256(f"view-format:{VIEW_FORMAT}\n".encode())
    digest.update(_code_fingerprint())
    digest.update(library_fingerprint().encode())
    for path in plan_files(plan_dir):
        try:
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(f"\n{path.relative_to(plan_dir).as_posix()}:{len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()


def data_fingerprint(plan_dir: Path) -> str:
    """Path, size and modification time of every non-YAML file in the plan directory (the
    exports a plan's datasets read), hidden directories such as ``.cchc`` left out."""
    lines = []
    for path in sorted(plan_dir.rglob("*")):
        relative = path.relative_to(plan_dir)
        if any(part.startswith(".") for part in relative.parts) or path.suffix in (".yaml", ".yml"):
            continue
        with contextlib.suppress(OSError):
            if path.is_file():
                stat = path.stat()
                lines.append(f"{relative.as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def read_entry(name: str) -> str | None:
    """The text of cache entry ``name``, or None (missing, unreadable, cache turned off)."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    entry = cache_dir() / name
    try:
        text = entry.read_text(encoding="utf-8")
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used entries survive the pruning
    return text


def write_entry(name: str, text: str) -> None:
    """Keep ``text`` as cache entry ``name`` (atomically); keep the newest entries only."""
    from cchc_cli.errors import CchcError
    from cchc_cli.loading.write import write_text_atomic

    if os.environ.get(NO_CACHE_ENV):
        return
    entry = cache_dir() / name
    prefix = name.split("-", 1)[0]
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(entry, text)
        entries = sorted(
            entry.parent.glob(f"{prefix}-*"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[_KEEP:]:
            old.unlink()
    except (OSError, CchcError):
        return


def _read(entry: Path) -> PlanSchedule | None:
    from cchc_cli.schedule.view import from_json

    try:
        return from_json(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(entry: Path, view: PlanSchedule) -> None:
    from cchc_cli.schedule.view import to_json

    write_entry(entry.name, to_json(view))


def load_schedule(
    plan_dir: Path,
    *,
    use_cache: bool | None = None,
    plan: Callable[[], Plan] | None = None,
) -> PlanSchedule:
    """The scheduling view of the plan in ``plan_dir``.

    ``plan`` gives the validated plan when the cache has no view (a workspace passes
    the plan it already loaded, or will load once). Raises
    :class:`~cchc_cli.errors.FindingsError` when the plan is not valid, like
    :func:`~cchc_cli.loading.require_plan`.
    """
    if use_cache is None:
        use_cache = not os.environ.get(NO_CACHE_ENV)
    key = plan_key(plan_dir) if use_cache else None
    entry = cache_dir() / f"schedule-{key}.json" if key else None
    if entry is not None:
        cached = _read(entry)
        if cached is not None:
            with contextlib.suppress(OSError):
                os.utime(entry)  # recently used entries survive the pruning
            return cached
    from cchc_cli.schedule.view import from_plan

    if plan is None:
        from cchc_cli.loading import require_plan

        view = from_plan(require_plan(plan_dir)[0])
    else:
        view = from_plan(plan())
    if entry is not None and plan_key(plan_dir) == key:  # unchanged while it was read
        _write(entry, view)
    return view
