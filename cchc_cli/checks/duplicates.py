"""Every id is declared once, across all files; a plan has one ``plan`` section."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cchc_cli.findings import Finding, quote
from cchc_cli.model.draft import PlanDraft

__all__ = ["check_duplicate_ids", "check_sections_present"]

_WHAT = {
    "unit": "unit code",
    "area": "area id",
    "target": "target id",
    "task": "task id",
    "duty": "duty id",
    "plan": "'plan' section",
    "calendar": "'calendar' section",
    "dataset": "dataset id",
}


def check_duplicate_ids(draft: PlanDraft) -> Iterator[Finding]:
    """A second declaration of an id is an error that points back at the first."""
    for kind, declared in draft.declared.items():
        what = _WHAT.get(kind, kind)
        for ident, origins in declared.items():
            first = origins[0]
            for again in origins[1:]:
                label = what if kind in ("plan", "calendar") else f"{what} {quote(ident)}"
                yield Finding.error(
                    "duplicate-id",
                    f"duplicate {label}: already defined at {draft.where(first)}; "
                    "give it another id or remove one of them",
                    again,
                )


def check_sections_present(draft: PlanDraft, plan_dir: Path) -> Iterator[Finding]:
    """A plan needs its metadata (the ``plan`` section) somewhere."""
    if "plan" not in draft.declared:
        yield Finding.error(
            "missing-plan-section",
            "no file holds the 'plan' section (title, year, issuing body…); "
            "add a plan.yaml with a 'plan:' mapping",
            file=plan_dir,
        )
