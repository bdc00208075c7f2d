"""Every reference to a unit, area, target or task names one that exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import N_, _
from cchc_cli.model.base import StrictModel
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.ids import IdKind, RefTo
from cchc_cli.suggest import did_you_mean, lookalike_letters

__all__ = ["check_references"]

_UNKNOWN: dict[IdKind, str] = {
    "unit": N_("unknown unit {id}{hint}"),
    "area": N_("unknown area {id}{hint}"),
    "target": N_("unknown target {id}{hint}"),
    "task": N_("unknown task {id}{hint}"),
    "duty": N_("unknown reporting duty {id}{hint}"),
    "legal_basis": N_("unknown legal basis {id}{hint}"),
    "plan": N_("unknown plan {id}{hint}"),
    "calendar": N_("unknown calendar {id}{hint}"),
    "dataset": N_("unknown dataset {id}{hint}"),
    "report": N_("unknown report text {id}{hint}"),
    "scorecard": N_("unknown scorecard {id}{hint}"),
}
"""What a reference names, per kind of id (a sentence each: word order differs)."""

_OWNER: dict[str, str] = {
    "task": N_("task {id}: {problem}"),
    "target": N_("target {id}: {problem}"),
    "duty": N_("reporting duty {id}: {problem}"),
}
"""The items whose references are said with their id first."""


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


def _owned(model: type[StrictModel], raw: dict[str, Any], message: str) -> str:
    """``task PL.3: unknown unit …``: the message said of the item that holds the reference."""
    kind: str = getattr(model, "id_kind", "")
    owner = raw.get(getattr(model, "id_field", "id"))
    if kind not in _OWNER or not isinstance(owner, str):
        return message
    return _(_OWNER[kind]).format(id=owner, problem=message[:1].lower() + message[1:])


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
                message = _(_UNKNOWN[kind]).format(id=quote(value), hint=did_you_mean(value, known))
                if letters:
                    message = _("{message}: it contains a lookalike letter ({letters})").format(
                        message=message, letters=letters
                    )
                yield Finding.error("unknown-ref", _owned(model, raw, message), where)
    tasks = draft.ids("task")
    for target in draft.targets:
        if target.ref.startswith("PL.") and target.ref not in tasks:
            yield Finding.error(
                "unknown-ref",
                _("target ref {ref} names an annex row that is not a task{hint}").format(
                    ref=quote(target.ref), hint=did_you_mean(target.ref, tasks)
                ),
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
                    _(
                        "{basis} is said to be cited in {place}, which is not a part of the "
                        "plan{hint}"
                    ).format(
                        basis=quote(basis.id), place=quote(place), hint=did_you_mean(place, places)
                    ),
                    meta.at("legal_bases", index, "cited_in", position),
                )
