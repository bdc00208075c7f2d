"""``cchc kpi``: every target measured from the plan's datasets, for a period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import (
    DataOption,
    FromOption,
    HalfOption,
    PlanOption,
    QuarterOption,
    ToOption,
    YearOption,
)

EPILOG = (
    "Examples: cchc kpi --year 2024 | cchc kpi --quarter Q2 --by unit | "
    "cchc kpi --half H1 --ytd --format json | cchc kpi --by unit --format xlsx -o kpi.xlsx | "
    "cchc kpi --from 2024-01-01 --to 2024-03-31 --data exports/ho-so-q1.csv --strict. "
    "Exit codes: 0 measured, 1 rows set aside under --strict, 2 unreadable data or bad option."
)


def kpi(
    ctx: typer.Context,
    plan: PlanOption = None,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    ytd: Annotated[
        bool, typer.Option("--ytd", help="From the start of the year to the period's end.")
    ] = False,
    by: Annotated[
        list[str] | None,
        typer.Option("--by", help="Break down by unit, procedure, month or quarter (repeatable)."),
    ] = None,
    data: DataOption = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Today, YYYY-MM-DD (default: today).")
    ] = None,
    fmt: Annotated[
        Literal["text", "json", "csv", "xlsx"],
        typer.Option(
            "--format", "-f", help="text, json, csv (for Excel) or xlsx (a workbook, with -o)."
        ),
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) when rows are invalid or duplicated.")
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            metavar="FILE",
            help="Write every row set aside (file, line, reason) to FILE, CSV for Excel.",
        ),
    ] = None,
) -> None:
    """Measure every target for a period: value, threshold and status (met, missed…)."""
    from cchc_cli.cli.options import period_choice
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.errors import FindingsError
    from cchc_cli.services.kpi import data_failure, measure_plan

    result = measure_plan(
        open_workspace(ctx, plan),
        period_choice(quarter, half, year, start, end, ytd=ytd),
        as_of=option_date(as_of, "--as-of"),
        by=by or [],
        data=data or [],
        rejects=rejects,
    )
    emit(ctx, result, fmt, output)
    failure = data_failure(result, strict=strict)
    if failure:
        raise FindingsError(failure)
