"""``cchc validate``: every problem in the plan, located, in one run."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc_cli.cli.options import FindingsFormat, PlanOption

EPILOG = (
    "Examples: cchc validate | cchc validate --format github --strict | "
    "cchc validate --plan path/to/plan --format json. "
    "Exit codes: 0 valid (warnings allowed), 1 errors (or warnings with --strict), "
    "2 usage error or no plan to read."
)


def validate(
    ctx: typer.Context,
    plan: PlanOption = None,
    fmt: FindingsFormat = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")
    ] = False,
) -> None:
    """Check the plan: YAML syntax, schema, references, dates, evidence, consistency."""
    from rich.markup import escape

    from cchc_cli.cli.state import err_console, out_console, plan_dir
    from cchc_cli.findings import format_findings, relative_path
    from cchc_cli.loading import load_plan

    directory = plan_dir(ctx, plan)
    result = load_plan(directory)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    out = out_console(ctx)
    body = format_findings(result.findings, fmt)
    if fmt == "text":
        for line in body.splitlines():
            style = "red" if "] error" in line or ": [error]" in line else "yellow"
            out.print(f"[{style}]{escape(line)}[/]")
    elif body or fmt == "json":
        out.print(body, markup=False)
    where = relative_path(directory)
    counts = f"{len(result.files)} file(s), {result.errors} error(s), {result.warnings} warning(s)"
    if result.plan is not None:
        plan_ = result.plan
        counts += (
            f"; {len(plan_.tasks)} tasks, {len(plan_.targets)} targets, "
            f"{len(plan_.units)} units, {len(plan_.duties)} duties"
        )
    verdict = "[bold red]invalid[/]" if failed else "[bold green]valid[/]"
    summary_console = out if fmt == "text" else err_console(ctx)
    summary_console.print(f"{escape(where)}: {verdict} — {counts}")
    raise typer.Exit(1 if failed else 0)
