"""``cchc periods`` for people: every report of a year, its due date and data period.

How the table fits the terminal (a date is never split nor cut): Report wraps at
spaces, a word too long for it ending in "…", and holds the period (``Báo cáo quý
(quý 1)``); when Report would get fewer than 16 columns, Due narrows to the date
("trước ngày" wraps above it), then the data period moves under the report's name;
the Rule column, shown only when reports follow different rules, is dropped below 100
columns (the rules are named under the table anyway).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.i18n import N_, _
from cchc_cli.i18n.forms import span
from cchc_cli.render.agenda_tables import (
    Fitted,
    break_before_date,
    deadline_date,
    deadline_text,
    longest_word,
    paragraph,
    period_label,
)
from cchc_cli.render.styles import clean
from cchc_cli.services.periods import PeriodsResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["periods_text"]

_RULES = {
    "decree-09-2019": N_(
        "Decree 09/2019/NĐ-CP, Art. 12: from the 15th of the month before the period to "
        "the 14th of its last month"
    ),
    "calendar": N_("calendar months, quarters, halves and years"),
}
RULE_FROM = 100
"""Below this width the Rule column is dropped."""
REPORT_MIN = 16
"""The narrowest Report column: below it Due narrows to its longest word ("trước ngày"
wraps above the date), then the data period goes under the report's name."""


def _table(result: PeriodsResult, width: int) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    rows = result.reports
    dues = [deadline_text(row.occurrence) for row in rows]
    dates = [deadline_date(row.occurrence) for row in rows]
    datas = []
    for row in rows:
        period = row.data_period
        data = "—" if period is None else span(period.start, period.end)
        if period is not None and period.end > row.occurrence.last_day:
            data += " *"
        datas.append(data)
    with_rule = len({row.rule for row in rows}) > 1 and width >= RULE_FROM
    rule_width = max(len(row.rule) for row in rows) + 3 if with_rule else 0
    due_width = max(len(due) for due in dues)
    data_width = max(len(data) for data in datas)
    if width - due_width - data_width - 6 - rule_width < REPORT_MIN:
        due_width = max([len(date) for date in dates] + [longest_word(dues), len(_("Due"))])
    stacked = width - due_width - data_width - 6 - rule_width < REPORT_MIN
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(_("Due"), width=due_width)
    if stacked:
        table.add_column(_("Report") + " · " + _("Data period"), min_width=8, overflow="ellipsis")
    else:
        table.add_column(_("Report"), min_width=8, overflow="ellipsis")
        table.add_column(_("Data period"), no_wrap=True, width=data_width)
    if with_rule:
        table.add_column(_("Rule"), no_wrap=True)
    for row, due, date, data in zip(rows, dues, dates, datas, strict=True):
        title = clean(row.title)
        if row.occurrence.period:
            title = _("{title} ({period})").format(
                title=title, period=period_label(row.occurrence.period)
            )
        cells = [Text(break_before_date(due, date, due_width)), Text(title)]
        if stacked:
            cells[1].append("\n" + data, style="dim")
        else:
            cells.append(Text(data))
        if with_rule:
            cells.append(Text(row.rule))
        table.add_row(*cells)
    return table


def periods_text(result: PeriodsResult) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    rows = result.reports
    title = Text(_("Reports of {year}").format(year=result.year), style="bold")
    if not rows:
        return Group(title, Text("  " + _("no report falls due in this year"), style="dim"))
    rules = sorted({row.rule for row in rows})
    if len(rules) == 1:
        notes = [_("Data periods: {meaning}").format(meaning=_(_RULES.get(rules[0], rules[0])))]
    else:
        notes = [
            _("Data periods, {rule}: {meaning}").format(rule=rule, meaning=_(_RULES[rule]))
            for rule in rules
            if rule in _RULES
        ]
    late_data = any(
        row.data_period is not None and row.data_period.end > row.occurrence.last_day
        for row in rows
    )
    if late_data:
        notes.append(
            _("* the data period ends after the report is due: the last days are estimates")
        )
    return Group(
        title,
        Fitted(lambda width: _table(result, width)),
        *(paragraph(note, style="dim", indent="  ") for note in notes),
    )
