"""Every reference to a unit, area, target or task names one that exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from cchc_cli.findings import Finding
from cchc_cli.model.base import StrictModel
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.ids import IdKind
from cchc_cli.suggest import did_you_mean

__all__ = ["check_references"]

_NOUN: dict[IdKind, str] = {"unit": "unit", "area": "area", "target": "target", "task": "task"}


def _refs(
    owner: StrictModel,
    field: str,
    values: Sequence[str],
    kind: IdKind,
    known: Iterable[str],
) -> Iterator[Finding]:
    names = list(known)
    present = set(names)
    for index, value in enumerate(values):
        if value not in present:
            yield Finding.error(
                "unknown-ref",
                f"unknown {_NOUN.get(kind, kind)} '{value}'{did_you_mean(value, names)}",
                owner.at(field, index),
            )


def check_references(draft: PlanDraft) -> Iterator[Finding]:
    units = draft.ids("unit")
    areas = draft.ids("area")
    targets = draft.ids("target")
    tasks = draft.ids("task")
    for task in draft.tasks:
        yield from _refs(task, "lead", task.lead, "unit", units)
        yield from _refs(task, "coordinators", task.coordinators, "unit", units)
        yield from _refs(task, "areas", task.areas, "area", areas)
        yield from _refs(task, "targets", task.targets, "target", targets)
    for duty in draft.duties:
        for field in ("senders", "receivers", "forward_to"):
            yield from _refs(duty, field, getattr(duty, field), "unit", units)
    for target in draft.targets:
        if target.ref.startswith("PL.") and target.ref not in tasks:
            yield Finding.error(
                "unknown-ref",
                f"target ref '{target.ref}' names an annex row that is not a task"
                f"{did_you_mean(target.ref, tasks)}",
                target.at("ref"),
            )
    yield from _citations(draft)


def _citations(draft: PlanDraft) -> Iterator[Finding]:
    """``cited_in`` of legal bases names places that exist in the document."""
    meta = draft.meta
    if meta is None:
        return
    places = {"preamble", *draft.ids("area"), *draft.ids("task")}
    places.update(target.ref for target in draft.targets)
    places.update(
        paragraph.id
        for paragraph in (*meta.purposes, *meta.funding, *meta.general_duties, *meta.closing)
        if paragraph.id
    )
    places.update(unit.responsibilities.ref for unit in draft.units if unit.responsibilities)
    for index, basis in enumerate(meta.legal_bases):
        for position, place in enumerate(basis.cited_in):
            if place not in places:
                yield Finding.error(
                    "unknown-ref",
                    f"'{basis.id}' is said to be cited in '{place}', which is not a part of "
                    f"the plan{did_you_mean(place, places)}",
                    meta.at("legal_bases", index, "cited_in", position),
                )
