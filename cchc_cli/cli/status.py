"""``cchc status``: the plan's dashboard as of a day."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import AsOfOption, UnitOption, ViewFormat
from cchc_cli.i18n import N_

if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.cli.screens import Screen

HELP = N_(
    "Where the plan stands: tasks by state, overdue and due-soon items, next report, targets."
)
EXAMPLES = """\
cchc status
cchc status --as-of 05/03/2024
cchc status --unit TCCB --format json
"""
NOTES = N_("Dates in tables are written dd/mm/yyyy; JSON uses ISO 8601.")
EPILOG = f"{EXAMPLES}\n{NOTES}"


def status(
    ctx: typer.Context,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Where the plan stands: tasks by state, overdue and due-soon items, next report, targets."""
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.screens import screen_for
    from cchc_cli.cli.state import plan_dir, state

    day = option_date(as_of, "--as-of")
    directory = plan_dir(ctx, plan)
    options = {"as_of": day, "unit": unit, "format": fmt}
    screen = screen_for("status", directory, options, color=state(ctx).color)
    if screen is not None and screen.replay():
        return
    _print_status(ctx, directory, day, unit, fmt, screen)


def _print_status(
    ctx: typer.Context,
    directory: Path,
    day: "date | None",
    unit: str | None,
    fmt: str,
    screen: "Screen | None",
) -> None:
    import sys

    from cchc_cli.cli.output import screen_text
    from cchc_cli.services.status import plan_status
    from cchc_cli.services.workspace import Workspace

    workspace = Workspace(directory)
    if screen is not None:
        workspace.know_revision(screen.revision)
    result = plan_status(workspace, as_of=day, unit=unit)
    out, err = screen_text(ctx, result, fmt)
    sys.stdout.write(out)
    sys.stdout.flush()
    if err:
        sys.stderr.write(err)
    if screen is not None:
        zone = None if day is not None else workspace.schedule.timezone
        screen.keep(out, err, day=None if day is not None else result.as_of, zone=zone)
