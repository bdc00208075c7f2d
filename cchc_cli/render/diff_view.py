"""``cchc diff`` as text for the terminal and as Markdown for a pull-request comment."""

from __future__ import annotations

import json
from typing import Any

from cchc_cli.render.registry import Output
from cchc_cli.render.styles import clean, md_escape
from cchc_cli.results.changes import FieldChange, ItemChange
from cchc_cli.services.diff import DiffResult

__all__ = ["diff_md", "diff_text", "field_line", "summary_line"]

_SIGN = {"added": "+", "removed": "-", "modified": "~"}
_SHOWN = 120
"""Characters of a value shown; longer ones are cut (long texts show a word diff)."""


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return f"{value:g}"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = clean(" ".join(text.split()))
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def field_line(change: FieldChange) -> str:
    """``value: 95 → 90`` (or the word diff of a long text)."""
    if change.words is not None:
        return f"{change.field}: {clean(change.words)}"
    return f"{change.field}: {_show(change.before)} → {_show(change.after)}"


def summary_line(result: DiffResult) -> str:
    """``3 changes (2 breaking): HEAD~1 (…) → HEAD (…)``."""
    count = len(result.changes)
    noun = "change" if count == 1 else "changes"
    return (
        f"{count} {noun} ({result.breaking} breaking): "
        f"{clean(result.before.name)} → {clean(result.after.name)}"
    )


def _problems(result: DiffResult) -> list[str]:
    lines: list[str] = []
    for side in (result.before, result.after):
        lines.extend(clean(problem) for problem in side.problems)
    return lines


def _item_head(change: ItemChange) -> str:
    where = f"({change.change}, {clean(change.file)})"
    head = f"{_SIGN[change.change]} {change.kind} {clean(change.id)} {where}"
    return head + "".join(f"\n    BREAKING: {clean(reason)}" for reason in change.breaking)


def diff_text(result: DiffResult) -> Output:
    lines = [summary_line(result)]
    for change in result.changes:
        lines.append(_item_head(change))
        lines.extend(f"    {field_line(field)}" for field in change.fields)
    if not result.changes:
        lines.append("no change to the plan's items")
    if result.moved:
        lines.append("moved to another file (no change): " + ", ".join(map(clean, result.moved)))
    problems = _problems(result)
    err = None
    if problems:
        err = "could not read everything (the diff covers the rest):\n" + "\n".join(problems)
    return Output("\n".join(lines), err, soft_wrap=True)


def _md_cell(text: str) -> str:
    return md_escape(" ".join(clean(text).split()))


def diff_md(result: DiffResult) -> str:
    """A pull-request comment: a summary line, a table, details collapsed."""
    mark = " ⚠️" if result.breaking else ""
    lines = [f"**cchc diff**{mark}: {_md_cell(summary_line(result))}", ""]
    if result.changes:
        lines += ["| | Item | Change | Breaking |", "|---|---|---|---|"]
        for change in result.changes:
            what = "; ".join(field.field for field in change.fields) or change.change
            breaking = "**yes**: " + _md_cell("; ".join(change.breaking)) if change.breaking else ""
            lines.append(
                f"| {_SIGN[change.change]} | {change.kind} `{_md_cell(change.id)}` "
                f"| {_md_cell(what)} | {breaking} |"
            )
        lines += ["", "<details><summary>Field by field</summary>", ""]
        for change in result.changes:
            lines.append(
                f"- {change.change} {change.kind} `{_md_cell(change.id)}` ({_md_cell(change.file)})"
            )
            lines.extend(f"  - {_md_cell(field_line(field))}" for field in change.fields)
        lines += ["", "</details>"]
    else:
        lines.append("No change to the plan's items.")
    if result.moved:
        lines += ["", "Moved to another file (no change): " + _md_cell(", ".join(result.moved))]
    problems = _problems(result)
    if problems:
        lines += ["", "Could not read everything (the diff covers the rest):", ""]
        lines.extend(f"- {_md_cell(problem)}" for problem in problems)
    return "\n".join(lines)
