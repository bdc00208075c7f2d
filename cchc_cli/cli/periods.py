"""``cchc periods``: every report of a year with its due date and data period."""

from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import ViewFormat
from cchc_cli.i18n import N_

HELP = N_("List every report due in a year, when it is due and the period its data covers.")
EXAMPLES = """\
cchc periods
cchc periods --year 2025 --format json
"""
NOTES = N_("The data-period rule is the plan's calendar.period_rule (or a duty's own).")
EPILOG = f"{EXAMPLES}\n{NOTES}"


def periods(
    ctx: typer.Context,
    plan: PlanOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=2000,
            max=2100,
            help=N_("The year (default: the plan's)."),
            show_default=False,
        ),
    ] = None,
    fmt: ViewFormat = "text",
) -> None:
    """List every report due in a year, when it is due and the period its data covers."""
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.services.periods import year_periods

    emit(ctx, year_periods(open_workspace(ctx, plan), year=year), fmt)
