"""``cchc export``: the validated plan as JSON, or the JSON Schema of plan files."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_

HELP = N_("Print the whole validated plan as JSON (stable order), or the plan-file JSON Schema.")
EXAMPLES = """\
cchc export > plan.json
cchc export --schema > plan/schema/cchc-plan.schema.json
"""
EPILOG = EXAMPLES


def export(
    ctx: typer.Context,
    plan: PlanOption = None,
    fmt: Annotated[  # noqa: ARG001 - JSON is the only format so far
        Literal["json"], typer.Option("--format", "-f", help=N_("Output format."))
    ] = "json",
    schema: Annotated[
        bool,
        typer.Option(
            "--schema", help=N_("Print the JSON Schema of plan files instead of the plan.")
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=N_("Write to this file (atomically) instead of stdout.")
        ),
    ] = None,
) -> None:
    """Print the whole validated plan as JSON (stable order), or the plan-file JSON Schema."""
    from dataclasses import asdict

    from cchc_cli.cli.output import open_workspace
    from cchc_cli.export import plan_as_json, schema_as_json
    from cchc_cli.loading.write import write_text_atomic

    if schema:
        text = schema_as_json()
    else:
        workspace = open_workspace(ctx, plan)
        text = plan_as_json(workspace.plan, asdict(workspace.revision))
    if output is None:
        typer.echo(text)
    else:
        write_text_atomic(output, text + "\n")
