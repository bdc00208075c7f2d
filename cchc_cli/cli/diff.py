"""``cchc diff``: what a change to the plan means, and whether it breaks a commitment."""

from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_

HELP = N_("Compare the plan at two revisions, item by item; flag breaking changes.")
EXAMPLES = """\
cchc diff
cchc diff HEAD~1 HEAD --fail-on breaking
cchc diff origin/main --format md > comment.md
"""
NOTES = N_(
    "Default: the merge-base of HEAD with the default branch → the working tree. Exit "
    "codes: 0 compared, 1 breaking changes with --fail-on breaking, 2 not a "
    "repository, unknown revision or no plan."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def diff(
    ctx: typer.Context,
    rev_a: Annotated[
        str | None, typer.Argument(help=N_("Revision before (default: merge-base with main)."))
    ] = None,
    rev_b: Annotated[
        str | None, typer.Argument(help=N_("Revision after (default: the working tree)."))
    ] = None,
    plan: PlanOption = None,
    fmt: Annotated[
        Literal["text", "md", "json"],
        typer.Option("--format", "-f", help=N_("text; md: a pull-request comment; json.")),
    ] = "text",
    fail_on: Annotated[
        Literal["breaking", "never"],
        typer.Option("--fail-on", help=N_("breaking: exit 1 when a change weakens the plan.")),
    ] = "never",
) -> None:
    """Compare the plan at two revisions, item by item; flag breaking changes."""
    from cchc_cli.cli.output import emit
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.diff import diff_plans

    result = diff_plans(plan_dir(ctx, plan), rev_a, rev_b)
    emit(ctx, result, fmt)
    raise typer.Exit(1 if fail_on == "breaking" and result.breaking else 0)
