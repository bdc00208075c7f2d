"""Options of the schedule commands (status, deadlines, periods, task, calendar…)."""

from datetime import date
from typing import Annotated, Literal

import typer

from cchc_cli.i18n import N_

__all__ = ["AsOfOption", "UnitOption", "ViewFormat", "option_date"]

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help=N_(
            "Compute as of this day, dd/mm/yyyy or yyyy-mm-dd "
            "(default: today in the plan's time zone)."
        ),
        show_default=False,
    ),
]

UnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="CODE",
        help=N_("Only what this unit leads or coordinates, sends or receives (e.g. VP)."),
        show_default=False,
    ),
]

ViewFormat = Annotated[
    Literal["text", "json"],
    typer.Option(
        "--format", "-f", help=N_("text: tables for people; json: stable keys, ISO dates.")
    ),
]


def option_date(value: str | None, option: str) -> date | None:
    """A date option (``dd/mm/yyyy`` or ``yyyy-mm-dd``), or :class:`~cchc_cli.errors.UserError`
    saying what is wrong with it."""
    if value is None:
        return None
    from cchc_cli.dates import parse_date_option

    return parse_date_option(value, option)
