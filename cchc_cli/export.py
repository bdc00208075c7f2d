"""The plan as JSON, in the same shape as the YAML files (one mapping of sections).

Lists keep the plan's order (files sorted by path, items in file order) and keys the
models' field order, so two exports of the same plan are byte-identical.
"""

from __future__ import annotations

import json
from typing import Any

from cchc_cli.model import SECTIONS, Plan, plan_file_schema

__all__ = ["plan_as_dict", "plan_as_json", "schema_as_json"]


def plan_as_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data; it validates against the plan-file schema again."""
    data = plan.model_dump(mode="json")
    data["plan"] = data.pop("meta")
    return {section: data[section] for section in SECTIONS}


def plan_as_json(plan: Plan, revision: dict[str, Any] | None = None) -> str:
    """The plan as JSON; with ``revision`` (the stamp), a last key ``revision`` says which
    commit it comes from (drop it to read the export as a plan file again)."""
    data = plan_as_dict(plan)
    if revision is not None:
        data["revision"] = revision
    return json.dumps(data, ensure_ascii=False, indent=2)


def schema_as_json() -> str:
    return json.dumps(plan_file_schema(), ensure_ascii=False, indent=2)
