"""``cchc status`` for people: the dashboard as a rich renderable.

Every line wraps at spaces; the tables fit the terminal as
:mod:`~cchc_cli.render.agenda_tables` (tasks and duties: What wraps, then units go from
names to codes at 100 columns, then the Who column goes below 72) and
:mod:`~cchc_cli.render.targets_panel` (Status wraps, then Measure is shortened with "…")
say. When the plan's year is over the dashboard says so and points to the year-end
views instead of counting working days late into the next year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.i18n import _
from cchc_cli.i18n.forms import day, number, span, weekday
from cchc_cli.render.agenda_tables import (
    Fitted,
    deadline_text,
    items_table,
    paragraph,
    period_label,
    pieces_line,
    send_by_note,
)
from cchc_cli.render.styles import STATE_STYLE, clean, revision_words, state_label
from cchc_cli.render.targets_panel import targets_panel
from cchc_cli.schedule.state import ItemState
from cchc_cli.services.status import ScoreLine, StatusResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["status_text"]


def _next_report(item: ItemState | None) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    text = Text()
    text.append(_("Next report:") + " ", style="bold")
    if item is None or item.occurrence is None:
        text.append(_("none left this year"), style="dim")
        return text
    occurrence = item.occurrence
    title = clean(item.title)
    if occurrence.period:
        title = _("{title} ({period})").format(title=title, period=period_label(occurrence.period))
    text.append(title, style="bold")
    lines = [_("due {deadline}").format(deadline=deadline_text(occurrence))]
    if item.data_period is not None:
        period = item.data_period
        lines.append(_("data period {span}").format(span=span(period.start, period.end)))
    note = send_by_note(item)
    if note is not None:
        lines.append(note)
    return Group(text, *(paragraph(f"  {line}", indent="  ") for line in lines))


def _score_line(score: ScoreLine) -> RenderableType:
    from rich.text import Text

    def points(value: float | None) -> str:
        return "–" if value is None else number(value, 2)

    text = Text(_("Score ({scheme}):").format(scheme=clean(score.scheme)) + " ", style="bold")
    text.append(
        _("{earned} of {total} points ({measurable} of them measurable)").format(
            earned=points(score.earned),
            total=points(score.total),
            measurable=points(score.measurable),
        )
    )
    if score.weakest is not None:
        text.append(
            "\n  "
            + _("weakest: {indicator}, {earned} of {points} points").format(
                indicator=clean(score.weakest),
                earned=points(score.weakest_earned),
                points=points(score.weakest_points),
            )
        )
    return text


def _year_over(result: StatusResult) -> RenderableType:
    from rich.text import Text

    assert result.year_end is not None  # noqa: S101 - set whenever year_over is
    year = result.plan.year
    text = Text(
        _("The plan's year {year} ended on {day}.").format(year=year, day=day(result.year_end)),
        style="bold",
    )
    text.append("\n" + _("The year as it ended:"))
    text.append(f"\n  cchc status --as-of {result.year_end.isoformat()}")
    text.append("\n" + _("The year's report:"))
    text.append(f"\n  cchc report --year {year}")
    return text


def status_text(result: StatusResult) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    header = Text()
    header.append(clean(result.plan.title), style="bold")
    header.append("\n" + _("As of {day}").format(day=weekday(result.as_of)), style="bold")
    if result.unit:
        name = result.units.get(result.unit)
        unit = clean(result.unit if name is None else f"{result.unit} ({name})")
        header.append(" · " + _("unit {unit}").format(unit=unit))
    header.append(
        "\n"
        + _("Plan {plan} · {revision}").format(
            plan=clean(result.plan.id), revision=revision_words(result.revision)
        )
    )
    header.append(
        "\n" + _("due soon = within {days} days").format(days=result.horizon_days), style="dim"
    )
    shown = [state for state, count in result.counts.items() if count or state != "cancelled"]
    pieces = [
        (f"{result.counts[state]} {state_label(state)}", STATE_STYLE[state]) for state in shown
    ]
    counts = Fitted(lambda width: pieces_line(_("Tasks:") + " ", pieces, width, indent="  "))
    parts: list[RenderableType] = [Panel(header, title="cchc status", title_align="left")]
    if result.year_over:
        # Past the year every open task is "overdue" by months: say what was done.
        done = result.counts.get("done", 0)
        cancelled = result.counts.get("cancelled", 0)
        still_open = sum(result.counts.values()) - done - cancelled
        not_done = _("not done")
        closing = [
            (f"{still_open} {not_done}", STATE_STYLE["overdue"] if still_open else ""),
            (f"{done} {state_label('done')}", STATE_STYLE["done"]),
        ]
        if cancelled:
            closing.append((f"{cancelled} {state_label('cancelled')}", STATE_STYLE["cancelled"]))
        summary = Fitted(lambda width: pieces_line(_("Tasks:") + " ", closing, width, indent="  "))
        parts += [_year_over(result), Text(""), summary]
        return Group(*parts)
    parts.append(counts)
    for title, items in (
        (_("Overdue"), result.overdue),
        (_("Due soon (within {days} days)").format(days=result.horizon_days), result.due_soon),
    ):
        parts.append(Text(f"\n{title}", style="bold"))
        parts.append(
            items_table(items, names=result.units) if items else Text("  " + _("none"), style="dim")
        )
    parts += [Text(""), _next_report(result.next_report), Text(""), targets_panel(result.targets)]
    if result.score is not None:
        parts += [Text(""), _score_line(result.score)]
    return Group(*parts)
