"""``cchc workday``: is this day worked, and if not, why."""

from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import ViewFormat
from cchc_cli.i18n import N_

HELP = N_("Say whether DATE is a working day, and why not (weekend, holiday, plan override).")
EXAMPLES = """\
cchc workday 12/02/2024
cchc workday 04/05/2024
cchc workday 2024-09-03 --format json
"""
NOTES = N_(
    "12/02/2024 is in the Tết holiday; 04/05/2024 is a Saturday worked in exchange "
    "for a day off. Exit code 0 either way. Outside a plan repository the national "
    "calendar is used."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def workday(
    ctx: typer.Context,
    day: Annotated[
        str, typer.Argument(metavar="DATE", help=N_("The day (dd/mm/yyyy or yyyy-mm-dd)."))
    ],
    plan: PlanOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Say whether DATE is a working day, and why not (weekend, holiday, plan override)."""
    from cchc_cli.cli.output import emit, plan_or_national
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.days import explain_day

    parsed = option_date(day, "DATE")
    assert parsed is not None  # noqa: S101 - a required argument
    emit(ctx, explain_day(plan_or_national(ctx, plan), parsed), fmt)
