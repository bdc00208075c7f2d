"""Options shared by several commands, declared once."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from cchc_cli.i18n import N_

if TYPE_CHECKING:
    from cchc_cli.services.kpi import PeriodChoice

__all__ = [
    "DataOption",
    "FindingsFormat",
    "FromOption",
    "HalfOption",
    "OutputOption",
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
        metavar="DIR",
        help=N_("Plan directory (default: $CCHC_PLAN, else the nearest 'plan/' above here)."),
        show_default=False,
    ),
]

FindingsFormat = Annotated[
    Literal["text", "json", "github"],
    typer.Option(
        "--format",
        "-f",
        help=N_(
            "text: file:line:col lines; json: a list of objects; github: workflow annotations."
        ),
    ),
]

QuarterOption = Annotated[
    str | None,
    typer.Option("--quarter", metavar="Q1-Q4", help=N_("A quarter of the year: Q1-Q4.")),
]
HalfOption = Annotated[
    str | None,
    typer.Option("--half", metavar="H1|H2", help=N_("A half of the year: H1 or H2.")),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", help=N_("The year (default: the plan's); alone: the whole year.")),
]
DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data", help=N_("Export file(s) to use instead of the dossier dataset's files.")
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help=N_("Write to FILE instead of stdout.")),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help=N_("First day (dd/mm/yyyy or yyyy-mm-dd)."),
        show_default=False,
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help=N_("Last day, included (dd/mm/yyyy or yyyy-mm-dd)."),
        show_default=False,
    ),
]


def period_choice(
    quarter: str | None,
    half: str | None,
    year: int | None,
    start: str | None,
    end: str | None,
    *,
    ytd: bool = False,
) -> "PeriodChoice":
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
