"""``cchc init``: scaffold a plan repository (a skeleton, or a unit plan cascaded)."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.i18n import N_

HELP = N_("Scaffold a plan repository: plan/, pre-commit, a CI workflow, a README, git.")
EXAMPLES = """\
cchc init tccb-plan --from plan --unit TCCB
cchc init my-plan --year 2025
"""
NOTES = N_(
    "Exit codes: 0 written, 1 the parent plan is invalid, 2 a non-empty directory "
    "(without --force), an unknown unit or no parent plan."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(metavar="DIR", help=N_("The new repository."))],
    source: Annotated[
        Path | None,
        typer.Option("--from", metavar="PLAN_DIR", help=N_("Cascade from this (parent) plan.")),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="CODE", help=N_("The unit whose plan it is."))
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=N_("The plan's year."))] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Write into a non-empty directory."))
    ] = False,
    fmt: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help=N_("text or json."))
    ] = "text",
) -> None:
    """Scaffold a plan repository: plan/, pre-commit, a CI workflow, a README, git."""
    from cchc_cli.cli.output import emit
    from cchc_cli.services.init import init_repository

    result = init_repository(directory, source=source, unit=unit, year=year, force=force)
    emit(ctx, result, fmt)
