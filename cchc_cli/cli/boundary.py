"""The one place where exceptions become messages and exit codes.

``CchcError`` subclasses carry their exit code (2 usage/input, 1 findings). Click's own
usage errors keep theirs (2), said in the user's language. Anything else is a bug in
cchc: the user sees one line saying so, and ``CCHC_DEBUG=1`` shows the traceback.

Around the whole run: the command line is read first (global options after the command
moved in front, the language chosen, see :mod:`cchc_cli.cli.argv`); an output that
cannot encode every character (``PYTHONIOENCODING=cp1258``, a Windows console) gets
those characters replaced instead of failing, with one note on stderr saying how to
get UTF-8; a reader that goes away (``cchc validate | head -1``) ends the run quietly,
exit 0, as Unix tools do.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from cchc_cli.cli.click_words import ERROR, TRY_HELP, Localized, usage_error_text
from cchc_cli.cli.output_streams import (
    broken_pipe_exit,
    drop_stdout,
    guard_encoding,
    note_replaced,
)
from cchc_cli.errors import EXIT_INTERNAL, CchcError, FindingsError
from cchc_cli.i18n import N_, _

__all__ = ["CchcCommand", "CchcGroup", "CchcSubGroup", "report_error"]

ERROR_LABEL = N_("error:")
HINT_LABEL = N_("hint:")
INTERNAL = N_(
    "internal error: {error}\n"
    "  This is a bug in cchc, not in your plan. Run again with CCHC_DEBUG=1 "
    "for the traceback and report it."
)


def report_error(ctx: typer.Context | None, exc: CchcError) -> None:
    """Print a known error on stderr: findings first (if any), then the message."""
    from rich.markup import escape

    from cchc_cli.cli.state import err_console

    console = err_console(ctx)
    if isinstance(exc, FindingsError) and exc.findings:
        from cchc_cli.findings import format_findings

        console.print(escape(format_findings(exc.findings, "text")))
    console.print(f"[bold red]{escape(_(ERROR_LABEL))}[/] {escape(exc.message)}")
    if exc.hint:
        console.print(f"  [dim]{escape(_(HINT_LABEL))}[/] {escape(exc.hint)}")


def _show_usage_error(exc: Any) -> None:
    """Click's usage error as Click shows it (usage, "try --help", error), translated."""
    from typer._click.exceptions import NoArgsIsHelpError

    if isinstance(exc, NoArgsIsHelpError):  # `cchc`, `cchc task`: the help, on stderr
        exc.show()
        return
    ctx = getattr(exc, "ctx", None)
    err = sys.stderr
    if ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(
                _(TRY_HELP).format(command=ctx.command_path, option=ctx.help_option_names[0])
            )
        print("\n".join(lines) + "\n", file=err)
    print(_(ERROR).format(message=usage_error_text(exc)), file=err)


class CchcCommand(Localized, TyperCommand):
    """A cchc command: help in the user's language (see :class:`Localized`)."""


class CchcSubGroup(Localized, TyperGroup):
    """A group of cchc commands under the root (``cchc task``)."""


class CchcGroup(Localized, TyperGroup):
    """The root command group: reads the command line, wraps every command in the error
    boundary, and shows Click's errors in the user's language."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from typer._click.exceptions import ClickException

        from cchc_cli.cli.argv import read_command_line
        from cchc_cli.cli.click_words import install, translate_help
        from cchc_cli.i18n import set_language

        line = read_command_line(self, sys.argv[1:] if args is None else args)
        set_language("en" if line.machine else line.lang)
        install()
        translate_help(self)
        if not standalone_mode:
            return super().main(line.args, prog_name, complete_var, standalone_mode, **extra)
        guard_encoding()
        try:
            code = super().main(line.args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as exc:
            _show_usage_error(exc)
            _exit(exc.exit_code)
        except typer.Abort:
            print(_("Aborted!"), file=sys.stderr)
            _exit(1)
        except BrokenPipeError:
            drop_stdout()
            _exit(0)
        _exit(code if isinstance(code, int) else 0)
        return None  # pragma: no cover - _exit does not return

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
            broken_pipe_exit()
        except Exception as exc:
            if os.environ.get("CCHC_DEBUG"):
                raise
            from cchc_cli.cli.state import err_console

            err_console(ctx).print(
                _(INTERNAL).format(error=f"{type(exc).__name__}: {exc}"),
                markup=False,
            )
            raise typer.Exit(EXIT_INTERNAL) from None
        finally:
            if collecting:
                gc.enable()


def _exit(code: int) -> NoReturn:
    """End the run with ``code``, after the note on replaced characters (if any)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        drop_stdout()
        code = 0
    note_replaced()
    sys.exit(code)
