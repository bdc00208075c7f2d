"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from cchc_cli.services.kpi import PeriodChoice

__all__ = [
    "DataOption",
    "FindingsFormat",
    "FromOption",
    "HalfOption",
    "PlanOption",
    "QuarterOption",
    "ToOption",
    "YearOption",
    "period_choice",
]

PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan directory (default: $CCHC_PLAN, else the nearest 'plan/' above here).",
        show_default=False,
    ),
]

FindingsFormat = Annotated[
    Literal["text", "json", "github"],
    typer.Option(
        "--format",
        "-f",
        help="text: file:line:col lines; json: a list of objects; github: workflow annotations.",
    ),
]

QuarterOption = Annotated[
    str | None,
    typer.Option("--quarter", metavar="Q1-Q4", help="A quarter of the year: Q1-Q4."),
]
HalfOption = Annotated[
    str | None,
    typer.Option("--half", metavar="H1|H2", help="A half of the year: H1 or H2."),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", help="The year (default: the plan's); alone: the whole year."),
]
DataOption = Annotated[
    list[Path] | None,
    typer.Option("--data", help="Export file(s) to use instead of the dossier dataset's files."),
]
FromOption = Annotated[
    str | None, typer.Option("--from", help="First day, YYYY-MM-DD.", show_default=False)
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help="Last day, YYYY-MM-DD (inclusive).", show_default=False),
]


def period_choice(
    quarter: str | None,
    half: str | None,
    year: int | None,
    start: str | None,
    end: str | None,
    *,
    ytd: bool = False,
) -> PeriodChoice:
    """The period options of ``kpi`` and ``score`` as given (dates checked)."""
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.kpi import PeriodChoice

    return PeriodChoice(
        quarter=quarter,
        half=half,
        year=year,
        start=option_date(start, "--from"),
        end=option_date(end, "--to"),
        ytd=ytd,
    )
