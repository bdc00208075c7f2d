"""``cchc score``: the Decision 766/QĐ-TTg scorecard, computed from the plan's exports."""

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

HELP = N_("Score the service index (QĐ 766): points per indicator and group, total of 100.")
EXAMPLES = """\
cchc score --quarter Q2
cchc score --quarter Q2 --by unit
cchc score --year 2024 --by month --format csv -o score.csv
cchc score --from 01/06/2024 --to 30/06/2024 --scheme plan/scorecards/qd766.yaml
"""
NOTES = N_(
    "Exit codes: 0 scored, 1 the plan or the scheme is not valid, or too many rows of "
    "an export are invalid to trust the score; 2 bad option or unreadable file."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def score(
    ctx: typer.Context,
    plan: PlanOption = None,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="unit|month",
            help=N_("unit: each unit's score, ranked; month: the trend."),
        ),
    ] = None,
    scheme: Annotated[
        Path | None,
        typer.Option(
            "--scheme",
            metavar="FILE",
            help=N_("A scheme file ('scorecards:'); default: the plan's own scheme."),
        ),
    ] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        Literal["text", "json", "csv", "md"],
        typer.Option("--format", "-f", help=N_("text, json, csv (for Excel) or md (Markdown).")),
    ] = "text",
    output: OutputOption = None,
) -> None:
    """Score the service index (QĐ 766): points per indicator and group, total of 100."""
    from cchc_cli.cli.options import period_choice
    from cchc_cli.cli.output import emit_measured
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.score import scheme_workspace, score_plan

    result = score_plan(
        scheme_workspace(plan_dir(ctx, plan), scheme),
        period_choice(quarter, half, year, start, end),
        scheme=scheme,
        as_of=option_date(as_of, "--as-of"),
        by=by,
        data=data or [],
    )
    emit_measured(ctx, result, fmt, output, strict=False)
