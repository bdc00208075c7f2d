"""Progress records hold together: a done task shows evidence, updates agree with status."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft

__all__ = ["check_progress"]


def check_progress(draft: PlanDraft) -> Iterator[Finding]:
    for task in draft.tasks:
        if task.status == "done" and not task.evidence:
            yield Finding.error(
                "done-without-evidence",
                _(
                    "task {id} is done but no update gives evidence; add an update with "
                    "'evidence' (a document number, a link) — e.g. "
                    "cchc task update {id} --status done --evidence '…'"
                ).format(id=task.id),
                task.at("status"),
            )
        if not task.updates:
            continue
        latest = task.updates[-1]
        if latest.status != task.status:
            yield Finding.warning(
                "status-mismatch",
                _(
                    "task {id} has status '{status}' but its latest update ({date}) says '{latest}'"
                ).format(
                    id=task.id,
                    status=task.status,
                    date=latest.date.isoformat(),
                    latest=latest.status,
                ),
                task.at("status"),
            )
        for index in range(1, len(task.updates)):
            if task.updates[index].date < task.updates[index - 1].date:
                yield Finding.warning(
                    "updates-out-of-order",
                    _(
                        "task {id}: updates should be oldest first, but this one ({date}) is "
                        "older than the one before"
                    ).format(id=task.id, date=task.updates[index].date.isoformat()),
                    task.at("updates", index, "date"),
                )
