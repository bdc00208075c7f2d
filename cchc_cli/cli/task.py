"""``cchc task show`` and ``cchc task update``: one task's record, and adding to it."""

from typing import Annotated

import typer

from cchc_cli.cli.boundary import CchcCommand, CchcSubGroup
from cchc_cli.cli.options import PlanOption
from cchc_cli.cli.schedule_options import AsOfOption, ViewFormat
from cchc_cli.i18n import N_
from cchc_cli.model.terms import TaskStatus

SHOW_HELP = N_("Show a task: lead and coordinating units, deadline, state, deliverables, updates.")
SHOW_EPILOG = """\
cchc task show PL.1
cchc task show PL.10 --as-of 30/06/2024 -f json
"""
UPDATE_HELP = N_("Append a dated progress update to a task and set its status.")
UPDATE_NOTES = N_(
    "The update is appended to the task's YAML file (comments and layout kept), validated "
    "with the whole plan, and written atomically. Short options: -s --status, "
    "-p --percent, -n --note, -e --evidence."
)
UPDATE_EPILOG = f"""\
cchc task update PL.1 --status done --percent 100 --evidence 'Kế hoạch số 12/KH-SGDĐT' --evidence https://example.vn/kh.pdf
cchc task update PL.3 --status in_progress --percent 40 --note 'Đã kiểm tra 5 đơn vị'
cchc task update PL.3 -s in_progress -p 60 -n 'Đã kiểm tra 8 đơn vị' --date 15/04/2024

{UPDATE_NOTES}"""

app = typer.Typer(
    cls=CchcSubGroup,
    name="task",
    help=N_("Show a task, or record progress on it."),
    epilog="""\
cchc task show PL.1
cchc task update PL.3 --status in_progress --percent 40
""",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

TaskId = Annotated[str, typer.Argument(metavar="ID", help=N_("The task id, e.g. PL.1."))]


@app.command(name="show", cls=CchcCommand, help=SHOW_HELP, epilog=SHOW_EPILOG)
def show(
    ctx: typer.Context,
    task_id: TaskId,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    fmt: ViewFormat = "text",
) -> None:
    """Show a task: lead and coordinating units, deadline, state, deliverables, updates."""
    from cchc_cli.cli.output import emit, open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.services.task import show_task

    day = option_date(as_of, "--as-of")
    emit(ctx, show_task(open_workspace(ctx, plan), task_id, as_of=day), fmt)


@app.command(name="update", cls=CchcCommand, help=UPDATE_HELP, epilog=UPDATE_EPILOG)
def update(
    ctx: typer.Context,
    task_id: TaskId,
    *,
    status: Annotated[
        TaskStatus, typer.Option("--status", "-s", help=N_("The task's status after this update."))
    ],
    percent: Annotated[
        float | None,
        typer.Option("--percent", "-p", min=0, max=100, help=N_("How much is done, 0-100.")),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help=N_("What was done."))] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            "-e",
            metavar="TEXT_OR_URL",
            help=N_("A document number or link showing it (repeat for several)."),
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help=N_(
                "Day of the update, dd/mm/yyyy or yyyy-mm-dd "
                "(default: today in the plan's time zone)."
            ),
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", metavar="NAME", help=N_("Who records it."))
    ] = None,
    problem: Annotated[
        str | None,
        typer.Option(
            "--problem", help=N_("What holds the task back (goes to the report's III.2).")
        ),
    ] = None,
    proposal: Annotated[
        str | None,
        typer.Option("--proposal", help=N_("What the unit asks for (goes to the report's V).")),
    ] = None,
    plan: PlanOption = None,
) -> None:
    """Append a dated progress update to a task and set its status."""
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.state import out_console, plan_dir
    from cchc_cli.findings import format_findings, relative_path
    from cchc_cli.i18n import _
    from cchc_cli.i18n.forms import day
    from cchc_cli.progress.record import ProgressEntry, record_progress
    from cchc_cli.render.styles import status_label

    entry = ProgressEntry(
        status=status,
        percent=percent,
        note=note,
        evidence=tuple(evidence or ()),
        by=by,
        on=option_date(on, "--date"),
        problem=problem,
        proposal=proposal,
    )
    done = record_progress(plan_dir(ctx, plan), task_id, entry)
    out = out_console(ctx)
    out.print(
        _("{task}: {before} → {after}; update of {day} added to {path}").format(
            task=done.task_id,
            before=status_label(done.previous_status),
            after=status_label(done.status),
            day=day(done.on),
            path=relative_path(done.path),
        ),
        markup=False,
    )
    if done.warnings:
        out.print(format_findings(done.warnings, "text"), markup=False, style="yellow")
