"""Warnings the plan acknowledges: ``accepted: {code: reason}`` on a target or a task.

A real plan may contradict itself on purpose (the signed 2024 plan sets three on-time
thresholds, II.6, II.8 and PL.10): the warning is right, and nothing in the YAML should
change, since the YAML keeps the signed text. The office says so once, on the item,
with a reason; ``cchc validate`` then counts the warning in its summary instead of
printing it every time.

* A warning is accepted when it points inside an item (a target or a task) whose
  ``accepted`` mapping names its code. Errors are never accepted.
* An entry that accepts no current warning of its item is a warning itself
  (``accepted-unused``): the contradiction was fixed, or the code misspelt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.model.base import Origin
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.targets import Target
from cchc_cli.model.tasks import Task
from cchc_cli.suggest import did_you_mean

__all__ = ["LATER_CODES", "apply_acceptances"]

LATER_CODES = frozenset({"parent-weaker"})
"""Warnings found outside loading (``cchc validate --parent``): their acknowledgements are
applied, and checked for staleness, only when those warnings are looked for."""


@dataclass(frozen=True, slots=True)
class _Entry:
    item: Target | Task
    origin: Origin
    code: str
    reason: str


def _entries(draft: PlanDraft, codes: Callable[[str], bool]) -> list[_Entry]:
    entries = []
    items: list[Target | Task] = [*draft.targets, *draft.tasks]
    for item in items:
        if item.origin is None:
            continue
        for code, reason in item.accepted.items():
            if codes(code):
                entries.append(_Entry(item, item.origin, code, reason))
    return entries


def _not_later(code: str) -> bool:
    return code not in LATER_CODES


def _inside(finding: Finding, origin: Origin) -> bool:
    found = finding.origin
    if found is None or found.file != origin.file:
        return False
    return found.path[: len(origin.path)] == origin.path


def _acceptance(finding: Finding, entries: Sequence[_Entry]) -> int | None:
    """The index of the entry that accepts ``finding`` (a warning), or None."""
    if finding.is_error:
        return None
    for index, entry in enumerate(entries):
        if entry.code == finding.code and _inside(finding, entry.origin):
            return index
    return None


def _what(item: Target | Task) -> str:
    if isinstance(item, Target):
        return _("target {id}").format(id=quote(item.id))
    return _("task {id}").format(id=quote(item.id))


def apply_acceptances(
    findings: Sequence[Finding], draft: PlanDraft, *, later: bool = False
) -> list[Finding]:
    """``findings`` with the warnings the plan accepts marked (``Finding.accepted``), and
    a warning for each acknowledgement that matches none.

    ``later``: ``findings`` are those of :data:`LATER_CODES` (found after loading), and
    only their acknowledgements count; otherwise those acknowledgements are left alone.
    """
    entries = _entries(draft, (lambda code: code in LATER_CODES) if later else _not_later)
    if not entries:
        return list(findings)
    used: set[int] = set()
    marked = []
    for finding in findings:
        index = _acceptance(finding, entries)
        if index is None:
            marked.append(finding)
        else:
            marked.append(finding.accept(entries[index].reason))
            used.add(index)
    codes = sorted({finding.code for finding in findings if not finding.is_error})
    for index, entry in enumerate(entries):
        if index in used:
            continue
        marked.append(
            Finding.warning(
                "accepted-unused",
                _(
                    "{item} accepts the warning {code}, but cchc finds no such warning "
                    "about it any more{hint}; remove the entry from 'accepted' (only "
                    "warnings can be accepted, never errors)"
                ).format(
                    item=_what(entry.item),
                    code=quote(entry.code),
                    hint=did_you_mean(entry.code, codes),
                ),
                entry.origin.child("accepted", entry.code),
                anchor="key",
            )
        )
    return marked
