"""The Typer application: global options and command registration.

Command modules import the library inside their functions, so that ``cchc --version``
and ``cchc --help`` load only Typer.
"""

from __future__ import annotations

import gc
import os
from typing import Annotated

import typer

from cchc_cli import __version__
from cchc_cli.cli import (
    calendar,
    deadlines,
    diff,
    due,
    export,
    history,
    init,
    kpi,
    periods,
    report,
    rollup,
    sample_data,
    score,
    status,
    task,
    validate,
    workday,
)
from cchc_cli.cli.boundary import CchcGroup
from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.state import CliState
from cchc_cli.i18n import _, parse_language, set_language
from cchc_cli.quoting import quote

__all__ = ["app", "main"]

app = typer.Typer(
    cls=CchcGroup,
    name="cchc",
    help=(
        "Administrative-reform (CCHC) plans as code: validate the plan, track its "
        "deadlines, measure its targets, write its reports.\n\n"
        "Example: cchc validate --plan plan"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cchc {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    plan: PlanOption = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain output without colours (also: NO_COLOR=1).")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="vi|en",
            help=_("Language of the output: vi or en (default: $CCHC_LANG, the locale, else vi)."),
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Say what was skipped (e.g. a broken cache).")
    ] = False,
    version: Annotated[  # noqa: ARG001 - handled by its eager callback
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options, read before any command."""
    if lang is not None and parse_language(lang) is None:
        raise typer.BadParameter(
            _("{value} is not a language cchc speaks; use vi or en.").format(value=quote(lang)),
            param_hint="--lang",
        )
    set_language(lang)
    ctx.obj = CliState(plan=plan, color=not no_color and not os.environ.get("NO_COLOR"))
    if verbose:
        from cchc_cli.cli.state import report_notes

        report_notes(ctx)


app.command(name="validate", epilog=validate.EPILOG)(validate.validate)
app.command(name="export", epilog=export.EPILOG)(export.export)
app.command(name="status", epilog=status.EPILOG)(status.status)
app.command(name="deadlines", epilog=deadlines.EPILOG)(deadlines.deadlines)
app.command(name="due", epilog=due.EPILOG, context_settings=due.CONTEXT)(due.due)
app.command(name="workday", epilog=workday.EPILOG)(workday.workday)
app.command(name="periods", epilog=periods.EPILOG)(periods.periods)
app.add_typer(task.app, name="task")
app.command(name="calendar", epilog=calendar.EPILOG)(calendar.calendar)
app.command(name="kpi", epilog=kpi.EPILOG)(kpi.kpi)
app.command(name="report", epilog=report.EPILOG)(report.report)
app.command(name="score", epilog=score.EPILOG)(score.score)
app.command(name="diff", epilog=diff.EPILOG)(diff.diff)
app.command(name="history", epilog=history.EPILOG)(history.history)
app.command(name="init", epilog=init.EPILOG)(init.init)
app.command(name="rollup", epilog=rollup.EPILOG)(rollup.rollup)
app.command(name="sample-data", epilog=sample_data.EPILOG)(sample_data.sample_data)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="cchc")
    finally:
        # A large plan leaves ~10^6 objects alive; the collector's final sweep over them
        # at interpreter exit took a third of `cchc validate`. They die with the process.
        gc.freeze()
