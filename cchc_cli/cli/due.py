"""``cchc due``: the due date of a dossier, counted in working days."""

from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import ViewFormat
from cchc_cli.i18n import N_

HELP = N_("Print the due date of a dossier received on DATE with DAYS working days to process it.")
EXAMPLES = """\
cchc due 05/02/2024 10
cchc due 2024-04-26 30 --calendar-days
"""
NOTES = N_(
    "The date goes to stdout, how it was counted to stderr. Tết (08/02–14/02/2024) is "
    "skipped: 10 working days from 05/02/2024 end on 26/02/2024. Outside a plan "
    "repository the national calendar is used (weekends and public holidays)."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"

CONTEXT = {"ignore_unknown_options": True}
"""So that a negative DAYS (``-3``) reaches the command and gets a clear message."""


def due(
    ctx: typer.Context,
    received: Annotated[
        str,
        typer.Argument(
            metavar="DATE", help=N_("Day the dossier was received (dd/mm/yyyy or yyyy-mm-dd).")
        ),
    ],
    days: Annotated[int, typer.Argument(metavar="DAYS", help=N_("Processing time in days."))],
    *,
    calendar_days: Annotated[
        bool,
        typer.Option("--calendar-days", help=N_("DAYS are calendar days, not working days.")),
    ] = False,
    plan: PlanOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Print the due date of a dossier received on DATE with DAYS working days to process it."""
    from cchc_cli.cli.output import emit, plan_or_national
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.days import due_date

    start = option_date(received, "DATE")
    assert start is not None  # noqa: S101 - a required argument
    workspace = plan_or_national(ctx, plan)
    emit(ctx, due_date(workspace, start, days, calendar_days=calendar_days), fmt)
