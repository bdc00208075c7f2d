"""A unit's plan against its parent's: ``parent`` references resolve, and a unit's
target is not weaker than the department's target it contributes to."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
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
                f"target {quote(target.id)} is weaker than its parent {quote(mine.id)} of "
                f"{parent.meta.id} ({weaker.removeprefix('target ')}); a unit's commitment "
                "should be at least the department's — raise it, or say why in 'note'",
                _origin(target, "value"),
            )


def _origin(item: StrictModel, field: str) -> Origin | None:
    return None if item._origin is None else item._origin.child(field)


def _unknown(item: Task | Target, ref: str, parent: Plan, known: list[str]) -> Finding:
    kind, ident = item.id_kind, item.id
    return Finding.error(
        "parent-unknown",
        f"{kind} {quote(ident)}: parent {quote(ref)} is not a {kind} of the parent plan "
        f"{parent.meta.id}{did_you_mean(ref, known)}; use the parent's id or remove 'parent'",
        _origin(item, "parent"),
    )
