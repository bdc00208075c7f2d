"""The CLI's two shared steps: open the plan once, print a result with its reporter."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from cchc_cli.render.registry import Result
    from cchc_cli.services.workspace import Workspace

__all__ = ["emit", "open_workspace"]


def open_workspace(ctx: typer.Context, option: Path | None) -> Workspace:
    """The plan this command works on (``--plan``, ``$CCHC_PLAN`` or found), unloaded."""
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.workspace import Workspace

    return Workspace(plan_dir(ctx, option))


def emit(ctx: typer.Context, result: Result, fmt: str) -> None:
    """Print ``result`` in ``fmt``: text as is, rich renderables fitted to the terminal."""
    from cchc_cli.cli.state import err_console, out_console
    from cchc_cli.render.registry import render

    output = render(result, fmt)
    if isinstance(output.out, str):
        typer.echo(output.out)
    else:
        # Tables fit the terminal; lines meant for tools (file:line:col) are never wrapped.
        out_console(ctx).print(output.out, soft_wrap=output.soft_wrap)
    if output.err:
        err_console(ctx).print(output.err, style="dim", markup=False, highlight=False)
