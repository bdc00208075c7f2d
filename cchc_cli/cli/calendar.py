"""``cchc calendar``: the plan's tasks and report deadlines as an .ics file."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_, ngettext

HELP = N_("Export tasks and reporting duties as RFC 5545 iCalendar (.ics).")
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
            "--output",
            "-o",
            metavar="FILE",
            help=N_("Write to FILE (atomically) instead of stdout."),
        ),
    ] = None,
    tasks_as: Annotated[
        Literal["events", "todos", "both"],
        typer.Option(
            "--tasks-as",
            help=N_(
                "Tasks as events (shown by every calendar), todos (VTODO: Thunderbird, "
                "Apple Reminders) or both."
            ),
        ),
    ] = "events",
) -> None:
    """Export tasks and reporting duties as RFC 5545 iCalendar (.ics)."""
    from cchc_cli.cli.state import err_console, plan_dir
    from cchc_cli.i18n import _
    from cchc_cli.schedule.ics import calendar_file

    written = calendar_file(plan_dir(ctx, plan), tasks_as=tasks_as)
    if output is None:
        typer.echo(written.text, nl=False)
        return
    from cchc_cli.loading.write import write_text_atomic

    write_text_atomic(output, written.text)
    err_console(ctx).print(
        _("wrote {events} and {todos} to {path}").format(
            events=ngettext("{count} event", "{count} events", written.events).format(
                count=written.events
            ),
            todos=ngettext("{count} to-do", "{count} to-dos", written.todos).format(
                count=written.todos
            ),
            path=output,
        ),
        markup=False,
        highlight=False,
    )
