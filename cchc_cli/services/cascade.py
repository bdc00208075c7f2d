"""A unit's plan cascaded from its department's: the unit's responsibilities from V.2,
the tasks it leads or coordinates and the targets they serve, each with a ``parent``
reference back to the department's plan."""

from __future__ import annotations

from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.model.plan import Plan
from cchc_cli.suggest import did_you_mean

__all__ = ["cascade_sections", "skeleton_sections"]

_PLACEHOLDER = "(điền sau)"


def _dump(item: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return data


def _meta(code: str, name: str, year: int, parent: dict[str, Any] | None) -> dict[str, Any]:
    place = parent["document"]["place"] if parent else _PLACEHOLDER
    parent_body = parent["issuing_body"] if parent else {"name": _PLACEHOLDER}
    preamble = (
        f"Thực hiện Kế hoạch {parent['document']['symbol']} của {parent['issuing_body']['name']}."
        if parent
        else _PLACEHOLDER
    )
    return {
        "id": f"{code.lower()}-cchc-{year}",
        "year": year,
        "title": f"Kế hoạch cải cách hành chính năm {year} của {name}",
        "parent_body": parent_body,
        "issuing_body": {"name": name, "short_name": code},
        "document": {"type": "Kế hoạch", "symbol": f"KH-{code}", "place": place},
        "preamble": preamble,
        "signer": {"authority": "THỦ TRƯỞNG ĐƠN VỊ", "title": _PLACEHOLDER, "name": _PLACEHOLDER},
    }


def skeleton_sections(code: str, year: int) -> dict[str, dict[str, Any]]:
    """A valid empty plan: file name → its sections."""
    unit = {"code": code, "name": f"Đơn vị {code}", "kind": "office"}
    return {
        "plan.yaml": {"plan": _meta(code, unit["name"], year, None)},
        "units.yaml": {"units": [unit]},
        "tasks.yaml": {"tasks": []},
        "targets.yaml": {"targets": []},
    }


def _without_accepted(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "accepted"}


def cascade_sections(parent: Plan, code: str, year: int | None) -> dict[str, dict[str, Any]]:
    """The unit ``code``'s plan from ``parent``: file name → its sections."""
    unit = parent.units_by_code.get(code)
    if unit is None:
        raise UserError(
            _("unit {code} is not in the plan {plan}{hint}").format(
                code=repr(code), plan=parent.meta.id, hint=did_you_mean(code, parent.units_by_code)
            ),
            hint=_("--unit takes a unit code of the parent plan's units.yaml (VP, TCCB…)"),
        )
    tasks = [task for task in parent.tasks if code in task.lead or code in task.coordinators]
    target_ids = list(dict.fromkeys(ident for task in tasks for ident in task.targets))
    area_refs = {ref for task in tasks for ref in task.areas}
    codes = list(dict.fromkeys([code] + [c for t in tasks for c in (*t.lead, *t.coordinators)]))
    own_tasks = []
    for task in tasks:
        data = _dump(task)
        data.pop("updates", None)
        data.pop("status", None)
        # The parent's acknowledged warnings are about the parent's plan: the unit's plan
        # starts with none (what it contradicts, it says for itself).
        data.pop("accepted", None)
        own_tasks.append({**data, "parent": task.id})
    targets = [
        {**_without_accepted(_dump(parent.targets_by_id[ident])), "parent": ident}
        for ident in target_ids
        if ident in parent.targets_by_id
    ]
    areas = [
        _dump(area)
        for area in parent.areas
        if area.id in area_refs or any(item.id in area_refs for item in area.items)
    ]
    meta = _meta(code, unit.name, year or parent.year, _dump(parent.meta))
    sections: dict[str, dict[str, Any]] = {
        "plan.yaml": {"plan": meta},
        "units.yaml": {"units": [_dump(parent.units_by_code[c]) for c in codes]},
        "areas.yaml": {"areas": areas},
        "tasks.yaml": {"tasks": own_tasks},
        "targets.yaml": {"targets": targets},
    }
    if parent.calendar.model_fields_set:
        sections["calendar.yaml"] = {"calendar": _dump(parent.calendar)}
    return sections
