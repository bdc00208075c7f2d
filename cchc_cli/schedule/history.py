"""A task as it stood on a given day, read off its dated progress updates.

``--as-of`` means the world as it was that day: a task updated to ``done`` on 22/01 is
not done as of 10/01. The status of the last update dated on or before the day decides;
when every update is later, nothing had been recorded yet (``not_started``); a task
without any update keeps its recorded status, since nothing says when it was set. The
schedule's views and the plan's own measures (``plan_tasks_done_share``) both read it
here, so that ``status --as-of`` and ``kpi --as-of`` agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

__all__ = ["Step", "status_on"]

Step = tuple[date, str, float | None]
"""One progress update: (date, status, percent)."""


def status_on(status: str, updates: Iterable[Step], day: date) -> tuple[str, float | None]:
    """(status, percent) of a task as of ``day``; ``status`` is the recorded one."""
    latest: tuple[str, float | None] | None = None
    seen = False
    for on, step_status, percent in updates:
        seen = True
        if on <= day:
            latest = (step_status, percent)
    if latest is not None:
        return latest
    return ("not_started", None) if seen else (status, None)
