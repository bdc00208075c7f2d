"""Every reference to a unit, area, target or task names one that exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cchc_cli.findings import Finding, quote
from cchc_cli.model.base import StrictModel
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.ids import IdKind, RefTo
from cchc_cli.suggest import did_you_mean, lookalike_letters

__all__ = ["check_references"]


def _reference_fields(model: type[StrictModel]) -> list[tuple[str, IdKind]]:
    """The fields of ``model`` marked ``RefTo(kind)``."""
    return [
        (name, marker.kind)
        for name, info in model.model_fields.items()
        for marker in info.metadata
        if isinstance(marker, RefTo)
    ]


def _values(raw: Any) -> list[tuple[int | None, str]]:
    """(index, value) of the id strings in a raw field: one string or a list of them."""
    if isinstance(raw, str):
        return [(None, raw)]
    if isinstance(raw, list):
        return [(index, value) for index, value in enumerate(raw) if isinstance(value, str)]
    return []


def check_references(draft: PlanDraft) -> Iterator[Finding]:
    """Every ``RefTo`` field of every item names a declared id.

    Works on the items as read, so a task that fails its schema for one field still has
    its references checked: all problems are reported in one run.
    """
    fields_of: dict[type[StrictModel], list[tuple[str, IdKind]]] = {}
    for model, origin, raw in draft.raw_items:
        if model not in fields_of:
            fields_of[model] = _reference_fields(model)
        for name, kind in fields_of[model]:
            known = draft.ids(kind)
            for index, value in _values(raw.get(name)):
                if value in known:
                    continue
                where = origin.child(name) if index is None else origin.child(name, index)
                letters = lookalike_letters(value)
                yield Finding.error(
                    "unknown-ref",
                    f"unknown {kind} {quote(value)}{did_you_mean(value, known)}"
                    + (f": it contains a lookalike letter ({letters})" if letters else ""),
                    where,
                )
    tasks = draft.ids("task")
    for target in draft.targets:
        if target.ref.startswith("PL.") and target.ref not in tasks:
            yield Finding.error(
                "unknown-ref",
                f"target ref {quote(target.ref)} names an annex row that is not a task"
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
                    f"{quote(basis.id)} is said to be cited in {quote(place)}, which is not a "
                    f"part of the plan{did_you_mean(place, places)}",
                    meta.at("legal_bases", index, "cited_in", position),
                )
