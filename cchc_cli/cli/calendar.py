"""``cchc calendar``: the plan's tasks and report deadlines as an .ics file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_

HELP = N_("Export tasks (VTODO) and reporting duties (recurring VEVENT) as RFC 5545 iCalendar.")
EXAMPLES = """\
cchc calendar -o cchc-2024.ics
cchc calendar --tasks-as both > plan.ics
"""
NOTES = N_(
    "Import the file into Outlook, Google Calendar or Thunderbird; importing it again "
    "updates the same entries. Reports fall on the day they must really be sent: the "
    "working day before a deadline that is a weekend or holiday. Google Calendar and "
    "Outlook ignore to-dos (VTODO) on import, so tasks are events by default."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def calendar(
    ctx: typer.Context,
    plan: PlanOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=N_("Write to this file (atomically) instead of stdout.")
        ),
    ] = None,
) -> None:
    """Export tasks (VTODO) and reporting duties (recurring VEVENT) as RFC 5545 iCalendar."""
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.schedule.ics import calendar_text

    text = calendar_text(plan_dir(ctx, plan))
    if output is None:
        typer.echo(text, nl=False)
        return
    from cchc_cli.loading.write import write_text_atomic

    write_text_atomic(output, text)
