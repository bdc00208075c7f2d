"""The one place where exceptions become messages and exit codes.

``CchcError`` subclasses carry their exit code (2 usage/input, 1 findings). Click's own
usage errors keep theirs (2). Anything else is a bug in cchc: the user sees one line
saying so, and ``CCHC_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import gc
import os
from typing import Any

import typer
from typer.core import TyperGroup

from cchc_cli.errors import EXIT_INTERNAL, CchcError, FindingsError

__all__ = ["CchcGroup", "report_error"]


def report_error(ctx: typer.Context | None, exc: CchcError) -> None:
    """Print a known error on stderr: findings first (if any), then the message."""
    from rich.markup import escape

    from cchc_cli.cli.state import err_console

    console = err_console(ctx)
    if isinstance(exc, FindingsError) and exc.findings:
        from cchc_cli.findings import format_findings

        console.print(escape(format_findings(exc.findings, "text")))
    console.print(f"[bold red]error:[/] {escape(exc.message)}")
    if exc.hint:
        console.print(f"  [dim]hint:[/] {escape(exc.hint)}")


class CchcGroup(TyperGroup):
    """The root command group, wrapping every command in the error boundary."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        # A command is short and builds mostly acyclic data (a plan of 2,000 tasks is ~10^6
        # objects): a full collection over it, set off by any later import, cost half a
        # second of `cchc validate`. The collector is paused for the command and restored.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except CchcError as exc:
            report_error(ctx, exc)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `cchc export | head`
            raise typer.Exit(0) from None
        except Exception as exc:
            if os.environ.get("CCHC_DEBUG"):
                raise
            from cchc_cli.cli.state import err_console

            err_console(ctx).print(
                f"[bold red]internal error:[/] {type(exc).__name__}: {exc}\n"
                "  This is a bug in cchc, not in your plan. Run again with CCHC_DEBUG=1 "
                "for the traceback and report it.",
                markup=True,
            )
            raise typer.Exit(EXIT_INTERNAL) from None
        finally:
            if collecting:
                gc.enable()
