"""The Typer application: global options and command registration.

Command modules import the library inside their functions, so that ``cchc --version``
and ``cchc --help`` load only Typer.
"""

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
from cchc_cli.cli.boundary import CchcCommand, CchcGroup
from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.state import CliState
from cchc_cli.i18n import N_, _, parse_language
from cchc_cli.quoting import quote

__all__ = ["app", "main"]

HELP = N_(
    "Administrative-reform (CCHC) plans as code: validate the plan, track its "
    "deadlines, measure its targets, write its reports."
)
NOTES = N_(
    "Global options (--plan, --lang, --no-color, --verbose) may also come after the "
    "command. Dates are written dd/mm/yyyy (always day first) or yyyy-mm-dd."
)
EPILOG = f"""\
cchc validate --plan plan
cchc status --as-of 01/04/2024
cchc status --lang en

{NOTES}"""

app = typer.Typer(
    cls=CchcGroup,
    name="cchc",
    help=HELP,
    epilog=EPILOG,
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
        bool,
        typer.Option("--no-color", help=N_("Plain output without colours (also: NO_COLOR=1).")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="vi|en",
            help=N_("Language of the output: vi or en (default: $CCHC_LANG, the locale, else vi)."),
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", help=N_("Say what was skipped (e.g. a broken cache)."))
    ] = False,
    version: Annotated[  # noqa: ARG001 - handled by its eager callback
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Print the version and exit.")
        ),
    ] = False,
) -> None:
    """Global options, read before any command (the language is set by then)."""
    if lang is not None and parse_language(lang) is None:
        raise typer.BadParameter(
            _("{value} is not a language cchc speaks; use vi or en.").format(value=quote(lang)),
            param_hint="--lang",
        )
    ctx.obj = CliState(plan=plan, color=not no_color and not os.environ.get("NO_COLOR"))
    if verbose:
        from cchc_cli.cli.state import report_notes

        report_notes(ctx)


for _name, _module in (
    ("validate", validate),
    ("export", export),
    ("status", status),
    ("deadlines", deadlines),
    ("due", due),
    ("workday", workday),
    ("periods", periods),
    ("task", task),
    ("calendar", calendar),
    ("kpi", kpi),
    ("report", report),
    ("score", score),
    ("diff", diff),
    ("history", history),
    ("init", init),
    ("rollup", rollup),
    ("sample-data", sample_data),
):
    if _module is task:
        app.add_typer(task.app, name="task")
        continue
    app.command(
        name=_name,
        cls=CchcCommand,
        help=_module.HELP,
        epilog=_module.EPILOG,
        context_settings=getattr(_module, "CONTEXT", None),
    )(getattr(_module, _name.replace("-", "_")))


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="cchc")
    finally:
        # A large plan leaves ~10^6 objects alive; the collector's final sweep over them
        # at interpreter exit took a third of `cchc validate`. They die with the process.
        gc.freeze()
