"""``cchc status`` for people: the dashboard as a rich renderable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.dates import WEEKDAYS, format_day
from cchc_cli.render.agenda_tables import items_table, send_by_note
from cchc_cli.render.styles import STATE_LABEL, STATE_STYLE, clean
from cchc_cli.render.targets_panel import targets_panel
from cchc_cli.schedule.state import ItemState
from cchc_cli.services.status import ScoreLine, StatusResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["status_text"]


def _next_report(item: ItemState | None) -> RenderableType:
    from rich.text import Text

    text = Text()
    text.append("Next report: ", style="bold")
    if item is None or item.occurrence is None:
        text.append("none left this year", style="dim")
        return text
    occurrence = item.occurrence
    period = f" {occurrence.period}" if occurrence.period else ""
    text.append(f"{clean(item.title)}{period}", style="bold")
    text.append(f" — due {occurrence.text()}")
    if item.data_period is not None:
        text.append(f"\n  data period {item.data_period.text()}")
    note = send_by_note(item)
    if note is not None:
        text.append(f"\n  {note}")
    return text


def _score_line(score: ScoreLine) -> RenderableType:
    from rich.text import Text

    def points(value: float | None) -> str:
        return "–" if value is None else f"{value:g}"

    text = Text(f"Score ({clean(score.scheme)}): ", style="bold")
    text.append(
        f"{points(score.earned)} of {points(score.total)} "
        f"(of {points(score.measurable)} measurable)"
    )
    if score.weakest is not None:
        text.append(
            f" · weakest: {clean(score.weakest)}, {points(score.weakest_earned)} of "
            f"{points(score.weakest_points)}"
        )
    return text


def status_text(result: StatusResult) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    as_of = result.as_of
    header = Text()
    header.append(clean(result.plan.title), style="bold")
    header.append(f"\nAs of {format_day(as_of)} ({WEEKDAYS[as_of.weekday()]})", style="bold")
    if result.unit:
        header.append(f" · unit {clean(result.unit)}")
    header.append(f"\nPlan {clean(result.plan.id)} · revision {clean(result.revision.text)}")
    header.append(f" · due soon = within {result.horizon_days} days")
    counts = Text("Tasks: ", style="bold")
    shown = [state for state, count in result.counts.items() if count or state != "cancelled"]
    for index, state in enumerate(shown):
        if index:
            counts.append(" · ")
        counts.append(f"{result.counts[state]} {STATE_LABEL[state]}", style=STATE_STYLE[state])
    parts: list[RenderableType] = [Panel(header, title="cchc status", title_align="left"), counts]
    for title, items in (
        ("Overdue", result.overdue),
        (f"Due soon (within {result.horizon_days} days)", result.due_soon),
    ):
        parts.append(Text(f"\n{title}", style="bold"))
        parts.append(items_table(items) if items else Text("  none", style="dim"))
    parts += [Text(""), _next_report(result.next_report), Text(""), targets_panel(result.targets)]
    if result.score is not None:
        parts += [Text(""), _score_line(result.score)]
    return Group(*parts)
