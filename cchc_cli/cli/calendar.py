"""``cchc calendar``: the plan's tasks and report deadlines as an .ics file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption

EPILOG = (
    "Examples: cchc calendar -o cchc-2024.ics (import it into Outlook, Google Calendar or "
    "Thunderbird; importing again updates the same entries) | cchc calendar > plan.ics"
)


def calendar(
    ctx: typer.Context,
    plan: PlanOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
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
