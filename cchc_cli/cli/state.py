"""What the global options set, and the output helpers every command shares."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["CliState", "err_console", "out_console", "plan_dir", "report_notes", "state"]


@dataclass
class CliState:
    plan: Path | None = None
    color: bool = True


def state(ctx: typer.Context) -> CliState:
    """The global options, from the root context."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def plan_dir(ctx: typer.Context, option: Path | None) -> Path:
    """The plan directory: the command's --plan, the global --plan, $CCHC_PLAN, or found."""
    from cchc_cli.loading.discover import find_plan_dir

    return find_plan_dir(option or state(ctx).plan)


def _console(ctx: typer.Context | None, *, stderr: bool) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 when the reader goes away (`cchc validate | head -1`); that is
            # not a failure: what is left goes nowhere and the run ends with exit 0.
            from cchc_cli.cli.output_streams import broken_pipe_exit

            broken_pipe_exit()

    color = (True if ctx is None else state(ctx).color) and not os.environ.get("NO_COLOR")
    stream = sys.stderr if stderr else sys.stdout
    # No colour means no escape codes at all: rich's no_color still sends bold and dim.
    return _Console(
        file=stream,
        color_system="auto" if color else None,
        no_color=not color or None,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def out_console(ctx: typer.Context | None = None) -> Console:
    return _console(ctx, stderr=False)


def err_console(ctx: typer.Context | None = None) -> Console:
    return _console(ctx, stderr=True)


def report_notes(ctx: typer.Context) -> None:
    """``--verbose``: notes from the library (a cache not used, and why) go to stderr."""
    from cchc_cli.cache import set_reporter
    from cchc_cli.i18n import _

    del ctx  # the note is plain text: no colour to choose

    def report(note: str) -> None:
        # The stream of the moment: the reporter outlives this run (tests run many).
        err_console(None).print(_("note: {note}").format(note=note), markup=False)

    set_reporter(report)
