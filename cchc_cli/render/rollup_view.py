"""``cchc rollup`` as text and as Markdown: one table per target, units and total."""

from __future__ import annotations

from cchc_cli.render.styles import clean, md_escape
from cchc_cli.services.rollup import RollupResult, RollupTarget, UnitFigure

__all__ = ["rollup_md", "rollup_text"]


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _value(figure: UnitFigure, target: RollupTarget) -> str:
    if target.qualitative:
        return clean(figure.evidence or "(no evidence named)")
    if figure.value is None:
        return (
            "cannot be added" if figure.unit == "total" and figure.numerator is None else "no data"
        )
    suffix = "%" if target.unit == "percent" else ""
    return f"{_number(figure.value)}{suffix}"


def _rows(target: RollupTarget) -> list[tuple[str, str, str, str]]:
    figures = [*target.units, *([target.total] if target.total else [])]
    return [
        (clean(f.unit), _number(f.numerator), _number(f.denominator), _value(f, target))
        for f in figures
    ]


def _head(result: RollupResult) -> list[str]:
    period = result.period
    lines = [
        f"rollup of {len(result.units)} unit plans ({', '.join(map(clean, result.units))}): "
        f"{clean(period.label)}, {period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}"
    ]
    if result.missing:
        lines.append(f"missing (no data for the period): {', '.join(map(clean, result.missing))}")
    return lines


def _progress(result: RollupResult) -> list[str]:
    return [
        f"  {clean(p.unit)}: "
        + (", ".join(f"{n} {status}" for status, n in p.tasks.items()) or "no tasks")
        for p in result.progress
    ]


def rollup_text(result: RollupResult) -> str:
    lines = _head(result)
    for target in result.targets:
        lines += ["", f"{clean(target.target)} ({target.measure}, {clean(target.threshold)})"]
        lines.append(f"  {'unit':<12} {'numerator':>12} {'denominator':>12}  value")
        lines.extend(f"  {u:<12} {n:>12} {d:>12}  {v}" for u, n, d, v in _rows(target))
    lines += ["", "tasks by status:", *_progress(result)]
    return "\n".join(lines)


def rollup_md(result: RollupResult) -> str:
    lines = [md_escape(line) for line in _head(result)]
    for target in result.targets:
        lines += [
            "",
            f"#### {md_escape(target.target)} "
            f"({md_escape(target.measure)}, {md_escape(target.threshold)})",
            "",
            "| unit | numerator | denominator | value |",
            "|---|---:|---:|---|",
        ]
        lines.extend(
            f"| {md_escape(u)} | {n} | {d} | {md_escape(v)} |" for u, n, d, v in _rows(target)
        )
    lines += [
        "",
        "Tasks by status:",
        "",
        *(f"-{md_escape(line[1:])}" for line in _progress(result)),
    ]
    return "\n".join(lines)
