"""Writing a report: Markdown, HTML, Word (and PDF through LibreOffice), with its charts.

Each format is one template (``report.md.j2``, ``report.html.j2``, ``report.docx``)
found as :mod:`cchc_cli.render.templating` says, rendered in the sandbox from the same
context. Charts are drawn once per format that shows them: PNG files beside the
Markdown, inline SVG in the HTML, PNG inside the Word file. The renderers return
bytes; the command writes them (atomically, replacing a file only with ``--force``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.render.charts import ChartFormat
from cchc_cli.render.styles import md_escape
from cchc_cli.services.report import ReportResult

__all__ = [
    "FORMATS",
    "ReportFormat",
    "base_name",
    "load_outline",
    "report_markdown",
    "report_outputs",
]

ReportFormat = Literal["md", "html", "docx", "pdf", "all"]
FORMATS: tuple[ReportFormat, ...] = ("md", "html", "docx", "pdf", "all")
_ALL: tuple[ReportFormat, ...] = ("md", "html", "docx")
_SUFFIX = {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
_OUTLINE_KEYS = (
    "direction",
    "results",
    "assessment",
    "strengths",
    "weaknesses",
    "next_period",
    "proposals",
    "annex",
)


def base_name(result: ReportResult) -> str:
    """``bao-cao-cchc-2024-Q2`` (``…-2024`` for the annual report, ``…-TCCB`` for a unit)."""
    name = f"bao-cao-cchc-{result.period.key}"
    return f"{name}-{result.unit}" if result.unit else name


def load_outline(dirs: Sequence[Path]) -> dict[str, dict[str, str]]:
    """The report outline (``report-outline.yaml``), read safely, every section present."""
    import yaml

    from cchc_cli.render.templating import TemplateError, find_template

    path = find_template("report-outline.yaml", dirs)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError(
            _("{path}: cannot read the report outline: {error}").format(path=path, error=exc)
        ) from None
    if not isinstance(data, dict):
        raise TemplateError(
            _("{path}: the outline is a mapping of section → number and title").format(path=path)
        )
    outline: dict[str, dict[str, str]] = {}
    for key in _OUTLINE_KEYS:
        entry = data.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise TemplateError(
                _("{path}: section '{key}' needs a title").format(path=path, key=key),
                hint=f'e.g. {key}: {{number: "I", title: "…"}}',
            )
        outline[key] = {"number": str(entry.get("number") or ""), "title": entry["title"]}
    return outline


def _cell(value: object) -> str:
    """A Markdown table cell: its lines joined (pipes are escaped by :func:`_md_text`)."""
    return " ".join(str(value).split())


def report_markdown(
    result: ReportResult, dirs: Sequence[Path], images: dict[str, str] | None = None
) -> str:
    """The report in Markdown (chart images named by ``images``: chart → file name)."""
    from cchc_cli.render.report_context import report_context

    return _markdown(report_context(result, load_outline(dirs), images), dirs)


def _markdown(context: dict[str, Any], dirs: Sequence[Path]) -> str:
    from cchc_cli.render.report_context import map_text
    from cchc_cli.render.templating import load_template, render_template, sandbox

    env = sandbox(dirs)
    env.filters["cell"] = _cell
    return render_template(load_template(env, "report.md.j2"), map_text(context, md_escape))


def _targets(
    output: Path | None, names: dict[ReportFormat, str], fmt: ReportFormat
) -> dict[ReportFormat, Path]:
    """Where each file goes: ``-o`` is a directory for ``all`` (or an existing directory)."""
    if output is None:
        raise UserError(
            _("--format {format} writes files: say where with -o").format(format=fmt),
            hint=_("e.g. cchc report --format {format} -o out/").format(format=fmt),
        )
    if fmt == "all" or output.is_dir() or output.suffix == "":
        return {kind: output / name for kind, name in names.items()}
    if len(names) > 1:
        raise UserError(
            _("-o {output}: --format {format} writes several files; give a directory").format(
                output=output, format=fmt
            )
        )
    (kind,) = names
    return {kind: output}


def report_outputs(
    result: ReportResult, fmt: ReportFormat, output: Path | None, dirs: Sequence[Path]
) -> dict[Path, bytes]:
    """Every file of the report as ``fmt`` under ``output`` (path → content), in order.

    The context is built once and each kind of chart drawn once (PNG for Markdown and
    Word, SVG for HTML). ``pdf`` yields the Word file; the caller converts it
    (LibreOffice) once written.
    """
    from cchc_cli.render.charts import report_charts
    from cchc_cli.render.report_context import report_context

    kinds: tuple[ReportFormat, ...] = _ALL if fmt == "all" else (fmt,)
    stem = base_name(result)
    names = {kind: stem + _SUFFIX["docx" if kind == "pdf" else kind] for kind in kinds}
    targets = _targets(output, names, fmt)
    context = report_context(result, load_outline(dirs))
    drawn: dict[ChartFormat, dict[str, bytes]] = {}

    def charts(kind: ChartFormat) -> dict[str, bytes]:
        if kind not in drawn:
            drawn[kind] = report_charts(context, kind)
        return drawn[kind]

    files: dict[Path, bytes] = {}
    for kind, path in targets.items():
        if kind == "md":
            pngs = charts("png")
            for name, png in pngs.items():
                files[path.with_name(f"{path.stem}-{name}.png")] = png
            shown = {name: f"{path.stem}-{name}.png" for name in pngs}
            files[path] = _markdown({**context, "images": shown}, dirs).encode("utf-8")
        elif kind == "html":
            from cchc_cli.render.html_report import render_html

            html = render_html({**context, "images": charts("svg")}, dirs)
            files[path] = html.encode("utf-8")
        else:
            from cchc_cli.render.docx_report import render_docx
            from cchc_cli.render.templating import find_template

            template = find_template("report.docx", dirs)
            files[path.with_suffix(".docx")] = render_docx(context, template, charts("png"))
    # Markdown first, then its charts: the order a reader is told about them.
    return dict(sorted(files.items(), key=lambda item: item[0].suffix == ".png"))
