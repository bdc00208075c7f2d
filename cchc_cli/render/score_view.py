"""``cchc score`` for people (text, Markdown) and for Excel (CSV)."""

from __future__ import annotations

import csv
import io

from cchc_cli.render.kpi_view import csv_cell
from cchc_cli.render.styles import clean
from cchc_cli.results.scores import IndicatorScore, Score, ScoreResult

__all__ = ["gap_sentence", "points", "score_csv", "score_markdown", "score_text"]

_COUNTED = {
    "on_time_handled_rate": "dossiers handled on time",
    "on_time_rate": "dossiers resolved on time",
    "early_rate": "dossiers resolved early",
    "online_full_share": "dossiers submitted fully online",
    "online_submitted_share": "dossiers submitted online",
    "online_payment_share": "fee-bearing dossiers paid online",
    "digitized_share": "dossiers digitised",
    "satisfaction_rate": "satisfied ratings",
}
"""What one more counted item is, per measure (others: "more counted items")."""


def points(value: float | None) -> str:
    """``18``, ``14.25`` or ``–``."""
    if value is None:
        return "–"
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def _earned(indicator: IndicatorScore) -> str:
    """Points earned; a partial score keeps its decimals (6.996 is not the full 7)."""
    if indicator.status == "partial" and indicator.earned is not None:
        return f"{indicator.earned:.2f}"
    return points(indicator.earned)


def _value(indicator: IndicatorScore) -> str:
    if indicator.value is None:
        return "no data"
    shown = f"{indicator.value:.2f}%"
    if indicator.numerator is not None and indicator.denominator is not None:
        shown += f" ({points(indicator.numerator)}/{points(indicator.denominator)})"
    return shown


def gap_sentence(indicator: IndicatorScore) -> str:
    """ "14 more dossiers handled on time would give the full 20 points", or ""."""
    if indicator.status != "partial" or not indicator.gap:
        return ""
    what = _COUNTED.get(indicator.measure, "counted items")
    return f"{indicator.gap:,} more {what} would give the full {points(indicator.points)} points"


def _total_line(score: Score) -> str:
    share = "" if score.share is None else f", {score.share:.2f} per 100 measurable"
    return (
        f"Total: {points(score.earned)} of {points(score.total)} points "
        f"(of {points(score.measurable)} points measurable{share})"
    )


def _breakdown_lines(result: ScoreResult) -> list[str]:
    if result.by is None:
        return []
    lines = [
        "",
        f"By {result.by}"
        + (" (ranked on points per 100 measurable)" if result.by == "unit" else ""),
    ]
    width = max([len(clean(row.label)) for row in result.rows] + [4])
    for rank, row in enumerate(result.rows, 1):
        score = row.score
        weakest = score.weakest()
        lead = f"{rank:>3}. " if result.by == "unit" else "  "
        share = "" if score.share is None else f" ({score.share:.2f} per 100)"
        tail = share + ("" if weakest is None else f"  weakest: {clean(weakest.id)}")
        lines.append(
            f"{lead}{clean(row.label):<{width}}  {points(score.earned):>6} of "
            f"{points(score.measurable):>3} measurable{tail}"
        )
    return lines


def score_text(result: ScoreResult) -> str:
    period, score = result.period, result.score
    lines = [
        f"{clean(result.title)} ({clean(result.scheme)})",
        f"{clean(result.plan)} · {period.label} ({period.text()}), as of {result.as_of:%d/%m/%Y}",
        f"Scheme: {clean(result.source)}",
    ]
    width = max(len(clean(i.id)) for i in score.indicators)
    for group in score.groups:
        lines += [
            "",
            f"{clean(group.title)} ({clean(group.id)}): "
            f"{points(group.earned)} of {points(group.points)} points"
            + (
                ""
                if group.measurable == group.points
                else f" (of {points(group.measurable)} measurable)"
            ),
        ]
        for indicator in group.indicators:
            line = (
                f"  {clean(indicator.id):<{width}}  {_value(indicator):<22} target "
                f"{points(indicator.target)}%  {_earned(indicator):>6} of "
                f"{points(indicator.points)}"
            )
            gap = gap_sentence(indicator)
            lines.append(line + (f"  — {gap}" if gap else ""))
    lines += ["", _total_line(score)]
    if score.no_data:
        lines.append(f"No data (not counted): {', '.join(clean(i) for i in score.no_data)}")
    for report in result.datasets:
        lines.append(
            f"dataset {clean(report.dataset)}: {report.rows:,} rows, {report.used:,} used, "
            f"{report.invalid:,} invalid, {report.duplicates:,} duplicate(s)"
        )
    return "\n".join([*lines, *_breakdown_lines(result)])


def _md(text: str) -> str:
    return clean(text).replace("|", "\\|")


def score_markdown(result: ScoreResult) -> str:
    score = result.score
    lines = [
        f"## {_md(result.title)} — {result.period.label}",
        "",
        "| Group | Indicator | Value | Target | Points | Gap to full points |",
        "|---|---|---:|---:|---:|---|",
    ]
    for group in score.groups:
        for indicator in group.indicators:
            lines.append(
                f"| {_md(group.title)} | {_md(indicator.title)} | {_value(indicator)} | "
                f"{points(indicator.target)}% | {_earned(indicator)} / "
                f"{points(indicator.points)} | {gap_sentence(indicator)} |"
            )
        lines.append(
            f"| **{_md(group.title)}** | | | | **{points(group.earned)} / "
            f"{points(group.points)}** | |"
        )
    lines += ["", f"**{_total_line(score)}**"]
    if result.by is not None:
        lines += [
            "",
            f"### By {result.by}",
            "",
            f"| # | {result.by} | Points | Measurable | Per 100 | Weakest |",
            "|--:|---|--:|--:|--:|---|",
        ]
        for rank, row in enumerate(result.rows, 1):
            weakest = row.score.weakest()
            share = "–" if row.score.share is None else f"{row.score.share:.2f}"
            lines.append(
                f"| {rank} | {_md(row.label)} | {points(row.score.earned)} | "
                f"{points(row.score.measurable)} | {share} | "
                f"{'' if weakest is None else _md(weakest.id)} |"
            )
    return "\n".join(lines)


_COLUMNS = (
    "group",
    "indicator",
    "measure",
    "numerator",
    "denominator",
    "value",
    "target",
    "points",
    "earned",
    "gap",
    "status",
)


def score_csv(result: ScoreResult) -> str:
    """One row per indicator (and per unit or month with ``--by``); UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([result.by or "period", *_COLUMNS])
    scored = [(result.period.label, result.score)]
    scored += [(row.key, row.score) for row in result.rows]
    for key, score in scored:
        for i in score.indicators:
            cells = (
                i.group,
                i.id,
                i.measure,
                i.numerator,
                i.denominator,
                i.value,
                i.target,
                i.points,
                i.earned,
                i.gap,
                i.status,
            )
            writer.writerow([csv_cell(key), *(csv_cell(cell) for cell in cells)])
        writer.writerow(
            [
                csv_cell(key),
                "total",
                "",
                "",
                "",
                "",
                "",
                "",
                score.total,
                score.earned,
                "",
                f"of {points(score.measurable)} measurable",
            ]
        )
    return "\ufeff" + out.getvalue().rstrip("\r\n")
