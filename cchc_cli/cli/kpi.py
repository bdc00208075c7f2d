"""``cchc kpi``: every target measured from the plan's datasets, for a period."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import (
    DataOption,
    FromOption,
    HalfOption,
    OutputOption,
    PlanOption,
    QuarterOption,
    ToOption,
    YearOption,
)
from cchc_cli.cli.schedule_options import AsOfOption
from cchc_cli.i18n import N_

HELP = N_("Measure every target for a period: value, threshold and status (met, missed…).")
EXAMPLES = """\
cchc kpi --year 2024
cchc kpi --quarter Q2 --by unit
cchc kpi --half H1 --ytd --format json
cchc kpi --by unit --format xlsx -o kpi.xlsx
cchc kpi --from 01/01/2024 --to 31/03/2024 --data exports/ho-so-q1.csv --strict
"""
NOTES = N_(
    "Exit codes: 0 measured, 1 rows set aside under --strict, 2 unreadable data or bad option."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def kpi(
    ctx: typer.Context,
    plan: PlanOption = None,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    ytd: Annotated[
        bool, typer.Option("--ytd", help=N_("From the start of the year to the period's end."))
    ] = False,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="unit|procedure|month|quarter",
            help=N_("Break down by unit, procedure, month or quarter (repeatable)."),
        ),
    ] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        Literal["text", "json", "csv", "xlsx"],
        typer.Option(
            "--format", "-f", help=N_("text, json, csv (for Excel) or xlsx (a workbook, with -o).")
        ),
    ] = "text",
    output: OutputOption = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=N_("Fail (exit 1) when rows are invalid or duplicated.")),
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            metavar="FILE",
            help=N_("Write every row set aside (file, line, reason) to FILE, CSV for Excel."),
        ),
    ] = None,
) -> None:
    """Measure every target for a period: value, threshold and status (met, missed…)."""
    from cchc_cli.cli.options import period_choice
    from cchc_cli.cli.output import emit_measured, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.kpi import measure_plan

    result = measure_plan(
        open_workspace(ctx, plan),
        period_choice(quarter, half, year, start, end, ytd=ytd),
        as_of=option_date(as_of, "--as-of"),
        by=by or [],
        data=data or [],
        rejects=rejects,
    )
    emit_measured(ctx, result, fmt, output, strict=strict)
