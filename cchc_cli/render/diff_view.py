"""``cchc diff`` as text for the terminal and as Markdown for a pull-request comment.

The text view speaks the language in use and fits the terminal: every line wraps at
spaces (an id, a file or a field name is never split), continuation lines indented
under their line; a word longer than a line is cut with "…". Nothing is dropped at any
width. The Markdown is for pull requests: its words follow the language in use, the
field names and values stay as the plan writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cchc_cli.i18n import N_, _
from cchc_cli.render.fit import Fitted, Line, wrap
from cchc_cli.render.registry import Output
from cchc_cli.render.styles import clean, md_escape
from cchc_cli.results.changes import Breaking, FieldChange, ItemChange, describe
from cchc_cli.services.diff import DiffResult

__all__ = [
    "breaking_line",
    "change_word",
    "diff_lines",
    "diff_md",
    "diff_text",
    "field_line",
    "kind_word",
    "summary_line",
]

_SIGN = {"added": "+", "removed": "-", "modified": "~", "moved": ">"}
_SHOWN = 120
"""Characters of a value shown; longer ones are cut (long texts show a word diff)."""

_KINDS: dict[str, str] = {
    "plan": N_("plan"),
    "unit": N_("unit"),
    "area": N_("area"),
    "target": N_("target"),
    "task": N_("task"),
    "duty": N_("duty"),
    "dataset": N_("dataset"),
    "report": N_("report"),
}
_CHANGES: dict[str, str] = {
    "added": N_("added"),
    "removed": N_("removed"),
    "modified": N_("modified"),
    "moved": N_("moved"),
}


def kind_word(kind: str) -> str:
    """``task`` → ``nhiệm vụ``: the kind of an item, in the language in use."""
    return _(_KINDS[kind]) if kind in _KINDS else kind


def change_word(change: str) -> str:
    """``added`` → ``thêm mới``."""
    return _(_CHANGES[change]) if change in _CHANGES else change


def _show(value: Any) -> str:
    if value is None:
        return _("(none)")
    if isinstance(value, float):
        return f"{value:g}"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = clean(" ".join(text.split()))
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def field_line(change: FieldChange) -> str:
    """``value: 95 → 90`` (or the word diff of a long text): values as the plan has them."""
    if change.words is not None:
        return f"{change.field}: {clean(change.words)}"
    return f"{change.field}: {_show(change.before)} → {_show(change.after)}"


def breaking_line(reason: Breaking) -> str:
    """``BREAKING: target lowered: > 95 → > 90``."""
    return _("BREAKING: {reason}").format(reason=clean(describe(reason)))


def summary_line(result: DiffResult) -> str:
    """``3 changes (2 breaking): HEAD~1 (…) → HEAD (…)``."""
    count = len(result.changes)
    said = (
        _("{count} change ({breaking} breaking): {before} → {after}")
        if count == 1
        else _("{count} changes ({breaking} breaking): {before} → {after}")
    )
    return said.format(
        count=count,
        breaking=result.breaking,
        before=clean(_side(result.before.name)),
        after=clean(_side(result.after.name)),
    )


def _side(name: str) -> str:
    """A side's name; the words cchc gives it in the language in use."""
    if name == "working tree":
        return _("working tree")
    if name.startswith("merge-base of HEAD and "):
        rest = name.removeprefix("merge-base of HEAD and ")
        branch, _space, commit = rest.partition(" ")
        return _("merge-base of HEAD and {branch}").format(branch=branch) + (
            f" {commit}" if commit else ""
        )
    return name


def _problems(result: DiffResult) -> list[str]:
    lines: list[str] = []
    for side in (result.before, result.after):
        lines.extend(clean(problem) for problem in side.problems)
    return lines


def _item_head(change: ItemChange) -> str:
    return _("{sign} {kind} {id} ({change}, {file})").format(
        sign=_SIGN[change.change],
        kind=kind_word(change.kind),
        id=clean(change.id),
        change=change_word(change.change),
        file=clean(change.file),
    )


def diff_lines(result: DiffResult, width: int) -> Iterator[Line]:
    """The diff at ``width`` columns."""
    yield from wrap(summary_line(result), width)
    for change in result.changes:
        yield from wrap(_item_head(change), width, "", "    ")
        for reason in change.breaking:
            yield from ([(line, "bold")] for line in wrap(breaking_line(reason), width, "    "))
        for field in change.fields:
            yield from wrap(field_line(field), width, "    ", "      ")
    if not result.changes:
        yield _("no change to the plan's items")
    if result.moved:
        moved = _("moved to another file (no change): {items}").format(
            items=", ".join(_moved(item) for item in result.moved)
        )
        yield from wrap(moved, width)


def _moved(item: str) -> str:
    kind, _space, ident = item.partition(" ")
    return f"{kind_word(kind)} {clean(ident)}"


def diff_text(result: DiffResult) -> Output:
    problems = _problems(result)
    err = None
    if problems:
        err = (
            _("could not read everything (the diff covers the rest):") + "\n" + "\n".join(problems)
        )
    return Output(Fitted(lambda width: diff_lines(result, width)), err)


def _md_cell(text: str) -> str:
    return md_escape(" ".join(clean(text).split()))


def diff_md(result: DiffResult) -> str:
    """A pull-request comment: a summary line, a table, details collapsed."""
    mark = " ⚠️" if result.breaking else ""
    lines = [f"**cchc diff**{mark}: {_md_cell(summary_line(result))}", ""]
    if result.changes:
        head = _("Item"), _("Change"), _("Breaking")
        lines += [f"| | {head[0]} | {head[1]} | {head[2]} |", "|---|---|---|---|"]
        for change in result.changes:
            what = "; ".join(field.field for field in change.fields) or change_word(change.change)
            breaking = (
                _("**yes**: {reasons}").format(
                    reasons=_md_cell("; ".join(describe(r) for r in change.breaking))
                )
                if change.breaking
                else ""
            )
            lines.append(
                f"| {_SIGN[change.change]} | {kind_word(change.kind)} `{_md_cell(change.id)}` "
                f"| {_md_cell(what)} | {breaking} |"
            )
        lines += ["", "<details><summary>" + _("Field by field") + "</summary>", ""]
        for change in result.changes:
            lines.append(
                f"- {change_word(change.change)} {kind_word(change.kind)} "
                f"`{_md_cell(change.id)}` ({_md_cell(change.file)})"
            )
            lines.extend(f"  - {_md_cell(field_line(field))}" for field in change.fields)
        lines += ["", "</details>"]
    else:
        lines.append(_("No change to the plan's items."))
    if result.moved:
        moved = ", ".join(_moved(item) for item in result.moved)
        lines += ["", _("Moved to another file (no change): {items}").format(items=_md_cell(moved))]
    problems = _problems(result)
    if problems:
        lines += ["", _("Could not read everything (the diff covers the rest):"), ""]
        lines.extend(f"- {_md_cell(problem)}" for problem in problems)
    return "\n".join(lines)
