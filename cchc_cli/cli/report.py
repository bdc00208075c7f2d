"""``cchc report``: the periodic CCHC report in Markdown, HTML and Word."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_cli.cli.options import DataOption, HalfOption, PlanOption, QuarterOption, YearOption
from cchc_cli.i18n import N_

HELP = N_("Write the quarterly, six-month or annual CCHC report (Decree 30/2020 form).")
EXAMPLES = """\
cchc report --quarter Q2 --year 2024 --format all -o out/
cchc report --half H1 > bao-cao.md
cchc report --unit TCCB --quarter Q3 --format docx -o out/
cchc report --year 2024 --number 45 --date 05/12/2024 --format docx -o out/
"""
NOTES = N_(
    "Without a period option: the report due next. Exit codes: 0 written, 2 bad "
    "option, unreadable data or template, or a file that exists (use --force)."
)
EPILOG = f"{EXAMPLES}\n{NOTES}"


def report(
    ctx: typer.Context,
    plan: PlanOption = None,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help=N_("Write it as of this day, dd/mm/yyyy or yyyy-mm-dd (default: today)."),
        ),
    ] = None,
    fmt: Annotated[
        Literal["md", "html", "docx", "pdf", "all"],
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "md (stdout unless -o), html, docx, pdf (Word, then LibreOffice), "
                "all (md, html and docx)."
            ),
        ),
    ] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=N_("File, or folder (created if missing; needed for all).")
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help=N_("Templates that replace the shipped ones, file by file."),
        ),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option("--number", metavar="TEXT", help=N_("The number in 'Số: …/BC-SGDĐT'.")),
    ] = None,
    signed: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help=N_("The signing date, dd/mm/yyyy or yyyy-mm-dd (default: blank)."),
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", metavar="CODE", help=N_("One unit's report (its tasks and dossiers).")
        ),
    ] = None,
    data: DataOption = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace files that exist."))] = False,
) -> None:
    """Write the quarterly, six-month or annual CCHC report (Decree 30/2020 form)."""
    from cchc_cli.cli.output import open_workspace
    from cchc_cli.cli.schedule_options import option_date
    from cchc_cli.cli.state import err_console
    from cchc_cli.findings import relative_path
    from cchc_cli.i18n import _
    from cchc_cli.loading.write import check_new_files, write_bytes_atomic
    from cchc_cli.render.report_files import report_markdown, report_outputs
    from cchc_cli.render.templating import template_dirs
    from cchc_cli.services.report import ReportRequest, build_report

    request = ReportRequest(
        quarter=quarter,
        half=half,
        year=year,
        as_of=option_date(as_of, "--as-of"),
        unit=unit,
        number=number,
        signed_on=option_date(signed, "--date"),
        data=data or [],
    )
    workspace = open_workspace(ctx, plan)
    dirs = template_dirs(templates, workspace.directory)
    result = build_report(workspace, request)
    if fmt == "md" and output is None:
        typer.echo(report_markdown(result, dirs), nl=False)
        return
    files = report_outputs(result, fmt, output, dirs)
    check_new_files(list(files), force=force)
    for path, content in files.items():
        write_bytes_atomic(path, content)
    written = list(files)
    if fmt == "pdf":
        from cchc_cli.render.docx_report import docx_to_pdf

        docx = next(path for path in files if path.suffix == ".docx")
        written.append(docx_to_pdf(docx, docx.parent))
    err = err_console(ctx)
    for path in written:
        err.print(_("wrote {path}").format(path=relative_path(path)), markup=False, highlight=False)
