"""``cchc score`` for people (text, Markdown) and for Excel (CSV).

The text view speaks the language in use and fits the terminal. Indicators line up in
one table for all groups: id, value, target, points; an id is never split (cut with "…"
when the terminal is narrow, the first column to give up room). The gap to full points
goes on its own line under its indicator, wrapped at words. ``--by unit``: a table of
rank, unit name, points, measurable, points per 100 and weakest indicator; as the
terminal narrows, the unit name wraps at its words first, then the weakest indicator is
cut with "…". Lines of text (titles, totals, lists) wrap at words. CSV is for machines:
English headers and codes whatever the language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from cchc_cli.i18n import N_, _
from cchc_cli.render.fit import NBSP, Cell, Column, Fitted, Line, table, wrap
from cchc_cli.render.kpi_view import csv_cell, dataset_lines, period_label, period_text
from cchc_cli.render.styles import clean
from cchc_cli.results.scores import IndicatorScore, Score, ScoreResult, ScoreRow

__all__ = ["gap_sentence", "points", "score_csv", "score_lines", "score_markdown", "score_text"]

_COUNTED = {
    "on_time_handled_rate": N_("dossiers handled on time"),
    "on_time_rate": N_("dossiers resolved on time"),
    "early_rate": N_("dossiers resolved early"),
    "online_full_share": N_("dossiers submitted fully online"),
    "online_submitted_share": N_("dossiers submitted online"),
    "online_payment_share": N_("fee-bearing dossiers paid online"),
    "digitized_share": N_("dossiers digitised"),
    "satisfaction_rate": N_("satisfied ratings"),
}
"""What one more counted item is, per measure (others: "more counted items")."""


def points(value: float | None) -> str:
    """``18``, ``14,25`` (vi) / ``14.25`` (en), or ``–``."""
    from cchc_cli.i18n.forms import number

    if value is None:
        return "–"
    return number(value) if float(value).is_integer() else _fixed(value)


def _fixed(value: float) -> str:
    """Two decimals, as the language writes them: ``80,05`` (vi), ``80.05`` (en)."""
    from cchc_cli.i18n.forms import percent

    return percent(value, 2).removesuffix("%")


def _earned(indicator: IndicatorScore) -> str:
    """Points earned; a partial score keeps its decimals (6.996 is not the full 7)."""
    if indicator.status == "partial" and indicator.earned is not None:
        return _fixed(indicator.earned)
    return points(indicator.earned)


def _value(indicator: IndicatorScore) -> str:
    from cchc_cli.i18n.forms import percent

    if indicator.value is None:
        return _("no data")
    shown = percent(indicator.value)
    if indicator.numerator is not None and indicator.denominator is not None:
        shown += f" ({points(indicator.numerator)}/{points(indicator.denominator)})"
    return shown


def gap_sentence(indicator: IndicatorScore) -> str:
    """ "14 more dossiers handled on time would give the full 20 points", or ""."""
    if indicator.status != "partial" or not indicator.gap:
        return ""
    what = _(_COUNTED.get(indicator.measure, N_("counted items")))
    said = (
        _("{count} more {what} would give the full {points} point")
        if indicator.points == 1
        else _("{count} more {what} would give the full {points} points")
    )
    return said.format(count=points(indicator.gap), what=what, points=points(indicator.points))


def _total_line(score: Score) -> str:

    if score.share is None:
        return _("Total: {earned} of {total} points (of {measurable} points measurable)").format(
            earned=points(score.earned),
            total=points(score.total),
            measurable=points(score.measurable),
        )
    return _(
        "Total: {earned} of {total} points (of {measurable} points measurable, "
        "{share} per 100 measurable)"
    ).format(
        earned=points(score.earned),
        total=points(score.total),
        measurable=points(score.measurable),
        share=_fixed(score.share),
    )


def _group_line(
    group_title: str, group_id: str, earned: float, total: float, measurable: float
) -> str:
    if measurable == total:
        return _("{title} ({id}): {earned} of {points} points").format(
            title=clean(group_title),
            id=clean(group_id),
            earned=points(earned),
            points=points(total),
        )
    return _("{title} ({id}): {earned} of {points} points (of {measurable} measurable)").format(
        title=clean(group_title),
        id=clean(group_id),
        earned=points(earned),
        points=points(total),
        measurable=points(measurable),
    )


def _row_label(row: ScoreRow) -> str:
    """A unit's name; a month's label and days (``2024-M1 15/12/2023–14/01/2024``)."""
    if row.period is None:
        return clean(row.label)
    from cchc_cli.i18n.forms import span

    return f"{clean(row.label)} {span(row.period.start, row.period.end)}"


def _by_lines(result: ScoreResult, width: int) -> list[Line]:

    if result.by is None:
        return []
    ranked = result.by == "unit"
    title = _("By unit (ranked on points per 100 measurable)") if ranked else _("By month")
    lines: list[Line] = [""]
    lines += [[(line, "bold")] for line in wrap(title, width)]
    columns = [
        *([Column("#", "right")] if ranked else []),
        Column(_("unit") if ranked else _("month"), fit="wrap", least=12),
        Column(_("points"), "right"),
        Column(_("measurable"), "right"),
        Column(_("per 100"), "right"),
        Column(_("weakest"), fit="cut", least=10),
    ]
    rows: list[list[Cell]] = []
    for rank, row in enumerate(result.rows, 1):
        score = row.score
        weakest = score.weakest()
        rows.append(
            [
                *([f"{rank}."] if ranked else []),
                _row_label(row),
                points(score.earned),
                points(score.measurable),
                "–" if score.share is None else _fixed(score.share),
                "" if weakest is None else clean(weakest.id),
            ]
        )
    name = 1 if ranked else 0
    return lines + table(columns, rows, width, [name, len(columns) - 1])


def score_lines(result: ScoreResult, width: int) -> Iterator[Line]:
    """The score at ``width`` columns."""
    from cchc_cli.i18n.forms import day

    period, score = result.period, result.score
    head = wrap(f"{clean(result.title)} ({clean(result.scheme)})", width)
    yield [(head[0], "bold")]
    yield from head[1:]
    yield from wrap(
        _("{plan} · {period}, as of {day}").format(
            plan=clean(result.plan),
            period=period_text(period),
            day=day(result.as_of).replace(" ", NBSP),
        ),
        width,
    )
    yield from wrap(_("Scheme: {source}").format(source=clean(result.source)), width)
    columns = [
        Column("", fit="cut", least=12),
        Column(""),
        Column(""),
        Column("", "right"),
    ]
    rows: list[list[Cell]] = [
        [
            clean(i.id),
            _value(i),
            _("target {percent}").format(percent=points(i.target) + "%"),
            _("{earned} of {points}").format(earned=_earned(i), points=points(i.points)),
        ]
        for i in score.indicators
    ]
    laid = table(columns, rows, width, [0], indent="  ")[1:]
    at = 0
    for group in score.groups:
        yield ""
        yield from wrap(
            _group_line(group.title, group.id, group.earned, group.points, group.measurable),
            width,
        )
        for indicator in group.indicators:
            yield laid[at]
            at += 1
            gap = gap_sentence(indicator)
            if gap:
                yield from wrap("→ " + gap, width, "    ", "      ")
    yield ""
    yield from wrap(_total_line(score), width)
    if score.no_data:
        yield from wrap(
            _("No data (not counted): {ids}").format(
                ids=", ".join(clean(i) for i in score.no_data)
            ),
            width,
        )
    for report in result.datasets:
        yield from dataset_lines(report, width, None)
    yield from _by_lines(result, width)


def score_text(result: ScoreResult) -> Fitted:
    return Fitted(lambda width: score_lines(result, width))


def _md(text: str) -> str:
    return clean(text).replace("|", "\\|")


def score_markdown(result: ScoreResult) -> str:
    score = result.score
    lines = [
        f"## {_md(result.title)} — {_md(period_label(result.period))}",
        "",
        "| "
        + " | ".join(
            [
                _("Group"),
                _("Indicator"),
                _("Value"),
                _("Target"),
                _("Points"),
                _("Gap to full points"),
            ]
        )
        + " |",
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
            "### " + (_("By unit") if result.by == "unit" else _("By month")),
            "",
            "| # | "
            + " | ".join(
                [
                    _("unit") if result.by == "unit" else _("month"),
                    _("Points"),
                    _("Measurable"),
                    _("Per 100"),
                    _("Weakest"),
                ]
            )
            + " |",
            "|--:|---|--:|--:|--:|---|",
        ]
        for rank, row in enumerate(result.rows, 1):
            weakest = row.score.weakest()
            share = "–" if row.score.share is None else _fixed(row.score.share)
            lines.append(
                f"| {rank} | {_md(_row_label(row))} | {points(row.score.earned)} | "
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
                f"of {score.measurable:g} measurable",
            ]
        )
    return "\ufeff" + out.getvalue().rstrip("\r\n")
