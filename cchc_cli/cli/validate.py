"""``cchc validate``: every problem in the plan, located, in one run."""

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.cli.options import FindingsFormat, PlanOption
from cchc_cli.i18n import N_

HELP = N_("Check the plan: YAML syntax, schema, references, dates, evidence, consistency.")
EXAMPLES = """\
cchc validate
cchc validate --format github --strict
cchc validate --plan path/to/plan --format json
"""
NOTES = N_(
    "Exit codes: 0 valid (warnings allowed), 1 errors (or warnings with --strict), 2 "
    "usage error or no plan to read."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def validate(
    ctx: typer.Context,
    plan: PlanOption = None,
    fmt: FindingsFormat = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help=N_("Fail (exit 1) on warnings too."))
    ] = False,
    parent: Annotated[
        Path | None,
        typer.Option(
            "--parent",
            metavar="DIR",
            help=N_("The parent (department) plan: check 'parent' references against it."),
        ),
    ] = None,
    show_accepted: Annotated[
        bool,
        typer.Option(
            "--show-accepted",
            help=N_("Also print the warnings the plan accepts ('accepted:' on a target or task)."),
        ),
    ] = False,
) -> None:
    """Check the plan: YAML syntax, schema, references, dates, evidence, consistency."""
    from cchc_cli.cli.output import emit
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.validate import validate_plan

    result = validate_plan(
        plan_dir(ctx, plan), strict=strict, parent=parent, show_accepted=show_accepted
    )
    emit(ctx, result, fmt)
    raise typer.Exit(1 if result.failed else 0)
