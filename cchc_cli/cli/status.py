"""``cchc status``: the plan's dashboard as of a day."""

from __future__ import annotations

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import AsOfOption, UnitOption, ViewFormat
from cchc_cli.i18n import N_

HELP = N_(
    "Where the plan stands: tasks by state, overdue and due-soon items, next report, targets."
)
EXAMPLES = """\
cchc status
cchc status --as-of 05/03/2024
cchc status --unit TCCB --format json
"""
NOTES = N_("Dates in tables are written dd/mm/yyyy; JSON uses ISO 8601.")
EPILOG = f"{EXAMPLES}\n{NOTES}"


def status(
    ctx: typer.Context,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Where the plan stands: tasks by state, overdue and due-soon items, next report, targets."""
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.status import plan_status

    day = option_date(as_of, "--as-of")
    emit(ctx, plan_status(open_workspace(ctx, plan), as_of=day, unit=unit), fmt)
