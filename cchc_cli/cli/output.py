"""The CLI's two shared steps: open the plan once, print a result with its reporter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cchc_cli.i18n import N_, _

if TYPE_CHECKING:
    from cchc_cli.render.registry import Output, Result
    from cchc_cli.results.measures import KpiResult
    from cchc_cli.results.scores import ScoreResult
    from cchc_cli.services.workspace import Workspace

__all__ = ["emit", "emit_measured", "open_workspace", "plan_or_national", "screen_text"]

NATIONAL_NOTE = N_(
    "note: no plan found here; counting on the national calendar only (weekends and "
    "public holidays, no plan overrides). Pass --plan DIR to use a plan's calendar."
)


def open_workspace(ctx: typer.Context, option: Path | None) -> Workspace:
    """The plan this command works on (``--plan``, ``$CCHC_PLAN`` or found), unloaded."""
    from cchc_cli.cli.state import plan_dir
    from cchc_cli.services.workspace import Workspace

    return Workspace(plan_dir(ctx, option))


def plan_or_national(ctx: typer.Context, option: Path | None) -> Workspace | None:
    """The plan's workspace, or None outside any plan (said in one line on stderr).

    A plan that was named (``--plan``, ``$CCHC_PLAN``) must exist; only a plan that was
    searched for and not found falls back to the national calendar.
    """
    import os

    from cchc_cli.cli.state import err_console, state
    from cchc_cli.errors import PlanNotFoundError
    from cchc_cli.loading.discover import PLAN_ENV

    if option or state(ctx).plan or os.environ.get(PLAN_ENV):
        return open_workspace(ctx, option)
    try:
        return open_workspace(ctx, option)
    except PlanNotFoundError:
        err_console(ctx).print(_(NATIONAL_NOTE), markup=False, highlight=False)
        return None


def emit(ctx: typer.Context, result: Result, fmt: str, to: Path | None = None) -> None:
    """Print ``result`` in ``fmt`` — text as is, rich renderables fitted to the terminal —
    or write it to the file ``to`` (atomically)."""
    from cchc_cli.cli.state import err_console
    from cchc_cli.errors import UserError
    from cchc_cli.render.registry import render

    output = render(result, fmt)
    if to is not None or isinstance(output.out, bytes):
        if to is None:
            raise UserError(
                _("--format {format} writes a file: say where with -o FILE").format(format=fmt)
            )
        _write(to, output.out, fmt)
        err_console(ctx).print(_("wrote {path}").format(path=to), markup=False, highlight=False)
        return
    out, err = _screen(ctx, output)
    sys.stdout.write(out)
    sys.stdout.flush()
    if err:
        sys.stderr.write(err)


def emit_measured(
    ctx: typer.Context, result: KpiResult | ScoreResult, fmt: str, to: Path | None, *, strict: bool
) -> None:
    """Print a measured result like :func:`emit`, then fail (exit 1) when its data cannot
    be trusted (too many rows set aside; any, under ``--strict``)."""
    from cchc_cli.errors import FindingsError
    from cchc_cli.services.kpi import data_failure

    emit(ctx, result, fmt, to)
    failure = data_failure(result, strict=strict)
    if failure:
        raise FindingsError(failure)


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
        raise UserError(
            _("--format {format} is for the terminal; -o takes json, csv or xlsx").format(
                format=fmt
            )
        )
    write_bytes_atomic(path, data)
