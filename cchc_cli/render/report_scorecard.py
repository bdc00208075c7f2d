"""The report's scorecard section: the QĐ 766 score of the period, in Vietnamese.

What the templates print under ``scorecard`` (None when the plan holds no scheme), and
the numbers of its chart — points per group against the maximum — under
``charts.scorecard``.
"""

from __future__ import annotations

from typing import Any, cast

from cchc_cli.i18n import vi
from cchc_cli.results.scores import IndicatorScore, Score
from cchc_cli.services.report import ReportResult

__all__ = ["scorecard_chart_rows", "scorecard_context"]


def _labels() -> dict[str, str]:
    return cast("dict[str, str]", vi.LABELS["scorecard"])


def _indicator(indicator: IndicatorScore) -> dict[str, Any]:
    gap = ""
    if indicator.status == "partial" and indicator.gap:
        gap = _labels()["gap_line"].format(count=vi.number(indicator.gap))
    value = vi.percent(indicator.value)
    if indicator.numerator is not None and indicator.denominator is not None:
        value += f" ({vi.number(indicator.numerator)}/{vi.number(indicator.denominator)})"
    return {
        "id": indicator.id,
        "title": indicator.title,
        "value": value if indicator.value is not None else vi.TARGET_STATUS["no_data"],
        "target": vi.percent(indicator.target),
        "points": f"{vi.number(indicator.earned)} / {vi.number(indicator.points)}",
        "gap": gap,
    }


def scorecard_context(result: ReportResult) -> dict[str, Any] | None:
    """The scorecard as the templates print it, or None without one."""
    score: Score | None = result.scorecard
    if score is None:
        return None
    labels = _labels()
    no_data = [i.title for i in score.indicators if i.status == "no_data"]
    groups: list[dict[str, Any]] = [
        {
            "title": group.title,
            "points": f"{vi.number(group.earned)} / {vi.number(group.points)}",
            "indicators": [_indicator(indicator) for indicator in group.indicators],
        }
        for group in score.groups
    ]
    # One row per indicator, the group named on its first (for the Word table's loop).
    rows = [
        {**indicator, "group": f"{group['title']} ({group['points']})" if index == 0 else ""}
        for group in groups
        for index, indicator in enumerate(group["indicators"])
    ]
    return {
        "source": result.scorecard_source or "",
        "groups": groups,
        "rows": rows,
        "total": labels["total"].format(
            earned=vi.number(score.earned),
            total=vi.number(score.total),
            measurable=vi.number(score.measurable),
        ),
        "no_data": labels["no_data"].format(items="; ".join(no_data)) if no_data else "",
    }


def scorecard_chart_rows(result: ReportResult) -> list[dict[str, Any]]:
    """Per group: its title, the points earned and the maximum (for the chart)."""
    if result.scorecard is None:
        return []
    return [
        {"label": group.title, "earned": group.earned, "points": group.points}
        for group in result.scorecard.groups
    ]
