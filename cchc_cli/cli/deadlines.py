"""``cchc deadlines``: every open task and next report, most urgent first; CI-friendly."""

from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import AsOfOption, UnitOption, ViewFormat
from cchc_cli.i18n import N_

HELP = N_("List tasks and upcoming reports with their state, sorted by urgency.")
EXAMPLES = """\
cchc deadlines --within 30
cchc deadlines --overdue --unit VP
cchc deadlines --fail-on overdue
"""
NOTES = N_("Exit codes: 0, 1 when --fail-on finds something, 2 usage error.")
EPILOG = f"{EXAMPLES}\n{NOTES}"


def deadlines(
    ctx: typer.Context,
    *,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            min=0,
            help=N_("Only what is due within DAYS days (overdue items included)."),
            show_default=False,
        ),
    ] = None,
    unit: UnitOption = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=N_("Only overdue items."))] = False,
    include_done: Annotated[
        bool, typer.Option("--all", help=N_("Include done and cancelled tasks."))
    ] = False,
    fail_on: Annotated[
        Literal["overdue", "due-soon"] | None,
        typer.Option(
            "--fail-on",
            help=N_("Exit 1 if anything listed is overdue (or overdue or due soon)."),
            show_default=False,
        ),
    ] = None,
    fmt: ViewFormat = "text",
) -> None:
    """List tasks and upcoming reports with their state, sorted by urgency."""
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.errors import FindingsError
    from cchc_cli.services.deadlines import list_deadlines

    result = list_deadlines(
        open_workspace(ctx, plan),
        as_of=option_date(as_of, "--as-of"),
        within=within,
        unit=unit,
        overdue_only=overdue,
        include_done=include_done,
        fail_on=fail_on,
    )
    emit(ctx, result, fmt)
    if result.failure:
        raise FindingsError(result.failure)
