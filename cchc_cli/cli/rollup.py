"""``cchc rollup``: unit plans aggregated into the department's view."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import HalfOption, QuarterOption, YearOption
from cchc_cli.cli.schedule_options import AsOfOption
from cchc_cli.i18n import N_

HELP = N_("Add up unit plans: ratio measures summed, tasks per unit, missing units listed.")
EXAMPLES = """\
cchc rollup units/tccb/plan units/vp/plan --quarter Q2
cchc rollup units/*/plan --year 2024 --format md
"""
NOTES = N_(
    "Exit codes: 0 rolled up, 1 a unit plan is invalid, 2 plans of different years, "
    "the same unit twice, or unreadable data."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def rollup(
    ctx: typer.Context,
    directories: Annotated[
        list[Path], typer.Argument(metavar="DIR...", help=N_("The unit plans' directories."))
    ],
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        Literal["text", "json", "md"], typer.Option("--format", "-f", help=N_("text, json or md."))
    ] = "text",
) -> None:
    """Add up unit plans: ratio measures summed, tasks per unit, missing units listed."""
    from cchc_cli.cli.output import emit
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.kpi import PeriodChoice
    from cchc_cli.services.rollup import rollup_plans

    choice = PeriodChoice(quarter=quarter, half=half, year=year)
    result = rollup_plans(directories, choice, as_of=option_date(as_of, "--as-of"))
    emit(ctx, result, fmt)
