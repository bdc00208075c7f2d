"""A unit's plan against its parent's: ``parent`` references resolve, and a unit's
target is not weaker than the department's target it contributes to."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.model.base import Origin, StrictModel
from cchc_cli.model.plan import Plan
from cchc_cli.model.targets import Target
from cchc_cli.model.tasks import Task
from cchc_cli.suggest import did_you_mean

__all__ = ["check_parent_references"]


def check_parent_references(plan: Plan, parent: Plan) -> Iterator[Finding]:
    """Findings about every ``parent`` of ``plan``'s tasks and targets."""
    from cchc_cli.vcs.classify import target_reason

    for task in plan.tasks:
        if task.parent is not None and task.parent not in parent.tasks_by_id:
            yield _unknown(task, task.parent, parent, list(parent.tasks_by_id))
    for target in plan.targets:
        if target.parent is None:
            continue
        mine = parent.targets_by_id.get(target.parent)
        if mine is None:
            yield _unknown(target, target.parent, parent, list(parent.targets_by_id))
            continue
        weaker = target_reason(mine.model_dump(), target.model_dump())
        if weaker is not None:
            yield Finding.warning(
                "parent-weaker",
                _(
                    "target {id} is weaker than its parent {parent} of {plan} ({why}); a "
                    "unit's commitment should be at least the department's — raise it, or "
                    "say why in 'note'"
                ).format(
                    id=quote(target.id),
                    parent=quote(mine.id),
                    plan=parent.meta.id,
                    why=weaker.removeprefix("target "),
                ),
                _origin(target, "value"),
            )


def _origin(item: StrictModel, field: str) -> Origin | None:
    return None if item._origin is None else item._origin.child(field)


def _unknown(item: Task | Target, ref: str, parent: Plan, known: list[str]) -> Finding:
    if item.id_kind == "task":
        text = _(
            "task {id}: parent {ref} is not a task of the parent plan {plan}{hint}; use the "
            "parent's id or remove 'parent'"
        )
    else:
        text = _(
            "target {id}: parent {ref} is not a target of the parent plan {plan}{hint}; use "
            "the parent's id or remove 'parent'"
        )
    return Finding.error(
        "parent-unknown",
        text.format(
            id=quote(item.id), ref=quote(ref), plan=parent.meta.id, hint=did_you_mean(ref, known)
        ),
        _origin(item, "parent"),
    )
