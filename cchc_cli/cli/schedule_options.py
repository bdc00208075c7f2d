"""Options of the schedule commands (status, deadlines, periods, task, calendar…)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import typer

__all__ = ["AsOfOption", "UnitOption", "ViewFormat", "emit", "option_date"]

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Compute as of this day (default: today in the plan's time zone).",
        show_default=False,
    ),
]

UnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="CODE",
        help="Only what this unit leads or coordinates, sends or receives (e.g. VP).",
        show_default=False,
    ),
]

ViewFormat = Annotated[
    Literal["text", "json"],
    typer.Option("--format", "-f", help="text: tables for people; json: stable keys, ISO dates."),
]


def option_date(value: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option value, or :class:`~cchc_cli.errors.UserError` saying so."""
    if value is None:
        return None
    from cchc_cli.dates import parse_date_option

    return parse_date_option(value, option)


def emit(ctx: typer.Context, output: object) -> None:
    """Print a command's output: text as is (JSON, ICS), anything else through rich."""
    if isinstance(output, str):
        typer.echo(output)
        return
    from cchc_cli.cli.state import out_console

    out_console(ctx).print(output, soft_wrap=False)  # tables fit the terminal
