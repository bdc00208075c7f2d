"""The scheduling view of a plan, cached by the plan's content.

Validating a plan means building the pydantic models (~100 ms of imports) and the
holidays need the ``holidays`` package (~80 ms): far more than ``cchc status`` should
take on a plan that has not changed. So the view (:mod:`~cchc_cli.schedule.view`) of a
*valid* plan is written to the user's cache directory, keyed by a hash of every plan
file's path and bytes, of cchc's own code and of the installed ``holidays`` release.
Same key, same plan: the cached view is exactly what validating again would give.

Where the cache lives, and how a broken cache is ignored, is
:mod:`cchc_cli.cache`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.cache import (
    CACHE_ENV,
    NO_CACHE_ENV,
    cache_dir,
    content_key,
    data_fingerprint,
    enabled,
    note_unusable,
    read_entry,
    write_entry,
)
from cchc_cli.i18n import _
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
# cache_dir, data_fingerprint, read_entry and write_entry live in cchc_cli.cache now and
# are re-exported here for the modules that still import them from this one.


def plan_key(plan_dir: Path, *, fresh: bool = False) -> str | None:
    """A hash of everything the view depends on; None if a plan file cannot be read."""
    from cchc_cli.schedule.holidays_vn import library_fingerprint

    content = content_key(plan_dir, fresh=fresh)
    if content is None:
        return None
    text = f"view-format:{VIEW_FORMAT}\n{library_fingerprint()}\n{content}"
    return hashlib.sha256(text.encode()).hexdigest()


def _read(name: str) -> PlanSchedule | None:
    from cchc_cli.schedule.view import from_json

    text = read_entry(name)
    if text is None:
        return None
    try:
        return from_json(text)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        note_unusable(_("entry {name} is not a plan view cchc wrote; ignored").format(name=name))
        return None


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
        use_cache = enabled()
    key = plan_key(plan_dir) if use_cache else None
    name = f"schedule-{key}.json" if key else None
    if name is not None:
        cached = _read(name)
        if cached is not None:
            return cached
    from cchc_cli.schedule.view import from_plan

    if plan is None:
        from cchc_cli.loading import require_plan

        view = from_plan(require_plan(plan_dir)[0])
    else:
        view = from_plan(plan())
    if name is not None and plan_key(plan_dir, fresh=True) == key:  # unchanged meanwhile
        from cchc_cli.schedule.view import to_json

        write_entry(name, to_json(view))
    return view
