"""``cchc kpi``: every target measured from the plan's datasets, for a period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption

EPILOG = (
    "Examples: cchc kpi --year 2024 | cchc kpi --quarter Q2 --by unit | "
    "cchc kpi --half H1 --ytd --format json | "
    "cchc kpi --from 2024-01-01 --to 2024-03-31 --data exports/ho-so-q1.csv --strict. "
    "Exit codes: 0 measured, 1 rows set aside under --strict, 2 unreadable data or bad option."
)


def kpi(
    ctx: typer.Context,
    plan: PlanOption = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help="Q1-Q4 of the year.")] = None,
    half: Annotated[str | None, typer.Option("--half", help="H1 or H2 of the year.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Year (default: the plan's).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day, YYYY-MM-DD (inclusive).")
    ] = None,
    ytd: Annotated[
        bool, typer.Option("--ytd", help="From the start of the year to the period's end.")
    ] = False,
    by: Annotated[
        list[str] | None,
        typer.Option("--by", help="Break down by unit, procedure, month or quarter (repeatable)."),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data", help="Export file(s) to use instead of the dossier dataset's files."
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Today, YYYY-MM-DD (default: today).")
    ] = None,
    fmt: Annotated[
        Literal["text", "json", "csv"], typer.Option("--format", "-f", help="Output format.")
    ] = "text",
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
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.state import out_console, plan_dir
    from cchc_cli.dates import as_of_date
    from cchc_cli.errors import FindingsError, UserError
    from cchc_cli.loading import require_plan
    from cchc_cli.measure.kpi import BY_KEYS, run_kpi
    from cchc_cli.measure.periods import select_period
    from cchc_cli.measure.views import render_kpi
    from cchc_cli.suggest import did_you_mean

    keys = list(dict.fromkeys(by or []))
    for key in keys:
        if key not in BY_KEYS:
            raise UserError(
                f"--by {key!r} is not one of: {', '.join(BY_KEYS)}{did_you_mean(key, BY_KEYS)}"
            )
    directory = plan_dir(ctx, plan)
    validated, _ = require_plan(directory)
    period = select_period(
        validated.calendar.period_rule,
        validated.year,
        quarter=quarter,
        half=half,
        year=year,
        start=option_date(start, "--from"),
        end=option_date(end, "--to"),
        ytd=ytd,
    )
    today = as_of_date(option_date(as_of, "--as-of"), validated.calendar.timezone)
    result = run_kpi(
        validated, directory, period, as_of=today, by=keys, data=data or [], rejects=rejects
    )
    render_kpi(result, fmt, out_console(ctx))
    notes = [report.more_note(listed=rejects is not None) for report in result.datasets]
    for note in notes if fmt == "text" else []:
        if note:
            out_console(ctx).print(note, markup=False)
    verdicts = [v for v in (report.verdict() for report in result.datasets) if v]
    if verdicts:
        raise FindingsError("; ".join(verdicts))
    unclean = [report for report in result.datasets if not report.clean]
    if strict and unclean:
        detail = "; ".join(
            f"{r.dataset}: {r.invalid:,} invalid, {r.duplicates:,} duplicate row(s)"
            for r in unclean
        )
        raise FindingsError(f"rows were set aside ({detail}); --strict fails on them")
