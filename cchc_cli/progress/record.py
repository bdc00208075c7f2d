"""Recording progress on a task: one dated update appended to its YAML, safely.

The sequence guards the plan repository:

1. the plan must be valid, and the task must exist ("did you mean" otherwise);
2. the task's file must be writable, and editable without reformatting;
3. the update is appended (and the task's ``status`` set to match, which the validator
   expects) in ruamel round-trip mode: comments, key order and quotes stay;
4. the whole plan is validated again with the new text; an invalid result is refused
   with the reasons, and nothing is written;
5. if the file changed on disk since it was read, nothing is written;
6. the file is replaced atomically (temporary file, then rename); a plan file that is a
   link is written through it, to its target inside the plan directory.

All of it happens under an exclusive lock on the plan directory
(:func:`~cchc_cli.loading.write.plan_lock`): a second update of the same plan waits for
the first, then reads what the first wrote, so neither is lost; one that waits too long
is refused (exit 2). Temporary files left by a killed update are removed meanwhile.
"""

from __future__ import annotations

import math
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import FindingsError, UserError
from cchc_cli.i18n import _

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from cchc_cli.findings import Finding
    from cchc_cli.model import Plan, Task

__all__ = ["ProgressEntry", "RecordedUpdate", "find_task", "record_progress"]


@dataclass(frozen=True)
class ProgressEntry:
    """What the user reports; ``on`` defaults to today in the plan's time zone."""

    status: str
    percent: float | None = None
    note: str | None = None
    evidence: Sequence[str] = ()
    by: str | None = None
    on: date | None = None
    problem: str | None = None
    proposal: str | None = None

    def __post_init__(self) -> None:
        # NaN passes every range check (all comparisons are false): refuse it by name.
        if self.percent is not None and not (
            math.isfinite(self.percent) and 0 <= self.percent <= 100
        ):
            raise UserError(
                _("--percent {percent}: give how much is done as a number from 0 to 100").format(
                    percent=self.percent
                ),
                hint=_("e.g. --percent 40"),
            )


@dataclass(frozen=True)
class RecordedUpdate:
    path: Path
    task_id: str
    on: date
    previous_status: str
    status: str
    warnings: list[Finding] = field(default_factory=list)


def find_task(plan: Plan, task_id: str) -> Task:
    """The task with ``task_id`` (in NFC, as ids are read), or :class:`UserError` with a
    "did you mean"."""
    task_id = unicodedata.normalize("NFC", task_id)
    task = plan.tasks_by_id.get(task_id)
    if task is None:
        from cchc_cli.findings import quote
        from cchc_cli.suggest import did_you_mean

        raise UserError(
            _("unknown task id {id}{hint}").format(
                id=quote(task_id), hint=did_you_mean(task_id, plan.tasks_by_id)
            ),
            hint=_("`cchc deadlines` lists the tasks; ids are written like PL.1"),
        )
    return task


def _check_writable(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise UserError(
            _("cannot update '{path}': {reason}").format(path=path, reason=exc.strerror)
        ) from None
    # Mode bits, not os.access(): root may write anything, but a read-only plan file
    # is a decision someone made.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise UserError(
            _("cannot update '{path}': the file is read-only").format(path=path),
            hint=_("make it writable first (chmod u+w {path}) if it is meant to change").format(
                path=path
            ),
        )


