"""``cchc workday``: is this day worked, and if not, why."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import ViewFormat

EPILOG = (
    "Examples: cchc workday 2024-02-12 (Tết) | cchc workday 2024-05-04 (a Saturday worked) | "
    "cchc workday 2024-09-03 --format json. Exit code 0 either way."
)


def workday(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(metavar="DATE", help="The day (YYYY-MM-DD).")],
    plan: PlanOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Say whether DATE is a working day, and why not (weekend, holiday, plan override)."""
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.days import explain_day

    parsed = option_date(day, "DATE")
    assert parsed is not None  # noqa: S101 - a required argument
    emit(ctx, explain_day(open_workspace(ctx, plan), parsed), fmt)
