"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

__all__ = [
    "DataOption",
    "FindingsFormat",
    "HalfOption",
    "PlanOption",
    "QuarterOption",
    "YearOption",
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
