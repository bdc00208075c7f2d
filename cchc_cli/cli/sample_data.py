"""``cchc sample-data``: a realistic dossier export to try the measures on."""

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.cli.options import PlanOption
from cchc_cli.i18n import N_

HELP = N_("Write ho-so-tthc.csv: Vietnamese headers and words, dd/mm/yyyy, UTF-8 BOM, ';'.")
EXAMPLES = """\
cchc sample-data --rows 2000 --seed 7 -o /tmp/try
cchc sample-data --rows 2000 -o plan/data --force
cchc sample-data --rows 10000000 -o /tmp/big
"""
NOTES = N_(
    "Unit names come from the plan's offices when a plan is found. An existing file "
    "is replaced only with --force. Ten million rows are about 2 GB."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def sample_data(
    ctx: typer.Context,
    plan: PlanOption = None,
    rows: Annotated[int, typer.Option("--rows", min=1, help=N_("Number of dossiers."))] = 1000,
    seed: Annotated[int, typer.Option("--seed", help=N_("Same seed, same file."))] = 1,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help=N_("Directory to write into."))
    ] = Path("."),
    clean: Annotated[bool, typer.Option("--clean", help=N_("Leave out the dirty rows."))] = False,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace ho-so-tthc.csv if it exists."))
    ] = False,
) -> None:
    """Write ho-so-tthc.csv: Vietnamese headers and words, dd/mm/yyyy, UTF-8 BOM, ';'."""
    from cchc_cli.cli.state import err_console, plan_dir
    from cchc_cli.errors import PlanNotFoundError
    from cchc_cli.findings import relative_path
    from cchc_cli.i18n import ngettext
    from cchc_cli.i18n.forms import number
    from cchc_cli.measure.sample import SampleSpec, check_target, write_sample

    check_target(output, force=force)
    units: tuple[str, ...] = ()
    try:
        from cchc_cli.loading import require_plan

        found, _loaded = require_plan(plan_dir(ctx, plan))
        units = tuple(unit.name for unit in found.units if unit.kind == "office")
    except PlanNotFoundError:
        pass
    path = write_sample(SampleSpec(rows=rows, seed=seed, units=units, dirty=not clean), output)
    err_console(ctx).print(
        ngettext(
            "wrote {count} dossier to {path}", "wrote {count} dossiers to {path}", rows
        ).format(count=number(rows), path=relative_path(path)),
        markup=False,
        highlight=False,
    )
