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
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.dates import check_countable
    from cchc_cli.render.day_views import workday_output

    parsed = option_date(day, "DATE")
    assert parsed is not None  # noqa: S101 - a required argument
    check_countable(parsed, "DATE")
    text, _ = workday_output(plan_dir(ctx, plan), parsed, fmt=fmt)
    typer.echo(text)
