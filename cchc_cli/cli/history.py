"""``cchc history ID``: every commit that changed one item of the plan."""

from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_

HELP = N_("Every commit that changed one item, newest first: author, date, message, fields.")
EXAMPLES = """\
cchc history PL.5
cchc history II.6:on_time_rate --format json
cchc history TCCB --rev origin/main
"""
NOTES = N_("Exit codes: 0 shown, 2 not a repository, unknown revision or unknown item.")
EPILOG = f"{EXAMPLES}\n{NOTES}"


def history(
    ctx: typer.Context,
    ident: Annotated[
        str, typer.Argument(metavar="ID", help=N_("A task, target, unit, duty or area."))
    ],
    rev: Annotated[str, typer.Option("--rev", help=N_("Read the history up to this revision."))] = (
        "HEAD"
    ),
    plan: PlanOption = None,
    fmt: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help=N_("text or json."))
    ] = "text",
) -> None:
    """Every commit that changed one item, newest first: author, date, message, fields."""
    from cchc_cli.cli.output import emit
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.history import item_history

    emit(ctx, item_history(plan_dir(ctx, plan), ident, rev), fmt)