def _scalar(value: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(value)


def _update_node(entry: ProgressEntry, on: date) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap()
    node["date"] = _scalar(on.isoformat())
    node["status"] = entry.status
    if entry.percent is not None:
        node["percent"] = (
            int(entry.percent) if entry.percent == int(entry.percent) else entry.percent
        )
    if entry.note:
        node["note"] = _scalar(entry.note)
    if entry.evidence:
        node["evidence"] = CommentedSeq(_scalar(item) for item in entry.evidence)
    if entry.by:
        node["by"] = _scalar(entry.by)
    if entry.problem:
        node["problem"] = _scalar(entry.problem)
    if entry.proposal:
        node["proposal"] = _scalar(entry.proposal)
    return node


def _position(mapping: CommentedMap, key: str, order: Sequence[str]) -> int:
    """Where ``key`` goes: after the last present key that the model puts before it."""
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(mapping.keys()):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    return position


def _apply(mapping: CommentedMap, entry: ProgressEntry, on: date) -> None:
    """Set the task's status and append the update, in the file's own style."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import ScalarString

    from cchc_cli.loading.roundtrip import append_item, insert_key
    from cchc_cli.model import Task

    order = list(Task.model_fields)
    current = mapping.get("status")
    if "status" in mapping:
        # Keep the quoting the file used for this value.
        style = type(current) if isinstance(current, ScalarString) else None
        mapping["status"] = style(entry.status) if style else entry.status
    else:
        insert_key(mapping, _position(mapping, "status", order), "status", entry.status)
    update = _update_node(entry, on)
    updates = mapping.get("updates")
    if isinstance(updates, CommentedSeq) and len(updates) and not updates.fa.flow_style():
        append_item(updates, update)
    elif "updates" in mapping:  # `updates: []` or empty: becomes a block list
        mapping["updates"] = CommentedSeq([update])
    else:
        insert_key(mapping, _position(mapping, "updates", order), "updates", CommentedSeq([update]))


def _task_node(data: Any, task_id: str) -> CommentedMap | None:
    tasks = data.get("tasks") if hasattr(data, "get") else None
    for node in tasks or []:
        if hasattr(node, "get") and unicodedata.normalize("NFC", str(node.get("id"))) == task_id:
            return node  # type: ignore[no-any-return]
    return None


def record_progress(
    plan_dir: Path,
    task_id: str,
    entry: ProgressEntry,
    *,
    today: date | None = None,
    lock_wait: float | None = None,
) -> RecordedUpdate:
    """Append ``entry`` to the task's updates in its plan file; see the module docstring."""
    from cchc_cli.loading.write import LOCK_WAIT_SECONDS, plan_lock

    with plan_lock(plan_dir, wait=LOCK_WAIT_SECONDS if lock_wait is None else lock_wait):
        return _record(plan_dir, task_id, entry, today)


def _link_target(path: Path, plan_dir: Path) -> Path:
    """The file to write: ``path`` itself, or the target of a link inside the plan."""
    if not path.is_symlink():
        return path
    from cchc_cli.loading.discover import outside_plan

    if outside_plan(path, plan_dir):
        raise UserError(
            _("cannot update '{path}': it is a link to a file outside the plan directory").format(
                path=path
            ),
            hint=_("put the file itself in the plan directory"),
        )
    return path.resolve()


def _record(
    plan_dir: Path, task_id: str, entry: ProgressEntry, today: date | None
) -> RecordedUpdate:
    from cchc_cli.dates import today_in
    from cchc_cli.loading import load_plan, require_plan
    from cchc_cli.loading.roundtrip import open_roundtrip
    from cchc_cli.loading.write import remove_leftovers, write_text_atomic

    plan = require_plan(plan_dir)[0]
    task = find_task(plan, task_id)
    task_id = task.id
    today = today or today_in(plan.calendar.timezone)
    on = entry.on or today
    if on > today:
        raise UserError(
            _(
                "--date {date} is in the future (today is {today}); record progress once it "
                "has happened"
            ).format(date=on.isoformat(), today=today.isoformat())
        )
    if task.updates and on < task.updates[-1].date:
        latest = task.updates[-1].date.isoformat()
        raise UserError(
            _(
                "task {id} already has an update of {latest}; updates are kept oldest first, "
                "so give --date {latest} or later"
            ).format(id=task_id, latest=latest)
        )
    if task.origin is None:  # pragma: no cover - tasks read from files always have one
        raise UserError(_("task {id} was not read from a file").format(id=task_id))
    source = task.origin.file
    path = _link_target(source, plan_dir)
    _check_writable(path)
    remove_leftovers(path)
    document = open_roundtrip(path)
    node = _task_node(document.data, task_id)
    if node is None:
        raise UserError(
            _("'{path}' changed while it was read: task {id} is gone; run again").format(
                path=path, id=task_id
            )
        )
    _apply(node, entry, on)
    text = document.dump()
    result = load_plan(plan_dir, overrides={path: text})
    errors = [finding for finding in result.findings if finding.is_error]
    if errors:
        raise FindingsError(
            _(
                "refused: with this update the plan would not be valid ({count} error(s)); "
                "'{file}' was not changed"
            ).format(count=len(errors), file=path.name),
            errors,
        )
    if document.changed_on_disk():
        raise UserError(
            _(
                "'{path}' was modified on disk while the update was being prepared; nothing "
                "was written"
            ).format(path=path),
            hint=_("run the command again to apply the update to the new content"),
        )
    write_text_atomic(path, text)
    # Warnings about the edited file only: the rest of the plan did not change.
    warnings = [f for f in result.findings if not f.is_error and f.is_open and f.file == source]
    return RecordedUpdate(source, task_id, on, task.status, entry.status, warnings)
