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


def emit(ctx: typer.Context, result: Result, fmt: str, to: Path | None = None) -> None:
    """Print ``result`` in ``fmt`` — text as is, rich renderables fitted to the terminal —
    or write it to the file ``to`` (atomically)."""
    from cchc_cli.cli.state import err_console, out_console
    from cchc_cli.errors import UserError
    from cchc_cli.render.registry import render

    output = render(result, fmt)
    if to is not None or isinstance(output.out, bytes):
        if to is None:
            raise UserError(f"--format {fmt} writes a file: say where with -o FILE")
        _write(to, output.out, fmt)
        err_console(ctx).print(f"wrote {to}", markup=False, highlight=False)
    elif isinstance(output.out, str):
        typer.echo(output.out)
    else:
        # Tables fit the terminal; lines meant for tools (file:line:col) are never wrapped.
        out_console(ctx).print(output.out, soft_wrap=output.soft_wrap)
    if output.err:
        err_console(ctx).print(output.err, style="dim", markup=False, highlight=False)


def _write(path: Path, content: object, fmt: str) -> None:
    from cchc_cli.errors import UserError
    from cchc_cli.loading.write import write_bytes_atomic

    if isinstance(content, bytes):
        data = content
    elif isinstance(content, str):
        data = (content + "\n").encode("utf-8")
    else:
        raise UserError(f"--format {fmt} is for the terminal; -o takes json, csv or xlsx")
    write_bytes_atomic(path, data)
