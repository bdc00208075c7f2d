"""The CLI's two shared steps: open the plan once, print a result with its reporter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from cchc_cli.render.registry import Output, Result
    from cchc_cli.services.workspace import Workspace

__all__ = ["emit", "open_workspace", "screen_text"]


def open_workspace(ctx: typer.Context, option: Path | None) -> Workspace:
    """The plan this command works on (``--plan``, ``$CCHC_PLAN`` or found), unloaded."""
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.workspace import Workspace

    return Workspace(plan_dir(ctx, option))


def emit(ctx: typer.Context, result: Result, fmt: str, to: Path | None = None) -> None:
    """Print ``result`` in ``fmt`` — text as is, rich renderables fitted to the terminal —
    or write it to the file ``to`` (atomically)."""
    from cchc_cli.cli.state import err_console
    from cchc_cli.errors import UserError
    from cchc_cli.render.registry import render

    output = render(result, fmt)
    if to is not None or isinstance(output.out, bytes):
        if to is None:
            raise UserError(f"--format {fmt} writes a file: say where with -o FILE")
        _write(to, output.out, fmt)
        err_console(ctx).print(f"wrote {to}", markup=False, highlight=False)
        return
    out, err = _screen(ctx, output)
    sys.stdout.write(out)
    sys.stdout.flush()
    if err:
        sys.stderr.write(err)


def screen_text(ctx: typer.Context, result: Result, fmt: str) -> tuple[str, str]:
    """What printing ``result`` in ``fmt`` writes to stdout and to stderr, exactly (for
    this terminal: width, colour), so that it can be printed — and kept — as text."""
    from cchc_cli.render.registry import render

    return _screen(ctx, render(result, fmt))


def _screen(ctx: typer.Context, output: Output) -> tuple[str, str]:
    from cchc_cli.cli.state import err_console, out_console

    if isinstance(output.out, bytes):
        raise TypeError("a file's bytes are not a screen")
    if isinstance(output.out, str):
        out = output.out + "\n"
    else:
        console = out_console(ctx)
        with console.capture() as captured:
            # Tables fit the terminal; lines meant for tools (file:line:col) never wrap.
            console.print(output.out, soft_wrap=output.soft_wrap)
        out = captured.get()
    err = ""
    if output.err:
        console = err_console(ctx)
        with console.capture() as captured:
            console.print(output.err, style="dim", markup=False, highlight=False)
        err = captured.get()
    return out, err


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
